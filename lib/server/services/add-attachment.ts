import "server-only";
import { FILE_REFUSALS, MAX_ATTACHMENTS_PER_CASE, type FileRefusal } from "@/lib/domain/attachments/kinds";
import { canManageAttachments, canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getAttachmentStores, type AttachmentStores } from "@/lib/server/attachments/config";
import { inspectUpload } from "@/lib/server/attachments/inspect";
import { newStorageKey } from "@/lib/server/attachments/object-store";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, forbidden, notFound } from "@/lib/server/errors";
import { toIsoDay } from "@/lib/utils/dates";
import type { AttachmentInput } from "@/lib/validation/attachments";

export type AddAttachmentResult = { ok: true; attachmentId: string } | { ok: false; refusal: FileRefusal; message: string };

const refused = (refusal: FileRefusal): AddAttachmentResult => ({ ok: false, refusal, message: FILE_REFUSALS[refusal] });

/** Locks the case row, then checks again that the actor may add to it (ids come from the browser). */
async function lockCaseForAttachments(tx: Prisma.TransactionClient, actor: Actor, caseId: string): Promise<{ teamId: string }> {
  const rows = await tx.$queryRaw<Array<{ teamId: string; anonymisedAt: Date | null }>>`
    SELECT c."teamId", h."anonymisedAt" FROM "Case" c JOIN "Household" h ON h."id" = c."householdId" WHERE c."id" = ${caseId} FOR UPDATE OF c`;
  const c = rows[0];
  if (!c || !canViewCases(actor, c.teamId)) throw notFound();
  if (!canManageAttachments(actor, c.teamId)) throw forbidden("Votre rôle ne permet pas d'ajouter ou de supprimer des documents.");
  if (c.anonymisedAt) throw new ExpectedError("INVALID_STEP", "Ce ménage a été anonymisé : on ne peut plus y joindre de document.");
  return { teamId: c.teamId };
}

/**
 * Attaches a document or a photo to a case (issue 19). The permission is
 * checked before the file is even looked at; the content decides the type
 * (inspect.ts); the bytes go to the current backend under a random key, then
 * the row and its audit row are written in one transaction under the case's
 * lock (which also holds the per-case count). If that transaction fails, the
 * object just written is deleted again.
 */
export async function addAttachment(
  db: Db,
  actor: Actor,
  input: AttachmentInput,
  upload: { name: string; bytes: Uint8Array },
  now: Date,
  stores: AttachmentStores = getAttachmentStores(),
): Promise<AddAttachmentResult> {
  const target = await db.case.findUnique({ where: { id: input.caseId }, select: { teamId: true } });
  if (!target || !canViewCases(actor, target.teamId)) throw notFound();
  if (!canManageAttachments(actor, target.teamId)) throw forbidden("Votre rôle ne permet pas d'ajouter ou de supprimer des documents.");
  if ((await db.attachment.count({ where: { caseId: input.caseId } })) >= MAX_ATTACHMENTS_PER_CASE) return refused("tooMany");

  const inspected = await inspectUpload(upload.name, upload.bytes);
  if (!inspected.ok) return refused(inspected.refusal);
  const file = inspected.file;

  const store = stores.current;
  const storageKey = newStorageKey();
  await store.put(storageKey, file.bytes);
  try {
    const row = await db.$transaction(async (tx) => {
      await lockCaseForAttachments(tx, actor, input.caseId);
      if ((await tx.attachment.count({ where: { caseId: input.caseId } })) >= MAX_ATTACHMENTS_PER_CASE) return null;
      const created = await tx.attachment.create({
        data: {
          caseId: input.caseId,
          kind: input.kind,
          documentOn: input.documentOn,
          note: input.note ?? null,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: file.bytes.byteLength,
          sha256: file.sha256,
          storage: store.kind,
          storageKey,
          addedById: actor.id,
          addedAt: now,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        userId: actor.id,
        action: "attachment.add",
        entity: "Attachment",
        entityId: created.id,
        caseId: input.caseId,
        after: { kind: input.kind, documentOn: toIsoDay(input.documentOn), note: input.note ?? null, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.bytes.byteLength, sha256: file.sha256, storage: store.kind },
      });
      return created;
    });
    if (!row) {
      await store.delete(storageKey);
      return refused("tooMany");
    }
    return { ok: true, attachmentId: row.id };
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/**
 * Deletes a document: the row and its audit row in one transaction, and the
 * object inside it, before the commit. If the object cannot be deleted the
 * whole deletion is undone (the person retries); a commit that failed after
 * the object went leaves a row whose file is gone, which answers "not found"
 * — never a file without its row, which nobody would know to delete.
 */
export async function deleteAttachment(
  db: Db,
  actor: Actor,
  input: { caseId: string; attachmentId: string },
  stores: AttachmentStores = getAttachmentStores(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ teamId: string }>>`SELECT "teamId" FROM "Case" WHERE "id" = ${input.caseId} FOR UPDATE`;
    const c = rows[0];
    if (!c || !canViewCases(actor, c.teamId)) throw notFound();
    const before = await tx.attachment.findUnique({
      where: { id: input.attachmentId },
      select: { id: true, caseId: true, kind: true, documentOn: true, fileName: true, mimeType: true, sizeBytes: true, sha256: true, storage: true, storageKey: true, anonymisedAt: true },
    });
    if (!before || before.caseId !== input.caseId) throw notFound("Ce document");
    if (!canManageAttachments(actor, c.teamId)) throw forbidden("Votre rôle ne permet pas d'ajouter ou de supprimer des documents.");
    await tx.attachment.delete({ where: { id: before.id } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "attachment.delete",
      entity: "Attachment",
      entityId: before.id,
      caseId: input.caseId,
      before: { kind: before.kind, documentOn: toIsoDay(before.documentOn), fileName: before.anonymisedAt ? null : before.fileName, mimeType: before.mimeType, sizeBytes: before.sizeBytes, sha256: before.sha256, storage: before.storage },
    });
    if (before.storageKey) await stores.of(before.storage).delete(before.storageKey);
  });
}
