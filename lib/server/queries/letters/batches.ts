import "server-only";
import { composeLetter, householdAddressLine, tenantNames, type ComposedLetter } from "@/lib/domain/letters/compose";
import { VISIT_TO_MAKE_STATES } from "@/lib/domain/letters/due";
import { LETTER_KINDS, type LetterKind } from "@/lib/domain/letters/kinds";
import type { LetterSelection } from "@/lib/domain/letters/selection";
import { OUTREACH_STATES } from "@/lib/domain/outreach/states";
import { canPrepareLetters, canRecordLetters } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { parisInstant, parisToday } from "@/lib/utils/dates";
import { LETTER_CASE_SELECT, type LetterCaseRow, toLetterCase } from "./case-letters";
import { readLetterhead, readTemplates } from "./letterhead";

// Reads for the letters (issue 7): batches of letters (due letters, today's
// imports, one imported list). A list of another team is null, like one that
// does not exist.

/** At most this many letters in one batch PDF (a préfecture list is a few hundred households). */
export const MAX_BATCH_LETTERS = 1000;

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
export function parisDayBounds(today: Date): { gte: Date; lt: Date } {
  const next = new Date(today.getTime() + 86_400_000);
  return { gte: parisInstant(today, "00:00")!, lt: parisInstant(next, "00:00")! };
}

export function selectionWhere(selection: LetterSelection, today: Date): Prisma.CaseWhereInput {
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
