import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  userId: string | null;
  action: string;
  entity: string;
  entityId: string;
  caseId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/** Writes the audit row inside the caller's transaction, so a write and its audit commit together. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      caseId: entry.caseId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
