import { z } from "zod";

/**
 * Issue 18: what the phone keeps while there is no network (its outbox) and
 * sends back when the network returns. Shared by the browser's outbox and the
 * replay endpoint; the server parses every item again with the event's own
 * schema (lib/validation/outreach.ts) before the service re-checks everything.
 */

/** The steps that can be recorded without a network: visits, the household's contacts, letters handed over. */
export const OFFLINE_KINDS = ["VISIT", "HOUSEHOLD_CONTACT", "LETTER_TENANT", "LETTER_LANDLORD"] as const;
export type OfflineKind = (typeof OFFLINE_KINDS)[number];

/** The form fields an outbox entry may carry: only what the event needs (docs/security.md). */
export const OUTBOX_FIELDS = ["caseId", "version", "kind", "day", "time", "note", "outcome", "noticeLeft", "indecentHousing", "jointVisit", "channel"] as const;

export const outboxItemSchema = z.object({
  /** The idempotency key made on the phone (OutreachEvent.clientId): the same entry twice records once. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** The worker signed in when it was typed: another account's entry is never sent as this one's. */
  workerId: z.string().min(1).max(64),
  fields: z.partialRecord(z.enum(OUTBOX_FIELDS), z.string().max(4000)),
});
export type OutboxItemInput = z.output<typeof outboxItemSchema>;

export const outboxBatchSchema = z.object({ items: z.array(outboxItemSchema).min(1).max(50) });

/**
 * One entry's outcome: recorded now, already recorded by an earlier send (a
 * replay), or "à revoir" with the reason in French. An entry to review is
 * kept on the phone with what was typed; nothing is dropped.
 */
export type ReplayStatus = "recorded" | "already" | "review";
export interface ReplayItemResult {
  clientId: string;
  status: ReplayStatus;
  reason?: string;
  eventId?: string;
}
