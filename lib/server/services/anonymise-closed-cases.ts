import "server-only";
import { canManageRetention } from "@/lib/domain/permissions";
import {
  ANONYMISED_FIRST_NAME,
  ANONYMISED_LAST_NAME,
  ANONYMISED_TEXT,
  assertRetentionMonths,
  dueHouseholds,
  latestDueClosure,
  retentionStatus,
  type DueHousehold,
} from "@/lib/domain/retention/rules";
import { cellsMentionHousehold, personalNeedles, scrubJson, type Json } from "@/lib/domain/retention/scrub";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getAttachmentStores } from "@/lib/server/attachments/config";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { parisToday } from "@/lib/utils/dates";

/**
 * Retention (issue 8.5, docs/decisions/014-retention-and-anonymisation.md):
 * anonymises the households whose cases are all closed and whose retention
 * period after the last closure has run out.
 *
 * Per household, in ONE transaction: the occupants' names become "Personne
 * anonymisée" (birth years dropped; roles and the child flag kept: the
 * household's composition); address, postcode, city, phone, e-mail, notes and
 * search keys are emptied; every free text tied to its cases is removed
 * (outreach and procedure notes, the court reference, diagnostic texts, support
 * weeks' actions, outcome notes, aid and ledger notes, eligibility note); the
 * audit rows of the household and its cases are scrubbed of personal values;
 * the rows of imported lists about it are blanked in their reports; then
 * `anonymisedAt` and an audit row (case numbers and dates only) are written.
 *
 * Untouched, so the indicators and the billing give the same numbers: every
 * count, date, state, closure reason, stage, amount, flag, sector, landlord,
 * assignee and event row. Case.updatedAt is kept as it was: the indicators
 * read it as "last workflow change" (lib/server/queries/indicators.ts), and
 * anonymising changes no fact of the case; the version is bumped so that a
 * form opened before the anonymisation cannot write over it.
 *
 * `actor`: an admin (the administration page: their teams only), or null for
 * the daily command (scripts/retention.ts: every team).
 */

export interface AnonymiseInput {
  /** RETENTION_MONTHS_AFTER_CLOSURE. */
  months: number;
  /** List what would be anonymised; write nothing. */
  dryRun: boolean;
  /** Who started it, for the audit row. */
  trigger: "CLI" | "ADMIN";
}

export interface AnonymiseResult {
  today: Date;
  months: number;
  /** A closure on or before this day has run its period. */
  latestDueClosure: Date;
  dryRun: boolean;
  /** Due households (dry run: that would be anonymised; otherwise: that were). */
  households: DueHousehold[];
  /** Households due when listed that were left as they were (a case reopened meanwhile, another run got there first). */
  skipped: Array<{ householdId: string; reason: string }>;
}

const CANDIDATE_SELECT = {
  id: true,
  teamId: true,
  anonymisedAt: true,
  cases: { select: { id: true, number: true, state: true, closedOn: true } },
} as const;

type Candidate = Prisma.HouseholdGetPayload<{ select: typeof CANDIDATE_SELECT }>;

function toRetentionHousehold(h: Candidate) {
  return {
    householdId: h.id,
    teamId: h.teamId,
    anonymisedAt: h.anonymisedAt,
    cases: h.cases.map((c) => ({ caseId: c.id, number: c.number, state: c.state, closedOn: c.closedOn })),
  };
}

/** The households due as of `now`, in the actor's teams (every team for the command). */
export async function listDueHouseholds(db: Db | Prisma.TransactionClient, actor: Actor | null, months: number, now: Date) {
  assertRetentionMonths(months);
  if (actor && !canManageRetention(actor)) throw notFound("Cette page");
  const today = parisToday(now);
  const cutoff = latestDueClosure(today, months);
  // Preselect in the database (an old closed case), decide with the household rule.
  const candidates = await db.household.findMany({
    where: {
      anonymisedAt: null,
      ...(actor ? { teamId: { in: [...actor.teamIds] } } : {}),
      cases: { some: { state: "CLOSED", closedOn: { lte: cutoff } } },
    },
    select: CANDIDATE_SELECT,
  });
  return { today, cutoff, due: dueHouseholds(candidates.map(toRetentionHousehold), { today, months }) };
}

