import "server-only";
import { ledgerLineToken } from "@/lib/domain/hearing/ledger";
import { formatMonthTitle, monthKey, monthStart } from "@/lib/domain/hearing/month";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, notFound } from "@/lib/server/errors";
import { lockHearingFile } from "@/lib/server/services/hearing-file-lock";
import { parisToday } from "@/lib/utils/dates";
import type { LedgerLineInput } from "@/lib/validation/hearing";

const LINE_SELECT = { id: true, caseId: true, month: true, rentDueCents: true, chargesDueCents: true, paidCents: true, housingBenefitCents: true, note: true } as const;

type StoredLine = { month: Date; rentDueCents: number; chargesDueCents: number; paidCents: number; housingBenefitCents: number; note: string | null };

export function auditedLine(line: StoredLine) {
  return {
    month: monthKey(line.month),
    rentDueCents: line.rentDueCents,
    chargesDueCents: line.chargesDueCents,
    paidCents: line.paidCents,
    housingBenefitCents: line.housingBenefitCents,
    note: line.note,
  };
}

export const LINE_CHANGED = "Ce mois du relevé a été modifié ou supprimé par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez les montants puis recommencez.";

/**
 * Adds a month to a case's rent ledger, or changes one (issue 4: the jurist
 * rebuilds the ledger to check the claimed debt). One line per month; a month
 * after the current one is refused (rent not due yet). An edit applies only
 * if the line still holds the values the user saw.
 */
export async function saveLedgerLine(db: Db, actor: Actor, input: LedgerLineInput, now: Date): Promise<{ lineId: string; created: boolean }> {
  const month = monthStart(input.month);
  if (month.getTime() > monthStart(parisToday(now)).getTime()) {
    throw new ExpectedError("INVALID_STEP", "Le formulaire contient des erreurs : corrigez les champs signalés.", {
      month: ["Le mois ne peut pas être postérieur au mois en cours."],
    });
  }
  const values = {
    month,
    rentDueCents: input.rentDue,
    chargesDueCents: input.chargesDue,
    paidCents: input.paid,
    housingBenefitCents: input.housingBenefit,
    note: input.note ?? null,
  };

  return db.$transaction(async (tx) => {
    await lockHearingFile(tx, actor, input.caseId);
    const sameMonth = await tx.rentLedgerLine.findUnique({ where: { caseId_month: { caseId: input.caseId, month } }, select: { id: true } });
    if (sameMonth && sameMonth.id !== input.lineId) {
      throw new ExpectedError("INVALID_STEP", "Le formulaire contient des erreurs : corrigez les champs signalés.", {
        month: [`${formatMonthTitle(month)} figure déjà dans le relevé : modifiez cette ligne plutôt que d'en ajouter une autre.`],
      });
    }

    if (input.lineId) {
      const before = await tx.rentLedgerLine.findUnique({ where: { id: input.lineId }, select: LINE_SELECT });
      if (!before || before.caseId !== input.caseId) throw notFound("Ce mois du relevé");
      if (input.token !== ledgerLineToken(before)) throw conflict(LINE_CHANGED);
      await tx.rentLedgerLine.update({ where: { id: before.id }, data: values });
      await writeAudit(tx, {
        userId: actor.id,
        action: "hearing.ledger_line.update",
        entity: "RentLedgerLine",
        entityId: before.id,
        caseId: input.caseId,
        before: auditedLine(before),
        after: auditedLine(values),
      });
      return { lineId: before.id, created: false };
    }

    const row = await tx.rentLedgerLine.create({ data: { caseId: input.caseId, ...values }, select: { id: true } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "hearing.ledger_line.create",
      entity: "RentLedgerLine",
      entityId: row.id,
      caseId: input.caseId,
      after: auditedLine(values),
    });
    return { lineId: row.id, created: true };
  });
}
