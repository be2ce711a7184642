import "server-only";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, notFound } from "@/lib/server/errors";
import { fieldRefusal, lockSupportCase } from "@/lib/server/services/support-case-lock";
import { formatDay, parisToday, toIsoDay } from "@/lib/utils/dates";
import type { DiagnosticInput } from "@/lib/validation/support";

const CHANGED = "Ce diagnostic a été modifié par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.";

type Stored = {
  kind: string;
  doneOn: Date;
  jointVisit: boolean;
  adults: number | null;
  children: number | null;
  resources: unknown;
  charges: unknown;
  rentCents: number | null;
  housingBenefitCents: number | null;
  debtsCents: number | null;
  housingCondition: string | null;
  wishes: string | null;
  analysis: string | null;
  recommendations: string | null;
};

function audited(d: Stored): Prisma.InputJsonValue {
  return { ...d, doneOn: toIsoDay(d.doneOn), resources: (d.resources ?? null) as Prisma.InputJsonValue, charges: (d.charges ?? null) as Prisma.InputJsonValue };
}

/**
 * Records a diagnostic (flash or in-depth) of a supported household, or
 * corrects one (issue 5). The form of an existing diagnostic sends the update
 * time it showed: a change made meanwhile is refused, never overwritten.
 * Resources and charges are stored as validated {source: cents} objects.
 */
export async function saveDiagnostic(db: Db, actor: Actor, input: DiagnosticInput, now: Date): Promise<{ diagnosticId: string; created: boolean }> {
  const today = parisToday(now);
  if (input.doneOn.getTime() > today.getTime()) throw fieldRefusal("doneOn", "Le diagnostic ne peut pas être daté d'un jour à venir.");
  const values = {
    kind: input.kind,
    doneOn: input.doneOn,
    jointVisit: input.jointVisit,
    adults: input.adults ?? null,
    children: input.children ?? null,
    resources: input.resources,
    charges: input.charges,
    rentCents: input.rent ?? null,
    housingBenefitCents: input.housingBenefit ?? null,
    debtsCents: input.debts ?? null,
    housingCondition: input.housingCondition ?? null,
    wishes: input.wishes ?? null,
    analysis: input.analysis ?? null,
    recommendations: input.recommendations ?? null,
  };

  return db.$transaction(async (tx) => {
    const c = await lockSupportCase(tx, actor, input.caseId, "DIAGNOSTIC");
    if (c.firstContactOn && input.doneOn.getTime() < c.firstContactOn.getTime()) {
      throw fieldRefusal("doneOn", `Le diagnostic ne peut pas précéder le premier contact du ménage (le ${formatDay(c.firstContactOn)}).`);
    }

    if (input.diagnosticId) {
      const before = await tx.diagnostic.findUnique({
        where: { id: input.diagnosticId },
        select: {
          id: true,
          caseId: true,
          updatedAt: true,
          kind: true,
          doneOn: true,
          jointVisit: true,
          adults: true,
          children: true,
          resources: true,
          charges: true,
          rentCents: true,
          housingBenefitCents: true,
          debtsCents: true,
          housingCondition: true,
          wishes: true,
          analysis: true,
          recommendations: true,
        },
      });
      if (!before || before.caseId !== c.id) throw notFound("Ce diagnostic");
      if (input.token !== before.updatedAt.toISOString()) throw conflict(CHANGED);
      const { id, caseId: _caseId, updatedAt: _updatedAt, ...old } = before;
      await tx.diagnostic.update({ where: { id }, data: { ...values, authorId: actor.id } });
      await writeAudit(tx, { userId: actor.id, action: "support.diagnostic.update", entity: "Diagnostic", entityId: id, caseId: c.id, before: audited(old), after: audited(values) });
      return { diagnosticId: id, created: false };
    }

    const row = await tx.diagnostic.create({ data: { caseId: c.id, ...values, authorId: actor.id }, select: { id: true } });
    await writeAudit(tx, { userId: actor.id, action: "support.diagnostic.create", entity: "Diagnostic", entityId: row.id, caseId: c.id, after: audited(values) });
    return { diagnosticId: row.id, created: true };
  });
}
