import "server-only";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { recordOutreachEventInTx } from "@/lib/server/services/record-outreach-event";
import type { FirstLettersInput } from "@/lib/validation/outreach";

/**
 * "Premiers courriers" (issue 15): the first letter to the tenant and, when
 * the case has a landlord, the letter to the landlord, recorded as two events
 * of the timeline in one transaction (both or neither). Each stays
 * recordable alone from the outreach panel.
 */
export async function recordFirstLetters(db: Db, actor: Actor, input: FirstLettersInput, now: Date): Promise<{ landlordLetter: boolean; version: number }> {
  return db.$transaction(async (tx) => {
    const tenant = await recordOutreachEventInTx(tx, actor, { ...input, kind: "LETTER_TENANT" }, now);
    const c = await tx.case.findUnique({ where: { id: input.caseId }, select: { lease: { select: { landlordId: true } } } });
    if (!c?.lease?.landlordId) return { landlordLetter: false, version: tenant.version };
    const landlord = await recordOutreachEventInTx(tx, actor, { ...input, kind: "LETTER_LANDLORD", version: tenant.version }, now);
    return { landlordLetter: true, version: landlord.version };
  });
}
