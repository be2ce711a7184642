// Documents and photos of a case (issue 19), on both storage backends: the
// encrypted folder, and S3 against a real S3 API (s3rver) started here on
// loopback. Upload, read, delete; files refused by their content, in French;
// another team's document is "not found"; anonymisation leaves no object.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import exifr from "exifr";
import S3rver from "s3rver";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/server/session", () => ({
  getCurrentUser: async () => current.user,
  requireUser: async () => current.user,
}));

import { NextRequest } from "next/server";
import type { Actor } from "@/lib/domain/roles";
import { getAttachmentStores, resetAttachmentStores } from "@/lib/server/attachments/config";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { annexListLines, appendAnnexes } from "@/lib/server/pdf/hearing-bundle";
import { renderHearingFilePdf } from "@/lib/server/pdf/hearing-file-pdf";
import { listCaseAttachments, readAnnexes, readAttachment } from "@/lib/server/queries/attachments";
import { getHearingFile } from "@/lib/server/queries/get-hearing-file";
import { addAttachment, deleteAttachment } from "@/lib/server/services/add-attachment";
import { anonymiseClosedCases } from "@/lib/server/services/anonymise-closed-cases";
import { migrateAttachmentsToS3 } from "@/lib/server/services/migrate-attachments-to-s3";
import { backupAttachmentFiles, restoreAttachmentFiles } from "../../scripts/attachments/backup-files";
import { attachmentSchema } from "@/lib/validation/attachments";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { docxFixture, exeFixture, jpegWithGpsFixture, odtFixture, pdfFixture, pngFixture } from "../support/attachment-fixtures";
import { resetDatabase } from "./support/reset-database";
import { uninstallTestClock } from "../support/shifted-clock";

// A signed S3 request carries its time, and s3rver refuses one more than 15
// minutes away from the clock Node's HTTP layer reads (never the test clock's
// shifted Date): this file runs on the real clock. Its dates are fixed days.
uninstallTestClock();

const NOW = new Date("2026-06-22T09:00:00Z");
const BASE = "http://localhost:3000";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-attachments-"));
let s3: S3rver;
let s3Port = 0;

const SAVED_ENV = { ...process.env };
function useBackend(kind: "folder" | "s3", name: string) {
  for (const k of ["ATTACHMENTS_STORAGE", "S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION", "S3_FORCE_PATH_STYLE", "S3_PREFIX"]) delete process.env[k];
  process.env.DATA_DIR = path.join(tmp, `data-${name}`);
  process.env.ATTACHMENTS_KEY = Buffer.alloc(32, 7).toString("base64");
  if (kind === "s3") {
    Object.assign(process.env, {
      ATTACHMENTS_STORAGE: "s3",
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_BUCKET: "maintien-test",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
      S3_PREFIX: `${name}/`,
    });
  }
  resetAttachmentStores();
}

beforeAll(async () => {
  s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(tmp, "s3rver"), configureBuckets: [{ name: "maintien-test", configs: [] }] });
  const address = (await s3.run()) as { port: number };
  s3Port = address.port;
}, 120_000);

afterAll(async () => {
  await s3?.close();
  process.env = SAVED_ENV;
  resetAttachmentStores();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  const actor = async (role: Actor["role"], teamId = team.id): Promise<Actor> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role, teamIds: [teamId] };
  };
  const c = await caseAtState(db, {
    teamId: team.id,
    state: "SUPPORTED",
    stage: "ASSIGNATION",
    openedOn: calendarDate(2026, 3, 2),
    now: NOW,
    household: { tenant: { firstName: "Gaëlle", lastName: "Lefèvre" } },
  });
  return { team, c, jurist: await actor("JURIST"), worker: await actor("SOCIAL_WORKER"), funder: await actor("FUNDER_VIEWER"), admin: await actor("ADMIN"), stranger: await actor("JURIST", other.id) };
}

const input = (caseId: string, kind: string, documentOn = "2026-06-22", note?: string) => attachmentSchema.parse({ caseId, kind, documentOn, note });

function uploadRequest(caseId: string, fields: Record<string, string>, file: { name: string; bytes: Uint8Array; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("fichier", new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }));
  return new NextRequest(`${BASE}/dossiers/${caseId}/documents/televerser`, { method: "POST", body: form, headers: { origin: BASE, host: "localhost:3000", accept: "application/json" } });
}

