import "server-only";
import { ledgerLineToken } from "@/lib/domain/hearing/ledger";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict } from "@/lib/server/errors";
import { lockHearingFile } from "@/lib/server/services/hearing-file-lock";
import { auditedLine, LINE_CHANGED } from "@/lib/server/services/save-ledger-line";
import type { DeleteLedgerLineInput } from "@/lib/validation/hearing";

/**
 * Removes a month from a case's rent ledger, if it still holds the values the
 * user saw. The audit row keeps what was deleted.
 */
export async function deleteLedgerLine(db: Db, actor: Actor, input: DeleteLedgerLineInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockHearingFile(tx, actor, input.caseId);
    const before = await tx.rentLedgerLine.findUnique({
      where: { id: input.lineId },
      select: { id: true, caseId: true, month: true, rentDueCents: true, chargesDueCents: true, paidCents: true, housingBenefitCents: true, note: true },
    });
    // Already deleted by someone else, or a line of another case: the same answer.
    if (!before || before.caseId !== input.caseId || input.token !== ledgerLineToken(before)) throw conflict(LINE_CHANGED);
    await tx.rentLedgerLine.delete({ where: { id: before.id } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "hearing.ledger_line.delete",
      entity: "RentLedgerLine",
      entityId: before.id,
      caseId: input.caseId,
      before: auditedLine(before),
    });
  });
}
