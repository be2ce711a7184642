import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, notFound } from "@/lib/server/errors";
import { lockHearingFile } from "@/lib/server/services/hearing-file-lock";
import { toIsoDay } from "@/lib/utils/dates";
import type { HearingRequestInput } from "@/lib/validation/hearing";

type StoredRequest = { status: string; filedOn: Date | null; decidedOn: Date | null; note: string | null };

const audited = (r: StoredRequest) => ({
  status: r.status,
  filedOn: r.filedOn ? toIsoDay(r.filedOn) : null,
  decidedOn: r.decidedOn ? toIsoDay(r.decidedOn) : null,
  note: r.note,
});

const CHANGED = "Cette demande a été modifiée par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.";

/**
 * Records one of the four requests of the hearing file (delays to pay,
 * delays to leave, legal aid, JEX referral) and where it stands. One request
 * of each kind per case: the form of an existing request sends its id and
 * the update time it showed, and a change made meanwhile is refused.
 */
export async function saveHearingRequest(db: Db, actor: Actor, input: HearingRequestInput): Promise<{ requestId: string; created: boolean }> {
  const values = { status: input.status, filedOn: input.filedOn ?? null, decidedOn: input.decidedOn ?? null, note: input.note ?? null };
  return db.$transaction(async (tx) => {
    await lockHearingFile(tx, actor, input.caseId);

    if (input.requestId) {
      const before = await tx.aidRequest.findUnique({
        where: { id: input.requestId },
        select: { id: true, caseId: true, kind: true, status: true, filedOn: true, decidedOn: true, note: true, updatedAt: true },
      });
      if (!before || before.caseId !== input.caseId || before.kind !== input.kind) throw notFound("Cette demande");
      if (input.token !== before.updatedAt.toISOString()) throw conflict(CHANGED);
      await tx.aidRequest.update({ where: { id: before.id }, data: values });
      await writeAudit(tx, {
        userId: actor.id,
        action: "hearing.request.update",
        entity: "AidRequest",
        entityId: before.id,
        caseId: input.caseId,
        before: { kind: before.kind, ...audited(before) },
        after: { kind: before.kind, ...audited(values) },
      });
      return { requestId: before.id, created: false };
    }

    // The case is locked: nobody can create the same kind between this check and the insert.
    const existing = await tx.aidRequest.findFirst({ where: { caseId: input.caseId, kind: input.kind }, select: { id: true } });
    if (existing) throw conflict(CHANGED);
    const row = await tx.aidRequest.create({ data: { caseId: input.caseId, kind: input.kind, ...values }, select: { id: true } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "hearing.request.create",
      entity: "AidRequest",
      entityId: row.id,
      caseId: input.caseId,
      after: { kind: input.kind, ...audited(values) },
    });
    return { requestId: row.id, created: true };
  });
}
