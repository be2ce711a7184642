import "server-only";
import { composeLetter, householdAddressLine, letterUnavailable, mergeValuesFor, tenantNames, type ComposedLetter, type LetterCase, type Letterhead } from "@/lib/domain/letters/compose";
import { DEFAULT_TEMPLATES, SMS_TEXT, type LetterTemplateText } from "@/lib/domain/letters/defaults";
import { renderBody } from "@/lib/domain/letters/template";
import { letterDue, VISIT_TO_MAKE_STATES, type LetterDueFacts } from "@/lib/domain/letters/due";
import { LETTER_KINDS, type LetterKind } from "@/lib/domain/letters/kinds";
import type { LetterSelection } from "@/lib/domain/letters/selection";
import { OUTREACH_STATES } from "@/lib/domain/outreach/states";
import { canEditLetterTemplates, canPrepareLetters, canRecordLetters } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { parisInstant, parisToday } from "@/lib/utils/dates";
import { createHash } from "node:crypto";

/**
 * Reads for the letters (issue 7): the team's letterhead and templates, one
 * case's letters, and batches of letters (due letters, today's imports, one
 * imported list). Every read checks the actor's team; a case or a list of
 * another team is null, like one that does not exist.
 */

/** At most this many letters in one batch PDF (a préfecture list is a few hundred households). */
export const MAX_BATCH_LETTERS = 1000;

// ───────────────────────────── Letterhead and templates

export interface LetterheadView extends Letterhead {
  /** Fingerprint of the values shown (the Team row has no version). */
  token: string;
}

const LETTERHEAD_SELECT = {
  name: true,
  letterheadName: true,
  letterheadAddress: true,
  letterheadPhone: true,
  letterheadEmail: true,
  letterSignature: true,
} as const;

type LetterheadRow = Prisma.TeamGetPayload<{ select: typeof LETTERHEAD_SELECT }>;

export function letterheadToken(row: Omit<LetterheadRow, "name">): string {
  const values = [row.letterheadName, row.letterheadAddress, row.letterheadPhone, row.letterheadEmail, row.letterSignature];
  return createHash("sha256").update(JSON.stringify(values)).digest("hex").slice(0, 32);
}

function toLetterhead(row: LetterheadRow): LetterheadView {
  return {
    teamName: row.name,
    name: row.letterheadName,
    address: row.letterheadAddress,
    phone: row.letterheadPhone,
    email: row.letterheadEmail,
    signature: row.letterSignature,
    token: letterheadToken(row),
  };
}

export async function readLetterhead(db: Db, teamId: string): Promise<LetterheadView | null> {
  const row = await db.team.findUnique({ where: { id: teamId }, select: LETTERHEAD_SELECT });
  return row ? toLetterhead(row) : null;
}

async function readTemplates(db: Db, teamId: string): Promise<Record<LetterKind, LetterTemplateText | null>> {
  const rows = await db.letterTemplate.findMany({ where: { teamId }, select: { kind: true, subject: true, body: true } });
  const map = Object.fromEntries(LETTER_KINDS.map((k) => [k, null])) as Record<LetterKind, LetterTemplateText | null>;
  for (const r of rows) map[r.kind] = { subject: r.subject, body: r.body };
  return map;
}

export interface TemplateView {
  kind: LetterKind;
  subject: string;
  body: string;
  /** 0 while the app's default applies. */
  version: number;
  isDefault: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
}

export interface LetterSettings {
  teamId: string;
  teamName: string;
  letterhead: LetterheadView;
  templates: TemplateView[];
}