/** The households of the admin's teams anonymised most recently (the retention page's history). */
export async function listRecentlyAnonymised(db: Db, actor: Actor, take = 20) {
  if (!canManageRetention(actor)) throw notFound("Cette page");
  const rows = await db.household.findMany({
    where: { anonymisedAt: { not: null }, teamId: { in: [...actor.teamIds] } },
    orderBy: { anonymisedAt: "desc" },
    take,
    select: { id: true, anonymisedAt: true, cases: { orderBy: { number: "asc" }, select: { id: true, number: true, closedOn: true } } },
  });
  return rows.map((h) => ({ householdId: h.id, anonymisedAt: h.anonymisedAt as Date, cases: h.cases }));
}

class Skip extends Error {}

export async function anonymiseClosedCases(db: Db, actor: Actor | null, input: AnonymiseInput, now: Date): Promise<AnonymiseResult> {
  const { today, cutoff, due } = await listDueHouseholds(db, actor, input.months, now);
  const result: AnonymiseResult = { today, months: input.months, latestDueClosure: cutoff, dryRun: input.dryRun, households: [], skipped: [] };
  if (input.dryRun) {
    result.households = due;
    return result;
  }
  for (const household of due) {
    try {
      // One household per transaction: short locks, and one failure does not undo the others.
      await db.$transaction((tx) => anonymiseHousehold(tx, actor, household, input, now));
      result.households.push(household);
    } catch (error) {
      if (!(error instanceof Skip)) throw error;
      result.skipped.push({ householdId: household.householdId, reason: error.message });
    }
  }
  return result;
}