async function callAs<T>(user: Actor, fn: () => Promise<T>): Promise<T> {
  current.user = user;
  try {
    return await fn();
  } finally {
    current.user = null;
  }
}

describe.each(["folder", "s3"] as const)("attachments on the %s backend", (backend) => {
  beforeEach(async () => {
    await resetDatabase();
    useBackend(backend, `${backend}-${Math.random().toString(36).slice(2, 8)}`);
  });

  it("uploads, lists, reads back the same bytes, logs every read and audits add and delete in the row's transaction", async () => {
    const { c, jurist, worker } = await setup();
    const pdf = await pdfFixture("Assignation devant le juge des contentieux");
    const added = await addAttachment(db, jurist, input(c.id, "ASSIGNATION", "2026-05-12", "Reçue par le ménage le 14/05"), { name: "assignation.pdf", bytes: pdf }, NOW);
    expect(added.ok).toBe(true);
    const id = (added as { attachmentId: string }).attachmentId;

    const stores = getAttachmentStores();
    expect(stores.current.kind).toBe(backend === "s3" ? "S3" : "FOLDER");
    const row = await db.attachment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: "ASSIGNATION", mimeType: "application/pdf", fileName: "assignation.pdf", storage: backend === "s3" ? "S3" : "FOLDER", addedById: jurist.id, note: "Reçue par le ménage le 14/05" });
    expect(await stores.current.keys()).toEqual([row.storageKey]);
    if (backend === "folder") {
      // Encrypted at rest: the file on disk is not the PDF.
      const onDisk = fs.readFileSync(path.join(stores.folder.dir, row.storageKey!.slice(1, 3), row.storageKey!));
      expect(onDisk.includes(Buffer.from("%PDF"))).toBe(false);
    }

    const list = (await listCaseAttachments(db, worker, c.id))!;
    expect(list.items.map((i) => [i.kind, i.fileName, i.addedByName !== null, i.previewable])).toEqual([["ASSIGNATION", "assignation.pdf", true, true]]);
    expect((await listCaseAttachments(db, worker, c.id, "LEASE"))!.items).toEqual([]);

    // Download through the route: the same bytes, as an attachment, nosniff, no-store; the read is logged.
    const { GET } = await import("@/app/(app)/dossiers/[id]/documents/[pieceId]/route");
    const res = await callAs(worker, () => GET(new NextRequest(`${BASE}/dossiers/${c.id}/documents/${id}`), { params: Promise.resolve({ id: c.id, pieceId: id }) }));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="assignation.pdf"/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    const { GET: PREVIEW } = await import("@/app/(app)/dossiers/[id]/documents/[pieceId]/apercu/route");
    const preview = await callAs(worker, () => PREVIEW(new NextRequest(`${BASE}/dossiers/${c.id}/documents/${id}/apercu`), { params: Promise.resolve({ id: c.id, pieceId: id }) }));
    expect(preview.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(preview.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(await db.accessLog.count({ where: { userId: worker.id, caseId: c.id, attachmentId: id } })).toBe(1);

    expect(await db.auditLog.findFirst({ where: { action: "attachment.add", entityId: id }, select: { userId: true, caseId: true } })).toEqual({ userId: jurist.id, caseId: c.id });
    await deleteAttachment(db, worker, { caseId: c.id, attachmentId: id });
    expect(await db.attachment.count()).toBe(0);
    expect(await stores.current.keys()).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "attachment.delete", entityId: id, userId: worker.id } })).toBe(1);
    const gone = await callAs(worker, () => GET(new NextRequest(`${BASE}/dossiers/${c.id}/documents/${id}`), { params: Promise.resolve({ id: c.id, pieceId: id }) }));
    expect(gone.status).toBe(404);
  });

  it("decides the type from the content: a PNG renamed .pdf and an EXE renamed .jpg are refused in French, nothing stored", async () => {
    const { c, worker } = await setup();
    const { POST } = await import("@/app/(app)/dossiers/[id]/documents/televerser/route");
    const fields = { kind: "OTHER", documentOn: "2026-06-20" };

    const png = await callAs(worker, () => POST(uploadRequest(c.id, fields, { name: "decompte.pdf", bytes: pngFixture(), type: "application/pdf" }), { params: Promise.resolve({ id: c.id }) }));
    expect(png.status).toBe(422);
    expect(((await png.json()) as { fieldErrors: { fichier: string[] } }).fieldErrors.fichier[0]).toBe(
      "Le contenu du fichier ne correspond pas à son extension : enregistrez-le au bon format puis recommencez.",
    );
    const exe = await callAs(worker, () => POST(uploadRequest(c.id, fields, { name: "photo.jpg", bytes: exeFixture(), type: "image/jpeg" }), { params: Promise.resolve({ id: c.id }) }));
    expect(exe.status).toBe(422);
    expect(((await exe.json()) as { fieldErrors: { fichier: string[] } }).fieldErrors.fichier[0]).toMatch(/^Ce type de fichier n'est pas accepté : PDF, JPEG, PNG, HEIC, DOCX ou ODT/);
    const macro = await addAttachment(db, worker, input(c.id, "OTHER"), { name: "courrier.docx", bytes: docxFixture(true) }, NOW);
    expect(macro).toMatchObject({ ok: false, refusal: "type" });
    const missingDate = await callAs(worker, () => POST(uploadRequest(c.id, { kind: "OTHER" }, { name: "a.pdf", bytes: pngFixture() }), { params: Promise.resolve({ id: c.id }) }));
    expect(((await missingDate.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.documentOn).toEqual(["La date du document est obligatoire."]);
    expect(await db.attachment.count()).toBe(0);
    expect(await getAttachmentStores().current.keys()).toEqual([]);

    // The accepted types, by content: DOCX and ODT (zip containers checked inside), PNG, JPEG.
    for (const [name, bytes, mime] of [
      ["courrier.docx", docxFixture(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["courrier.odt", odtFixture(), "application/vnd.oasis.opendocument.text"],
      ["capture.png", pngFixture(), "image/png"],
    ] as const) {
      const r = await addAttachment(db, worker, input(c.id, "LETTER_RECEIVED"), { name, bytes }, NOW);
      expect(r, name).toMatchObject({ ok: true });
      expect((await db.attachment.findUniqueOrThrow({ where: { id: (r as { attachmentId: string }).attachmentId } })).mimeType).toBe(mime);
    }
  });

  it("strips the photo's EXIF GPS position and keeps its orientation; PNG text chunks go too", async () => {
    const { c, worker } = await setup();
    const photo = jpegWithGpsFixture();
    expect((await exifr.gps(Buffer.from(photo)))?.latitude).toBeCloseTo(48.6167, 3);
    const r = await addAttachment(db, worker, input(c.id, "HOUSING_PHOTO"), { name: "IMG_2041.JPG", bytes: photo }, NOW);
    const id = (r as { attachmentId: string }).attachmentId;
    const stored = (await readAttachment(db, worker, c.id, id))!;
    expect(stored.mimeType).toBe("image/jpeg");
    expect(stored.fileName).toBe("IMG_2041.jpg");
    expect(await exifr.gps(Buffer.from(stored.bytes))).toBeUndefined();
    expect(await exifr.orientation(Buffer.from(stored.bytes))).toBe(6);

    const p = await addAttachment(db, worker, input(c.id, "HOUSING_PHOTO"), { name: "plan.png", bytes: pngFixture() }, NOW);
    const png = (await readAttachment(db, worker, c.id, (p as { attachmentId: string }).attachmentId))!;
    expect(Buffer.from(png.bytes).includes(Buffer.from("48.62"))).toBe(false);
  });

  it("another team's document, a funder and a document of another case get not found; an admin reads but cannot add", async () => {
    const { c, team, jurist, stranger, funder, admin } = await setup();
    const r = await addAttachment(db, jurist, input(c.id, "LEASE"), { name: "bail.pdf", bytes: await pdfFixture("Bail") }, NOW);
    const id = (r as { attachmentId: string }).attachmentId;
    const { GET } = await import("@/app/(app)/dossiers/[id]/documents/[pieceId]/route");
    for (const who of [stranger, funder]) {
      const res = await callAs(who, () => GET(new NextRequest(`${BASE}/dossiers/${c.id}/documents/${id}`), { params: Promise.resolve({ id: c.id, pieceId: id }) }));
      expect(res.status).toBe(404);
      expect(await listCaseAttachments(db, who, c.id)).toBeNull();
      await expect(deleteAttachment(db, who, { caseId: c.id, attachmentId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(addAttachment(db, who, input(c.id, "LEASE"), { name: "bail.pdf", bytes: await pdfFixture("x") }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const otherCase = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 4, 1), now: NOW });
    expect(await readAttachment(db, jurist, otherCase.id, id)).toBeNull();
    await expect(deleteAttachment(db, jurist, { caseId: otherCase.id, attachmentId: id })).rejects.toBeInstanceOf(ExpectedError);
    expect(await readAttachment(db, admin, c.id, id)).not.toBeNull();
    await expect(addAttachment(db, admin, input(c.id, "LEASE"), { name: "bail.pdf", bytes: await pdfFixture("x") }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.accessLog.count({ where: { attachmentId: id, userId: { in: [stranger.id, funder.id] } } })).toBe(0);
    expect(await getAttachmentStores().current.keys()).toHaveLength(1);
  });

  it("the hearing file lists the chosen documents as numbered pieces and the bundle appends their pages", async () => {
    const { c, jurist } = await setup();
    const statement = await addAttachment(db, jurist, input(c.id, "LANDLORD_STATEMENT", "2026-06-22"), { name: "decompte.pdf", bytes: await pdfFixture("Decompte du bailleur", 2) }, NOW);
    const photo = await addAttachment(db, jurist, input(c.id, "HOUSING_PHOTO", "2026-06-01"), { name: "salle-de-bain.jpg", bytes: jpegWithGpsFixture(64, 48) }, NOW);
    const letter = await addAttachment(db, jurist, input(c.id, "LETTER_RECEIVED", "2026-05-02"), { name: "courrier.docx", bytes: docxFixture() }, NOW);
    const ids = [photo, letter, statement].map((r) => (r as { attachmentId: string }).attachmentId);
    const file = (await getHearingFile(db, jurist, c.id, NOW))!;
    const annexes = await readAnnexes(db, c.id, ids, { withBytes: true });
    const base = await renderHearingFilePdf(file, null, NOW, { lines: annexListLines(annexes, "bundle"), appended: true });
    const basePages = (await getDocumentProxy(base.slice())).numPages;
    const { bytes } = await appendAnnexes(base, annexes);
    const pdf = await getDocumentProxy(bytes);
    // Photo: cover + 1 page; DOCX: listed only; statement: cover + 2 pages.
    expect(pdf.numPages).toBe(basePages + 2 + 3);
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Pièce n° 1 : photo du logement du 01/06/2026");
    expect(flat).toContain("Pièce n° 2 : courrier reçu du 02/05/2026 (format texte, à produire séparément)");
    expect(flat).toContain("Pièce n° 3 : décompte du bailleur du 22/06/2026");
    expect(flat).toContain("Decompte du bailleur (page 2)");
    // An id of another case is ignored.
    expect(await readAnnexes(db, "another-case", ids, { withBytes: false })).toEqual([]);
  });

  it("anonymising the household deletes its files from every backend and keeps the count of its documents", async () => {
    const { c, jurist } = await setup();
    for (const kind of ["LEASE", "ASSIGNATION"] as const) {
      await addAttachment(db, jurist, input(c.id, kind, "2024-01-10", "Note sur Gaëlle Lefèvre"), { name: `${kind}-lefevre.pdf`, bytes: await pdfFixture(kind) }, NOW);
    }
    await addAttachment(db, jurist, input(c.id, "HOUSING_PHOTO", "2024-01-10"), { name: "photo.jpg", bytes: jpegWithGpsFixture() }, NOW);
    const stores = getAttachmentStores();
    expect(await stores.current.keys()).toHaveLength(3);
    // Closed long ago: due for anonymisation.
    await db.case.update({ where: { id: c.id }, data: { state: "CLOSED", closedOn: calendarDate(2024, 2, 1), closureReason: "LEFT_DWELLING" } });
    const result = await anonymiseClosedCases(db, null, { months: 24, dryRun: false, trigger: "CLI" }, NOW);
    expect(result.households.map((h) => h.householdId)).toEqual([c.householdId]);

    for (const store of stores.all()) expect(await store.keys(), store.kind).toEqual([]);
    const rows = await db.attachment.findMany({ where: { caseId: c.id }, select: { storageKey: true, note: true, fileName: true, anonymisedAt: true, kind: true } });
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toMatchObject({ storageKey: null, note: null, fileName: "[anonymisé]" });
    const audits = JSON.stringify(await db.auditLog.findMany({ where: { caseId: c.id }, select: { before: true, after: true } }));
    expect(audits).not.toMatch(/lefevre|Lefèvre/i);
    expect(await db.auditLog.findFirst({ where: { action: "household.anonymise" }, select: { after: true } })).toMatchObject({ after: { attachments: 3 } });
  });

  it("backs the files up beside the database archive, encrypted, and restores them where they were", async () => {
    const { c, jurist } = await setup();
    const pdf = await pdfFixture("Jugement");
    const r = await addAttachment(db, jurist, input(c.id, "JUDGMENT"), { name: "jugement.pdf", bytes: pdf }, NOW);
    const id = (r as { attachmentId: string }).attachmentId;
    const stores = getAttachmentStores();
    const archive = path.join(tmp, `backup-${backend}-${Date.now()}.tar.gz`);
    const saved = await backupAttachmentFiles(stores, archive);
    expect(backend === "s3" ? saved.s3 : saved.folder).toBe(1);
    for (const file of fs.readdirSync(saved.dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
      expect(fs.readFileSync(path.join(file.parentPath, file.name)).includes(Buffer.from("%PDF"))).toBe(false);
    }
    await expect(backupAttachmentFiles(stores, archive)).rejects.toThrow(/existe déjà/);
    // Lost: the object is gone; the restore brings it back.
    for (const key of await stores.current.keys()) await stores.current.delete(key);
    expect(await readAttachment(db, jurist, c.id, id)).toBeNull();
    expect(await restoreAttachmentFiles(stores, archive)).toEqual(backend === "s3" ? { folder: 0, s3: 1 } : { folder: 1, s3: 0 });
    expect(Buffer.from((await readAttachment(db, jurist, c.id, id))!.bytes).equals(Buffer.from(pdf))).toBe(true);
  });
});

describe("moving the folder's files to S3", () => {
  beforeEach(resetDatabase);

  it("moves every file, checks it on S3, switches the rows, empties the folder; a second run moves nothing", async () => {
    useBackend("s3", `migrate-${Date.now()}`);
    process.env.ATTACHMENTS_STORAGE = "folder";
    resetAttachmentStores();
    const { c, jurist } = await setup();
    const stores = getAttachmentStores();
    expect(stores.current.kind).toBe("FOLDER");
    const files = [await pdfFixture("Bail"), jpegWithGpsFixture()];
    const ids: string[] = [];
    for (const [i, bytes] of files.entries()) {
      const r = await addAttachment(db, jurist, input(c.id, i ? "HOUSING_PHOTO" : "LEASE"), { name: i ? "photo.jpg" : "bail.pdf", bytes }, NOW);
      ids.push((r as { attachmentId: string }).attachmentId);
    }
    const before = await Promise.all(ids.map(async (id) => Buffer.from((await readAttachment(db, jurist, c.id, id))!.bytes)));
    const report = await migrateAttachmentsToS3(db, stores);
    expect(report).toEqual({ moved: 2, missing: [], corrupt: [] });
    expect(await stores.folder.keys()).toEqual([]);
    expect((await stores.s3!.keys()).length).toBe(2);
    expect((await db.attachment.findMany({ select: { storage: true } })).map((r) => r.storage)).toEqual(["S3", "S3"]);
    for (const [i, id] of ids.entries()) expect(Buffer.from((await readAttachment(db, jurist, c.id, id))!.bytes).equals(before[i]!)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "attachment.migrate" } })).toBe(2);
    expect(await migrateAttachmentsToS3(db, stores)).toEqual({ moved: 0, missing: [], corrupt: [] });
  });
});
