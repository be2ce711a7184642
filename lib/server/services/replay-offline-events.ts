import "server-only";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { OFFLINE_KINDS, type OutboxItemInput, type ReplayItemResult } from "@/lib/validation/offline-outbox";
import { outreachEventSchema, type OutreachEventInput } from "@/lib/validation/outreach";

const REBASED = "Le dossier a changé depuis votre saisie hors ligne : ";

/**
 * Issue 18: the phone's outbox, sent back in the order it was typed. Each
 * entry goes through the same service as the online form
 * (recordOutreachEvent): access, role, workflow and identification-date rules
 * are checked again; the entry's client id is the idempotency key, so a
 * second send of the same outbox records nothing; the event keeps the day and
 * time the worker typed (or tapped), never the time it was sent.
 *
 * The case may have changed meanwhile (a colleague recorded a contact, closed
 * the case). The entry was made against an older version: it is checked
 * against the case as it is now, once, and recorded when the workflow still
 * allows it; otherwise it comes back "à revoir" with the reason. Two entries
 * typed offline on one case both carry the same old version: the second is
 * checked after the first, the same way.
 */
export async function replayOfflineEvents(db: Db, actor: Actor, items: OutboxItemInput[], now: Date): Promise<ReplayItemResult[]> {
  const results: ReplayItemResult[] = [];
  for (const item of items) results.push(await replayOne(db, actor, item, now));
  return results;
}

async function replayOne(db: Db, actor: Actor, item: OutboxItemInput, now: Date): Promise<ReplayItemResult> {
  const review = (reason: string): ReplayItemResult => ({ clientId: item.clientId, status: "review", reason });
  if (item.workerId !== actor.id) return review("Cette saisie a été faite sous un autre compte : elle n'est pas envoyée sous le vôtre.");
  const kind = item.fields.kind;
  if (!OFFLINE_KINDS.includes(kind as (typeof OFFLINE_KINDS)[number])) return review("Cette action ne peut pas être enregistrée hors ligne.");
  const parsed = outreachEventSchema.safeParse({ ...item.fields, clientId: item.clientId });
  if (!parsed.success) return review(`La saisie est incomplète : ${[...new Set(parsed.error.issues.map((i) => i.message))].join(" ")}`);

  const attempt = async (input: OutreachEventInput): Promise<ReplayItemResult> => {
    const r = await recordOutreachEvent(db, actor, input, now);
    return { clientId: item.clientId, status: r.duplicate ? "already" : "recorded", eventId: r.eventId };
  };
  try {
    return await attempt(parsed.data);
  } catch (error) {
    if (!(error instanceof ExpectedError)) throw error;
    if (error.code !== "CONFLICT") return review(error.message);
  }
  // The case moved on since the entry was typed: check it against the case as it is now.
  const current = await db.case.findUnique({ where: { id: parsed.data.caseId }, select: { version: true } });
  if (!current) return review("Ce dossier est introuvable ou vous n'y avez pas accès.");
  try {
    return await attempt({ ...parsed.data, version: current.version });
  } catch (error) {
    if (!(error instanceof ExpectedError)) throw error;
    return review(error.code === "CONFLICT" ? `${REBASED}il vient encore d'être modifié pendant l'envoi. Ouvrez le dossier et saisissez-la de nouveau.` : `${REBASED}${error.message}`);
  }
}
