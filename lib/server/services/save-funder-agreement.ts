import "server-only";
import { agreementToken, overlaps, sameFunder, type AgreementValues } from "@/lib/domain/billing/agreement";
import { canManageAgreements } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, notFound } from "@/lib/server/errors";
import { fieldRefusal } from "@/lib/server/services/support-case-lock";
import { formatDay, toIsoDay } from "@/lib/utils/dates";
import type { AgreementInput } from "@/lib/validation/billing";

const CHANGED = "Cette convention a été modifiée par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.";

function audited(a: AgreementValues): Prisma.InputJsonValue {
  return {
    ...a,
    periodStart: toIsoDay(a.periodStart),
    periodEnd: toIsoDay(a.periodEnd),
    rates: a.rates.map((r) => ({ act: r.act, amountCents: r.amountCents, maxPerHousehold: r.maxPerHousehold })),
  };
}

export const AGREEMENT_SELECT = {
  id: true,
  teamId: true,
  funderName: true,
  reference: true,
  periodStart: true,
  periodEnd: true,
  advanceShareBp: true,
  advanceReceivedCents: true,
  maxSupportWeeks: true,
  capCents: true,
  rates: { select: { act: true, amountCents: true, maxPerHousehold: true } },
} as const;

/**
 * Creates or edits a team's funder agreement (issue 5): funder, period, rate
 * per act and its cap per household, weeks per household, budget ceiling,
 * advance share and advance received. Rates are data. Coordinators and admins
 * of the team only; an agreement of another team is "not found". Two
 * agreements of the same funder may not cover the same day (an act would be
 * billed twice). An edit applies only if the agreement still holds what the
 * form showed.
 */
export async function saveFunderAgreement(db: Db, actor: Actor, input: AgreementInput): Promise<{ agreementId: string; created: boolean }> {
  if (!canManageAgreements(actor, input.teamId)) throw notFound("Cette équipe");
  const values: AgreementValues = {
    teamId: input.teamId,
    funderName: input.funderName,
    reference: input.reference ?? null,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    advanceShareBp: input.advanceShare,
    advanceReceivedCents: input.advanceReceived,
    maxSupportWeeks: input.maxSupportWeeks,
    capCents: input.cap ?? null,
    rates: input.rates,
  };
  const { rates, ...columns } = values;

  return db.$transaction(async (tx) => {
    // Agreements of a team are written one at a time: the overlap check stays true until commit.
    await tx.$queryRaw`SELECT "id" FROM "Team" WHERE "id" = ${input.teamId} FOR UPDATE`;
    let before: (AgreementValues & { id: string }) | null = null;
    if (input.agreementId) {
      before = await tx.funderAgreement.findUnique({ where: { id: input.agreementId }, select: AGREEMENT_SELECT });
      if (!before || !canManageAgreements(actor, before.teamId)) throw notFound("Cette convention");
      if (before.teamId !== input.teamId) throw fieldRefusal("teamId", "Une convention ne change pas d'équipe : créez-en une pour l'autre équipe.");
      if (input.token !== agreementToken(before)) throw conflict(CHANGED);
    }

    const sameTeam = await tx.funderAgreement.findMany({
      where: { teamId: input.teamId, ...(input.agreementId ? { id: { not: input.agreementId } } : {}) },
      select: { funderName: true, periodStart: true, periodEnd: true },
    });
    const clash = sameTeam.find((a) => sameFunder(a.funderName, input.funderName) && overlaps(a, input));
    if (clash) {
      throw fieldRefusal(
        "periodStart",
        `Une convention de ce financeur couvre déjà la période du ${formatDay(clash.periodStart)} au ${formatDay(clash.periodEnd)} : un acte serait facturé deux fois.`,
      );
    }

    if (before) {
      await tx.funderAgreement.update({ where: { id: before.id }, data: columns });
      await tx.funderRate.deleteMany({ where: { agreementId: before.id } });
      await tx.funderRate.createMany({ data: rates.map((r) => ({ agreementId: before.id, ...r })) });
      const { id, ...old } = before;
      await writeAudit(tx, { userId: actor.id, action: "billing.agreement.update", entity: "FunderAgreement", entityId: id, before: audited(old), after: audited(values) });
      return { agreementId: id, created: false };
    }
    const row = await tx.funderAgreement.create({ data: { ...columns, rates: { create: rates.map((r) => ({ ...r })) } }, select: { id: true } });
    await writeAudit(tx, { userId: actor.id, action: "billing.agreement.create", entity: "FunderAgreement", entityId: row.id, after: audited(values) });
    return { agreementId: row.id, created: true };
  });
}
