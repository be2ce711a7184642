import "server-only";
import { canEditHearingFile } from "@/lib/domain/hearing/permissions";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { forbidden, notFound } from "@/lib/server/errors";

/**
 * Every write to a case's hearing file (ledger months, requests) starts by
 * locking the case row: writes to one hearing file then run one after the
 * other, so "is this month already on the ledger?" and "does the line still
 * hold what the user saw?" stay true until the transaction commits. The case's
 * version is not bumped: the outreach panel of a colleague is not disturbed.
 * Then the permission is checked again for the id that came from the browser.
 */
export async function lockHearingFile(tx: Prisma.TransactionClient, actor: Actor, caseId: string): Promise<{ teamId: string }> {
  const rows = await tx.$queryRaw<Array<{ teamId: string }>>`SELECT "teamId" FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`;
  const c = rows[0];
  if (!c || !canViewCases(actor, c.teamId)) throw notFound();
  if (!canEditHearingFile(actor, c.teamId)) {
    throw forbidden("Votre rôle ne permet pas de modifier le dossier d'audience.");
  }
  return c;
}
