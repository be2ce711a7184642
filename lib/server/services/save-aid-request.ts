import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { isSupportAidKind } from "@/lib/domain/support/access";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, notFound } from "@/lib/server/errors";
import { fieldRefusal, lockSupportCase } from "@/lib/server/services/support-case-lock";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import type { AidRequestInput } from "@/lib/validation/support";

type Stored = { kind: string; status: string; amountCents: number | null; filedOn: Date | null; decidedOn: Date | null; note: string | null };

const audited = (r: Stored) => ({
  kind: r.kind,
  status: r.status,
  amountCents: r.amountCents,
  filedOn: r.filedOn ? toIsoDay(r.filedOn) : null,
  decidedOn: r.decidedOn ? toIsoDay(r.decidedOn) : null,
  note: r.note,
});

const CHANGED = "Cette démarche a été modifiée par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.";

/**
 * Records an aid request or recommendation of the support (APL, FSL, DALO…)
 * and where it stands, or updates one (issue 5). Several requests of a kind
 * may exist (an FSL refused, then filed again). The hearing file's four
 * requests are not written here (lib/domain/support/access.ts).
 */
export async function saveAidRequest(db: Db, actor: Actor, input: AidRequestInput, now: Date): Promise<{ requestId: string; created: boolean }> {
  const today = parisToday(now);
  if (input.filedOn && input.filedOn.getTime() > today.getTime()) throw fieldRefusal("filedOn", "La date de dépôt ne peut pas être à venir.");
  if (input.decidedOn && input.decidedOn.getTime() > today.getTime()) throw fieldRefusal("decidedOn", "La date de décision ne peut pas être à venir.");
  const values = {
    kind: input.kind,
    status: input.status,
    amountCents: input.amount ?? null,
    filedOn: input.filedOn ?? null,
    decidedOn: input.decidedOn ?? null,
    note: input.note ?? null,
  };
  return db.$transaction(async (tx) => {
    const c = await lockSupportCase(tx, actor, input.caseId, "AID_REQUEST");
    if (input.requestId) {
      const before = await tx.aidRequest.findUnique({
        where: { id: input.requestId },
        select: { id: true, caseId: true, kind: true, status: true, amountCents: true, filedOn: true, decidedOn: true, note: true, updatedAt: true },
      });
      if (!before || before.caseId !== c.id || !isSupportAidKind(before.kind)) throw notFound("Cette démarche");
      if (before.kind !== input.kind) throw fieldRefusal("kind", "Le type d'une démarche ne se change pas : enregistrez une nouvelle démarche.");
      if (input.token !== before.updatedAt.toISOString()) throw conflict(CHANGED);
      await tx.aidRequest.update({ where: { id: before.id }, data: values });
      await writeAudit(tx, { userId: actor.id, action: "support.aid_request.update", entity: "AidRequest", entityId: before.id, caseId: c.id, before: audited(before), after: audited(values) });
      return { requestId: before.id, created: false };
    }
    const row = await tx.aidRequest.create({ data: { caseId: c.id, ...values }, select: { id: true } });
    await writeAudit(tx, { userId: actor.id, action: "support.aid_request.create", entity: "AidRequest", entityId: row.id, caseId: c.id, after: audited(values) });
    return { requestId: row.id, created: true };
  });
}