/** The template page: every kind's text (saved or default) and the letterhead; null when not allowed. */
export async function getLetterSettings(db: Db, actor: Actor, teamId: string): Promise<LetterSettings | null> {
  if (!canEditLetterTemplates(actor, teamId)) return null;
  const letterhead = await readLetterhead(db, teamId);
  if (!letterhead) return null;
  const rows = await db.letterTemplate.findMany({
    where: { teamId },
    select: { kind: true, subject: true, body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const templates = LETTER_KINDS.map((kind): TemplateView => {
    const row = rows.find((r) => r.kind === kind);
    return row
      ? { kind, subject: row.subject, body: row.body, version: row.version, isDefault: false, updatedAt: row.updatedAt, updatedByName: row.updatedBy?.name ?? null }
      : { kind, ...DEFAULT_TEMPLATES[kind], version: 0, isDefault: true, updatedAt: null, updatedByName: null };
  });
  return { teamId, teamName: letterhead.teamName, letterhead, templates };
}

// ───────────────────────────── Cases

export const LETTER_CASE_SELECT = {
  id: true,
  number: true,
  version: true,
  teamId: true,
  state: true,
  tenantLetterSentOn: true,
  landlordLetterSentOn: true,
  reminderDueOn: true,
  hearingOn: true,
  nextDeadlineOn: true,
  nextDeadlineKind: true,
  nextDeadlineExpiresOn: true,
  courtName: true,
  procedureRef: true,
  debtCents: true,
  household: {
    select: {
      addressLine: true,
      addressExtra: true,
      postcode: true,
      city: true,
      email: true,
      phone: true,
      occupants: {
        where: { role: { in: ["TENANT", "CO_TENANT"] }, isChild: false },
        orderBy: { position: "asc" },
        select: { firstName: true, lastName: true },
      },
    },
  },
  lease: { select: { landlord: { select: { name: true, addressLine: true, postcode: true, city: true } } } },
  assignedWorker: { select: { name: true } },
} as const satisfies Prisma.CaseSelect;

export type LetterCaseRow = Prisma.CaseGetPayload<{ select: typeof LETTER_CASE_SELECT }>;

export function toLetterCase(row: LetterCaseRow): LetterCase {
  return {
    caseId: row.id,
    number: row.number,
    tenants: row.household.occupants,
    address: { line: row.household.addressLine, extra: row.household.addressExtra, postcode: row.household.postcode, city: row.household.city },
    email: row.household.email,
    phone: row.household.phone,
    hearingOn: row.hearingOn,
    nextDeadline: row.nextDeadlineOn && row.nextDeadlineKind ? { kind: row.nextDeadlineKind, on: row.nextDeadlineOn, expiresOn: row.nextDeadlineExpiresOn } : null,
    courtName: row.courtName,
    procedureRef: row.procedureRef,
    debtCents: row.debtCents,
    landlord: row.lease?.landlord ?? null,
    referentName: row.assignedWorker?.name ?? null,
  };
}

export function dueFacts(
  row: Pick<LetterCaseRow, "state" | "tenantLetterSentOn" | "landlordLetterSentOn" | "reminderDueOn"> & { lease: { landlord: object | null } | null },
): LetterDueFacts {
  return {
    state: row.state,
    tenantLetterSentOn: row.tenantLetterSentOn,
    landlordLetterSentOn: row.landlordLetterSentOn,
    reminderDueOn: row.reminderDueOn,
    hasLandlord: !!row.lease?.landlord,
  };
}

export interface CaseLetterOption {
  kind: LetterKind;
  /** The workflow expects it now (same rule as the batches). */
  due: boolean;
  /** Why it cannot be written (no landlord), or null. */
  unavailable: string | null;
}

export interface CaseLetters {
  caseId: string;
  number: number;
  version: number;
  teamId: string;
  state: LetterCaseRow["state"];
  displayName: string;
  address: string;
  email: string | null;
  phone: string | null;
  landlordName: string | null;
  tenantLetterSentOn: Date | null;
  landlordLetterSentOn: Date | null;
  options: CaseLetterOption[];
  /** The first letter, as it will print and be e-mailed. */
  firstLetter: ComposedLetter;
  /** The suggested SMS (lib/domain/letters/defaults.ts SMS_TEXT), merged. */
  smsText: string;
  letterhead: LetterheadView;
  canRecord: boolean;
  today: Date;
}

/** The case's "Courriers" page; null when the case does not exist or the actor may not see it. */
export async function getCaseLetters(db: Db, actor: Actor, caseId: string, now: Date): Promise<CaseLetters | null> {
  if (caseId.length > 64) return null;
  const row = await db.case.findUnique({ where: { id: caseId }, select: LETTER_CASE_SELECT });
  if (!row || !canPrepareLetters(actor, row.teamId)) return null;
  const letterhead = await readLetterhead(db, row.teamId);
  if (!letterhead) return null;
  const templates = await readTemplates(db, row.teamId);
  const today = parisToday(now);
  const c = toLetterCase(row);
  const facts = dueFacts(row);
  return {
    caseId: row.id,
    number: row.number,
    version: row.version,
    teamId: row.teamId,
    state: row.state,
    displayName: tenantNames(c.tenants) || "Ménage",
    address: householdAddressLine(c.address),
    email: c.email,
    phone: c.phone,
    landlordName: c.landlord?.name ?? null,
    tenantLetterSentOn: row.tenantLetterSentOn,
    landlordLetterSentOn: row.landlordLetterSentOn,
    options: LETTER_KINDS.map((kind) => ({ kind, due: letterDue(kind, facts, today), unavailable: letterUnavailable(kind, c) })),
    firstLetter: composeLetter("TENANT_FIRST_LETTER", templates.TENANT_FIRST_LETTER, c, letterhead, today),
    smsText: renderBody(SMS_TEXT, mergeValuesFor(c, letterhead, today)).join(" "),
    letterhead,
    canRecord: canRecordLetters(actor, row.teamId),
    today,
  };
}

/** One letter of one case, composed; null when not found, not allowed, or not possible (no landlord). */
export async function getCaseLetter(db: Db, actor: Actor, caseId: string, kind: LetterKind, now: Date): Promise<ComposedLetter | null> {
  if (caseId.length > 64) return null;
  const row = await db.case.findUnique({ where: { id: caseId }, select: LETTER_CASE_SELECT });
  if (!row || !canPrepareLetters(actor, row.teamId)) return null;
  const c = toLetterCase(row);
  if (letterUnavailable(kind, c)) return null;
  const letterhead = await readLetterhead(db, row.teamId);
  if (!letterhead) return null;
  const templates = await readTemplates(db, row.teamId);
  return composeLetter(kind, templates[kind], c, letterhead, parisToday(now));
}

// ───────────────────────────── Batches

export type { LetterSelection };

/** The kinds a selection offers: imported lists get first letters and landlord letters. */
export function kindsFor(selection: LetterSelection): LetterKind[] {
  return selection.by === "due" ? [...LETTER_KINDS] : ["TENANT_FIRST_LETTER", "LANDLORD_LETTER"];
}

/** The due rule of lib/domain/letters/due.ts as a database filter (a test checks they agree). */
export function dueWhere(kind: LetterKind, today: Date): Prisma.CaseWhereInput {
  switch (kind) {
    case "TENANT_FIRST_LETTER":
      return { state: { in: [...OUTREACH_STATES] }, tenantLetterSentOn: null };
    case "LANDLORD_LETTER":
      return { state: { not: "CLOSED" }, landlordLetterSentOn: null, leaseId: { not: null } };
    case "DOOR_NOTICE":
      return { state: { in: [...VISIT_TO_MAKE_STATES] } };
    case "REMINDER":
      return { state: "VISIT_2_FAILED", reminderDueOn: { lte: today } };
  }
}

/** The instants between which "today" runs in Paris. */
function parisDayBounds(today: Date): { gte: Date; lt: Date } {
  const next = new Date(today.getTime() + 86_400_000);
  return { gte: parisInstant(today, "00:00")!, lt: parisInstant(next, "00:00")! };
}

function selectionWhere(selection: LetterSelection, today: Date): Prisma.CaseWhereInput {
  switch (selection.by) {
    case "due":
      return {};
    case "today":
      return { importBatch: { importedAt: parisDayBounds(today) } };
    case "import":
      return { importBatchId: selection.importBatchId };
  }
}

export interface BatchCase {
  caseId: string;
  number: number;
  version: number;
  displayName: string;
  address: string;
  /** The addressee when it is not the household (landlord letters). */
  recipientName: string | null;
}

export interface LetterBatch {
  teamId: string;
  kind: LetterKind;
  selection: LetterSelection;
  /** The imported list, for a batch of one import. */
  importBatch: { id: string; fileName: string; importedAt: Date } | null;
  cases: BatchCase[];
  /** More cases matched than one PDF holds. */
  truncated: boolean;
  canRecord: boolean;
  today: Date;
}

async function findImportBatch(db: Db, teamId: string, id: string) {
  if (id.length > 64) return null;
  return db.importBatch.findFirst({ where: { id, teamId }, select: { id: true, fileName: true, importedAt: true } });
}

async function batchRows(db: Db, teamId: string, kind: LetterKind, selection: LetterSelection, today: Date) {
  const rows = await db.case.findMany({
    where: { teamId, ...selectionWhere(selection, today), ...dueWhere(kind, today) },
    orderBy: [{ household: { sortName: "asc" } }, { number: "asc" }],
    take: MAX_BATCH_LETTERS + 1,
    select: LETTER_CASE_SELECT,
  });
  return { rows: rows.slice(0, MAX_BATCH_LETTERS), truncated: rows.length > MAX_BATCH_LETTERS };
}

function toBatchCase(kind: LetterKind, row: LetterCaseRow): BatchCase {
  const c = toLetterCase(row);
  return {
    caseId: row.id,
    number: row.number,
    version: row.version,
    displayName: tenantNames(c.tenants) || "Ménage",
    address: householdAddressLine(c.address),
    recipientName: kind === "LANDLORD_LETTER" ? (c.landlord?.name ?? null) : null,
  };
}

/** The cases of a batch (no letters composed): the page's list. Null when not allowed or the import is another team's. */
export async function getLetterBatch(db: Db, actor: Actor, teamId: string, kind: LetterKind, selection: LetterSelection, now: Date): Promise<LetterBatch | null> {
  if (!canPrepareLetters(actor, teamId) || !kindsFor(selection).includes(kind)) return null;
  const importBatch = selection.by === "import" ? await findImportBatch(db, teamId, selection.importBatchId) : null;
  if (selection.by === "import" && !importBatch) return null;
  const today = parisToday(now);
  const { rows, truncated } = await batchRows(db, teamId, kind, selection, today);
  return { teamId, kind, selection, importBatch, cases: rows.map((r) => toBatchCase(kind, r)), truncated, canRecord: canRecordLetters(actor, teamId), today };
}

/** The letters of a batch, composed for the PDF, in the order of the page's list. */
export async function getBatchLetters(db: Db, actor: Actor, teamId: string, kind: LetterKind, selection: LetterSelection, now: Date): Promise<{ letters: ComposedLetter[]; batch: LetterBatch } | null> {
  if (!canPrepareLetters(actor, teamId) || !kindsFor(selection).includes(kind)) return null;
  const importBatch = selection.by === "import" ? await findImportBatch(db, teamId, selection.importBatchId) : null;
  if (selection.by === "import" && !importBatch) return null;
  const today = parisToday(now);
  const letterhead = await readLetterhead(db, teamId);
  if (!letterhead) return null;
  const templates = await readTemplates(db, teamId);
  const { rows, truncated } = await batchRows(db, teamId, kind, selection, today);
  const letters = rows.map((r) => composeLetter(kind, templates[kind], toLetterCase(r), letterhead, today));
  return {
    letters,
    batch: { teamId, kind, selection, importBatch, cases: rows.map((r) => toBatchCase(kind, r)), truncated, canRecord: canRecordLetters(actor, teamId), today },
  };
}

export interface ImportBatchSummary {
  id: string;
  fileName: string;
  importedAt: Date;
  caseCount: number;
  firstLettersDue: number;
  landlordLettersDue: number;
}

export interface LettersOverview {
  teamId: string;
  teamName: string;
  today: Date;
  /** Due letters of the whole caseload, per kind. */
  due: Record<LetterKind, number>;
  /** Lists imported today (Paris day), with their due first letters. */
  todayImports: { lists: number; firstLettersDue: number; landlordLettersDue: number };
  /** The latest imported lists. */
  imports: ImportBatchSummary[];
  canRecord: boolean;
  canEditTemplates: boolean;
}

/** The "Courriers" page: what is due, and the latest imported lists. */
export async function getLettersOverview(db: Db, actor: Actor, teamId: string, now: Date, importsShown = 10): Promise<LettersOverview | null> {
  if (!canPrepareLetters(actor, teamId)) return null;
  const today = parisToday(now);
  const count = (where: Prisma.CaseWhereInput) => db.case.count({ where: { teamId, ...where } });
  const todayWhere = selectionWhere({ by: "today" }, today);
  // Issue 17: the reads together (on PostgreSQL they run in parallel), not one after the other.
  const [team, dueCounts, todayLists, batches] = await Promise.all([
    db.team.findUnique({ where: { id: teamId }, select: { name: true } }),
    Promise.all(LETTER_KINDS.map((kind) => count(dueWhere(kind, today)))),
    db.importBatch.count({ where: { teamId, importedAt: parisDayBounds(today) } }),
    db.importBatch.findMany({
      where: { teamId },
      orderBy: { importedAt: "desc" },
      take: importsShown,
      select: { id: true, fileName: true, importedAt: true, _count: { select: { cases: true } } },
    }),
  ]);
  if (!team) return null;
  const due = Object.fromEntries(LETTER_KINDS.map((kind, i) => [kind, dueCounts[i]!])) as Record<LetterKind, number>;
  const [todayFirst, todayLandlord, perBatch] = await Promise.all([
    todayLists ? count({ ...todayWhere, ...dueWhere("TENANT_FIRST_LETTER", today) }) : 0,
    todayLists ? count({ ...todayWhere, ...dueWhere("LANDLORD_LETTER", today) }) : 0,
    Promise.all(
      batches.map((b) =>
        Promise.all([count({ importBatchId: b.id, ...dueWhere("TENANT_FIRST_LETTER", today) }), count({ importBatchId: b.id, ...dueWhere("LANDLORD_LETTER", today) })]),
      ),
    ),
  ]);
  const todayImports = { lists: todayLists, firstLettersDue: todayFirst, landlordLettersDue: todayLandlord };
  const imports: ImportBatchSummary[] = batches.map((b, i) => ({
    id: b.id,
    fileName: b.fileName,
    importedAt: b.importedAt,
    caseCount: b._count.cases,
    firstLettersDue: perBatch[i]![0],
    landlordLettersDue: perBatch[i]![1],
  }));
  return {
    teamId,
    teamName: team.name,
    today,
    due,
    todayImports,
    imports,
    canRecord: canRecordLetters(actor, teamId),
    canEditTemplates: canEditLetterTemplates(actor, teamId),
  };
}

/** The team whose letters the actor works on: their first team where they may see cases. */
export function lettersTeamId(actor: Actor & { teams?: { id: string }[] }): string | null {
  return actor.teamIds.find((t) => canPrepareLetters(actor, t)) ?? null;
}
