import "server-only";
import { isPreviewable, type AttachmentKind } from "@/lib/domain/attachments/kinds";
import { canManageAttachments, canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { getAttachmentStores, type AttachmentStores } from "@/lib/server/attachments/config";
import type { Db } from "@/lib/server/db";

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  documentOn: Date;
  note: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  addedAt: Date;
  addedByName: string | null;
  previewable: boolean;
  /** False once anonymisation removed the file (the row stays for the counts). */
  available: boolean;
}

export interface CaseAttachments {
  caseId: string;
  number: number;
  householdName: string;
  anonymised: boolean;
  canManage: boolean;
  /** Documents of every kind on the case (the filter does not change it). */
  total: number;
  items: AttachmentView[];
}

const itemSelect = {
  id: true,
  kind: true,
  documentOn: true,
  note: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  addedAt: true,
  storageKey: true,
  addedBy: { select: { name: true } },
} as const;

type Row = { id: string; kind: AttachmentKind; documentOn: Date; note: string | null; fileName: string; mimeType: string; sizeBytes: number; addedAt: Date; storageKey: string | null; addedBy: { name: string } | null };

const toView = (r: Row): AttachmentView => ({
  id: r.id,
  kind: r.kind,
  documentOn: r.documentOn,
  note: r.note,
  fileName: r.fileName,
  mimeType: r.mimeType,
  sizeBytes: r.sizeBytes,
  addedAt: r.addedAt,
  addedByName: r.addedBy?.name ?? null,
  previewable: isPreviewable(r.mimeType) && r.storageKey !== null,
  available: r.storageKey !== null,
});

/**
 * A case's documents, newest document date first, optionally of one kind.
 * Null when the actor may not read the case (another team, a funder, an id
 * that does not exist): the page answers "not found".
 */
export async function listCaseAttachments(db: Db, actor: Actor, caseId: string, kind?: AttachmentKind): Promise<CaseAttachments | null> {
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      number: true,
      teamId: true,
      household: { select: { anonymisedAt: true, occupants: { where: { role: "TENANT" }, select: { firstName: true, lastName: true }, take: 1 } } },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) return null;
  const [items, total] = await Promise.all([
    db.attachment.findMany({ where: { caseId, ...(kind ? { kind } : {}) }, orderBy: [{ documentOn: "desc" }, { addedAt: "desc" }], select: itemSelect }),
    db.attachment.count({ where: { caseId } }),
  ]);
  const tenant = c.household.occupants[0];
  return {
    caseId: c.id,
    number: c.number,
    householdName: tenant ? `${tenant.firstName} ${tenant.lastName.toUpperCase()}` : "Ménage",
    anonymised: c.household.anonymisedAt !== null,
    canManage: canManageAttachments(actor, c.teamId) && c.household.anonymisedAt === null,
    total,
    items: items.map(toView),
  };
}

/** The hearing file's choice of annexes: the case's documents still on file, oldest first (the order of the procedure). */
export async function listAnnexCandidates(db: Db, caseId: string): Promise<AttachmentView[]> {
  const rows = await db.attachment.findMany({ where: { caseId, storageKey: { not: null } }, orderBy: [{ documentOn: "asc" }, { addedAt: "asc" }], select: itemSelect });
  return rows.map(toView);
}

/**
 * One document's bytes, for the preview and download route. Null when the
 * actor may not read the case, when the document is not of this case, or when
 * its file is gone: all answer the same "not found".
 */
export async function readAttachment(
  db: Db,
  actor: Actor,
  caseId: string,
  attachmentId: string,
  stores: AttachmentStores = getAttachmentStores(),
): Promise<{ caseId: string; fileName: string; mimeType: string; bytes: Uint8Array } | null> {
  const row = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { caseId: true, fileName: true, mimeType: true, storage: true, storageKey: true, case: { select: { teamId: true } } },
  });
  if (!row || row.caseId !== caseId || !canViewCases(actor, row.case.teamId) || !row.storageKey) return null;
  const bytes = await stores.of(row.storage).get(row.storageKey);
  if (!bytes) return null;
  return { caseId: row.caseId, fileName: row.fileName, mimeType: row.mimeType, bytes };
}

export interface Annex {
  id: string;
  kind: AttachmentKind;
  documentOn: Date;
  mimeType: string;
  fileName: string;
  /** Loaded only for the bundle (withBytes). */
  bytes: Uint8Array | null;
}

/**
 * The documents the jurist chose as annexes, in the order asked; ids not of
 * this case (or whose file is gone) are skipped. The caller has already
 * checked that the actor reads the case.
 */
export async function readAnnexes(
  db: Db,
  caseId: string,
  ids: readonly string[],
  opts: { withBytes: boolean },
  stores?: AttachmentStores,
): Promise<Annex[]> {
  if (!ids.length) return [];
  const rows = await db.attachment.findMany({
    where: { caseId, id: { in: [...ids] }, storageKey: { not: null } },
    select: { id: true, kind: true, documentOn: true, mimeType: true, fileName: true, storage: true, storageKey: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: Annex[] = [];
  for (const id of [...new Set(ids)]) {
    const r = byId.get(id);
    if (!r) continue;
    const bytes = opts.withBytes && r.storageKey ? await (stores ?? getAttachmentStores()).of(r.storage).get(r.storageKey) : null;
    out.push({ id: r.id, kind: r.kind, documentOn: r.documentOn, mimeType: r.mimeType, fileName: r.fileName, bytes });
  }
  return out;
}
