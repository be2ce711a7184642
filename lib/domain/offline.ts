import type { Actor } from "@/lib/domain/roles";

/**
 * Issue 18: whose pages may be copied to the phone for offline use. Only the
 * social worker's round ("Ma tournée") and the cases on it: the field
 * worker's need. No other role's pages are copied (docs/security.md).
 */
export function canKeepOfflineCopy(actor: Pick<Actor, "role">): boolean {
  return actor.role === "SOCIAL_WORKER";
}

/** At most this many cases of the round are copied (each copy is a page render on the server). */
export const OFFLINE_ROUND_MAX_CASES = 40;
