import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth, unstable_update } from "@/lib/server/auth-config";
import { db } from "@/lib/server/db";
import { loadSessionUser, reissueGrant, type SessionFacts, type SessionState, type SessionUser } from "@/lib/server/session-claims";

export type CurrentUser = SessionUser;

/**
 * The session of this request: the user re-read from the database (a
 * deactivated account or a bumped session version stops working at once), or
 * why there is none. Cached per request.
 */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const session = (await auth()) as SessionFacts | null;
  return loadSessionUser(db, session);
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => (await getSessionState()).user);

/** The sign-in page's query for the reason a session ended ("Votre session a expiré…"). */
const REASON_QUERY: Record<string, string> = { idle: "inactivite", absolute: "duree", closed: "fermee" };

/** For pages: the user, or a redirect to the sign-in page that says why. */
export async function requireUser(): Promise<CurrentUser> {
  const state = await getSessionState();
  if (state.user) return state.user;
  const why = REASON_QUERY[state.reason];
  redirect(why ? `/connexion?session=${why}` : "/connexion");
}

/**
 * Keeps the current browser signed in after its own session version was
 * bumped (password change): the cookie is re-issued with the new version,
 * every other session stops. For server actions only (they may set cookies).
 */
export async function reissueCurrentSession(userId: string, sessionVersion: number, now: Date): Promise<void> {
  await unstable_update(reissueGrant(userId, sessionVersion, now.getTime()) as never);
}
