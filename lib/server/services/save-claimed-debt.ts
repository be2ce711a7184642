import "server-only";
import { canEditHearingFile } from "@/lib/domain/hearing/permissions";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, forbidden, notFound } from "@/lib/server/errors";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import type { ClaimedDebtInput } from "@/lib/validation/hearing";

/**
 * Records the debt the landlord claims (in the commandement or the
 * assignation) and the date it was stated, which the hearing file checks
 * against the ledger. A case-level write: guarded by the case's version, like
 * every change to the case row.
 */
export async function saveClaimedDebt(db: Db, actor: Actor, input: ClaimedDebtInput, now: Date): Promise<{ version: number }> {
  const today = parisToday(now);
  if (input.claimedOn && input.claimedOn > today) {
    throw new ExpectedError("INVALID_STEP", "Le formulaire contient des erreurs : corrigez les champs signalés.", {
      claimedOn: ["La date d'arrêté de la dette ne peut pas être dans le futur."],
    });
  }
  return db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({ where: { id: input.caseId }, select: { id: true, teamId: true, version: true, debtCents: true, debtOn: true } });
    if (!c || !canViewCases(actor, c.teamId)) throw notFound();
    if (!canEditHearingFile(actor, c.teamId)) throw forbidden("Votre rôle ne permet pas de modifier le dossier d'audience.");
    if (c.version !== input.version) throw conflict();
    const debtOn = input.claimedOn ?? today;
    const updated = await tx.case.updateMany({
      where: { id: c.id, version: input.version },
      data: { debtCents: input.claimedDebt, debtOn, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict();
    await writeAudit(tx, {
      userId: actor.id,
      action: "hearing.claimed_debt.update",
      entity: "Case",
      entityId: c.id,
      caseId: c.id,
      before: { debtCents: c.debtCents, debtOn: c.debtOn ? toIsoDay(c.debtOn) : null, version: c.version },
      after: { debtCents: input.claimedDebt, debtOn: toIsoDay(debtOn), version: c.version + 1 },
    });
    return { version: c.version + 1 };
  });
}
