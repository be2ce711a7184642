import "server-only";
import type { CaseState } from "@/lib/domain/labels";
import { canRecordSupport, canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { supportStepRefusal, type SupportStep } from "@/lib/domain/support/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ExpectedError, forbidden, notFound } from "@/lib/server/errors";

export interface LockedSupportCase {
  id: string;
  teamId: string;
  householdId: string;
  state: CaseState;
  supported: boolean;
  version: number;
  firstContactOn: Date | null;
}

/**
 * Every write to a case's support starts here, inside its transaction: the
 * case row is locked (writes to one case's support run one after the other),
 * the permission is checked again for the id that came from the browser (not
 * found == not allowed for another team), then the case's state must allow
 * the step (lib/domain/support/access.ts).
 */
export async function lockSupportCase(tx: Prisma.TransactionClient, actor: Actor, caseId: string, step: SupportStep): Promise<LockedSupportCase> {
  await tx.$queryRaw`SELECT "id" FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`;
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: { id: true, teamId: true, householdId: true, state: true, supported: true, version: true, firstContactOn: true },
  });
  if (!c || !canViewCases(actor, c.teamId)) throw notFound();
  if (!canRecordSupport(actor, c.teamId)) {
    throw forbidden("Votre rôle ne permet pas d'enregistrer l'accompagnement : il est saisi par les travailleurs sociaux et les juristes de l'équipe.");
  }
  const refusal = supportStepRefusal(step, c);
  if (refusal) throw new ExpectedError("INVALID_STEP", refusal);
  return c;
}

/**
 * The 8-week cap is per household, across its cases: two colleagues recording
 * a week for the same household under two cases take turns on the household row.
 */
export async function lockHousehold(tx: Prisma.TransactionClient, householdId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Household" WHERE "id" = ${householdId} FOR UPDATE`;
}

/** Every support week and period of a household, all cases together. */
export async function householdSupport(tx: Prisma.TransactionClient, householdId: string) {
  // One after the other: a transaction holds one connection.
  const periods = await tx.supportPeriod.findMany({ where: { case: { householdId } }, select: { id: true, caseId: true, startedOn: true, endedOn: true } });
  const weeks = await tx.supportWeek.findMany({ where: { period: { case: { householdId } } }, select: { id: true, periodId: true, weekOf: true } });
  return { periods, weeks };
}

/** A refusal on one field of the form, in French. */
export function fieldRefusal(field: string, message: string): ExpectedError {
  return new ExpectedError("INVALID_STEP", "Le formulaire contient des erreurs : corrigez les champs signalés.", { [field]: [message] });
}
