import "server-only";
import { composeLetter, householdAddressLine, letterUnavailable, mergeValuesFor, tenantNames, type ComposedLetter, type LetterCase } from "@/lib/domain/letters/compose";
import { SMS_TEXT } from "@/lib/domain/letters/defaults";
import { renderBody } from "@/lib/domain/letters/template";
import { letterDue, type LetterDueFacts } from "@/lib/domain/letters/due";
import { LETTER_KINDS, type LetterKind } from "@/lib/domain/letters/kinds";
import { canPrepareLetters, canRecordLetters } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { parisToday } from "@/lib/utils/dates";
import { type LetterheadView, readLetterhead, readTemplates } from "./letterhead";

// Reads for the letters (issue 7): one case's letters. A case of another team
// is null, like one that does not exist.

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