async function anonymiseHousehold(tx: Prisma.TransactionClient, actor: Actor | null, due: DueHousehold, input: AnonymiseInput, now: Date): Promise<void> {
  // Read everything personal first: the needles that find it in audit rows and import reports.
  const before = await tx.household.findUnique({
    where: { id: due.householdId },
    select: {
      ...CANDIDATE_SELECT,
      addressLine: true,
      addressExtra: true,
      phone: true,
      email: true,
      occupants: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  if (!before) throw new Skip("ménage introuvable");
  if (actor && !actor.teamIds.includes(before.teamId)) throw new Skip("hors des équipes de l'administrateur");

  // Take the household's row lock and claim it: a concurrent run waits here,
  // then finds anonymisedAt set and skips.
  const claimed = await tx.household.updateMany({
    where: { id: before.id, anonymisedAt: null },
    data: {
      anonymisedAt: now,
      addressLine: "",
      addressExtra: null,
      postcode: "",
      city: "",
      phone: null,
      email: null,
      notes: null,
      searchText: "",
      sortName: "",
    },
  });
  if (claimed.count !== 1) throw new Skip("déjà anonymisé");

  // Decide again on the cases as they are now, under the lock (one may have
  // been reopened, or a new one opened, since the list was made).
  const cases = await tx.case.findMany({
    where: { householdId: before.id },
    select: { id: true, number: true, state: true, closedOn: true, version: true, updatedAt: true },
  });
  const status = retentionStatus({ ...toRetentionHousehold({ ...before, cases }), anonymisedAt: null }, { today: parisToday(now), months: input.months });
  if (status.kind !== "DUE") throw new Skip("n'est plus échu (un dossier a été rouvert ou créé)");
  const caseIds = cases.map((c) => c.id);

  for (const c of cases) {
    const updated = await tx.case.updateMany({
      where: { id: c.id, version: c.version, state: "CLOSED" },
      data: { eligibilityNote: null, procedureRef: null, version: { increment: 1 }, updatedAt: c.updatedAt },
    });
    if (updated.count !== 1) throw new Skip(`le dossier n° ${c.number} a été modifié entre-temps`);
  }

  await tx.occupant.updateMany({
    where: { householdId: before.id },
    data: { firstName: ANONYMISED_FIRST_NAME, lastName: ANONYMISED_LAST_NAME, birthYear: null },
  });
  await tx.outreachEvent.updateMany({ where: { caseId: { in: caseIds }, note: { not: null } }, data: { note: null } });
  await tx.procedureEvent.updateMany({
    where: { caseId: { in: caseIds }, OR: [{ note: { not: null } }, { reference: { not: null } }] },
    data: { note: null, reference: null },
  });
  await tx.diagnostic.updateMany({
    where: { caseId: { in: caseIds } },
    data: { housingCondition: null, wishes: null, analysis: null, recommendations: null },
  });
  await tx.supportPeriod.updateMany({ where: { caseId: { in: caseIds }, outcomeNote: { not: null } }, data: { outcomeNote: null } });
  await tx.supportWeek.updateMany({ where: { period: { caseId: { in: caseIds } } }, data: { actions: ANONYMISED_TEXT } });
  await tx.aidRequest.updateMany({ where: { caseId: { in: caseIds }, note: { not: null } }, data: { note: null } });
  await tx.rentLedgerLine.updateMany({ where: { caseId: { in: caseIds }, note: { not: null } }, data: { note: null } });

  // Documents and photos (issue 19): the files go from every backend, the rows
  // stay (kind, date, type, size: the count of documents per case is kept),
  // without their name and note. The objects are deleted before the commit: if
  // a backend fails, the household is left whole and the next run retries.
  const attachments = await tx.attachment.findMany({ where: { caseId: { in: caseIds } }, select: { storageKey: true } });
  if (attachments.length) {
    await tx.attachment.updateMany({ where: { caseId: { in: caseIds } }, data: { storageKey: null, note: null, fileName: ANONYMISED_TEXT, anonymisedAt: now } });
    const stores = getAttachmentStores().all();
    for (const { storageKey } of attachments) {
      if (!storageKey) continue;
      for (const store of stores) await store.delete(storageKey);
    }
  }

  const needles = personalNeedles([
    ...before.occupants.flatMap((o) => [o.firstName, o.lastName, `${o.firstName} ${o.lastName}`, `${o.lastName} ${o.firstName}`]),
    before.addressLine,
    before.addressExtra,
    before.phone,
    before.email,
  ]);

  // The audit trail keeps who did what and when, without the personal values.
  const audits = await tx.auditLog.findMany({
    where: {
      OR: [{ caseId: { in: caseIds } }, { entityId: { in: [before.id, ...caseIds, ...before.occupants.map((o) => o.id)] } }],
    },
    select: { id: true, before: true, after: true },
  });
  for (const row of audits) {
    const b = row.before === null ? null : scrubJson(row.before as Json, needles);
    const a = row.after === null ? null : scrubJson(row.after as Json, needles);
    if (!b?.changed && !a?.changed) continue;
    await tx.auditLog.update({
      where: { id: row.id },
      data: {
        before: b ? (b.value as Prisma.InputJsonValue) : undefined,
        after: a ? (a.value as Prisma.InputJsonValue) : undefined,
      },
    });
  }

  // Imported lists: the report keeps the rows not imported, with their cells.
  const numbers = new Set(cases.map((c) => c.number));
  const identity = { occupants: before.occupants, addressLine: before.addressLine, phone: before.phone, email: before.email };
  const batches = await tx.importBatch.findMany({ where: { teamId: before.teamId }, select: { id: true, report: true } });
  for (const batch of batches) {
    const report = batch.report as { rows?: Array<{ status?: string; caseNumber?: number | null; cells?: unknown; reason?: unknown }> } | null;
    if (!report || !Array.isArray(report.rows)) continue;
    let changed = false;
    const rows = report.rows.map((row) => {
      const cells = Array.isArray(row.cells) ? row.cells.map((c) => String(c ?? "")) : [];
      const about = (typeof row.caseNumber === "number" && numbers.has(row.caseNumber)) || cellsMentionHousehold(cells, identity);
      if (!about || cells.every((c) => c === ANONYMISED_TEXT)) return row;
      changed = true;
      return { ...row, cells: cells.map(() => ANONYMISED_TEXT), ...(typeof row.reason === "string" ? { reason: ANONYMISED_TEXT } : {}) };
    });
    if (changed) await tx.importBatch.update({ where: { id: batch.id }, data: { report: { ...report, rows } as Prisma.InputJsonValue } });
  }

  const facts = {
    trigger: input.trigger,
    retentionMonths: input.months,
    lastClosedOn: due.lastClosedOn.toISOString().slice(0, 10),
    dueOn: due.dueOn.toISOString().slice(0, 10),
    caseNumbers: cases.map((c) => c.number).sort((x, y) => x - y),
    occupants: before.occupants.length,
    attachments: attachments.length,
  };
  await writeAudit(tx, { userId: actor?.id ?? null, action: "household.anonymise", entity: "Household", entityId: before.id, after: facts });
  for (const c of cases) {
    await writeAudit(tx, { userId: actor?.id ?? null, action: "case.anonymise", entity: "Case", entityId: c.id, caseId: c.id, after: facts });
  }
}
