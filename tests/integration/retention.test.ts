// Retention (issue 8.5): anonymise-closed-cases against a real database.
// A household closed long ago loses every personal string (checked by
// scanning every row of every table for the original values), while every
// count and amount the indicators use stays the same; the dry run writes
// nothing; a second run does nothing; other households are untouched.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { computeIndicators } from "@/lib/server/queries/indicators";
import { anonymiseClosedCases, listDueHouseholds } from "@/lib/server/services/anonymise-closed-cases";

import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";

const NOW = new Date("2026-06-10T09:00:00Z");
const TODAY = calendarDate(2026, 6, 10);
const MONTHS = 24;

// The household that is due: unusual strings, so a scan cannot match anyone else.
const DUE = {
  tenant: { firstName: "Théodorine", lastName: "Vandermolen" },
  coTenant: { firstName: "Aurélien", lastName: "Quatrefages" },
  addressLine: "17 impasse des Oubliettes",
  phone: "06 71 82 93 04",
  email: "theodorine.vandermolen@exemple.fr",
  notes: "Famille suivie par la MDS de Massy, voir Mme Quatrefages",
};
const PERSONAL_STRINGS = [
  "Théodorine",
  "Vandermolen",
  "Aurélien",
  "Quatrefages",
  "impasse des Oubliettes",
  "06 71 82 93 04",
  "0671829304",
  "theodorine.vandermolen@exemple.fr",
  "MDS de Massy",
  "RG 24/00871",
  "logement humide",
  "a appelé la CAF",
];

let team: Awaited<ReturnType<typeof createTeam>>;
let otherTeam: Awaited<ReturnType<typeof createTeam>>;
let admin: Actor;
let coordinator: Actor;
let ids: { due: string; dueOther: string; keptOpen: string; keptOpenClosedCase: string; recent: string; open: string };

/** Every row of every table as JSON text (the whole database, for scans and snapshots). */
async function dumpAllRows(): Promise<Map<string, string[]>> {
  const tables = await db.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const out = new Map<string, string[]>();
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<Array<{ j: string }>>(`SELECT row_to_json(t)::text AS j FROM "${table_name.replaceAll('"', '""')}" t`);
    out.set(table_name, rows.map((r) => r.j).sort());
  }
  return out;
}

/** What the indicators and the billing count, table by table. */
async function aggregates() {
  const [byState, byReason, byStage, caseSums, counts, amounts] = await Promise.all([
    db.case.groupBy({ by: ["state"], _count: true, orderBy: { state: "asc" } }),
    db.case.groupBy({ by: ["closureReason"], _count: true, orderBy: { closureReason: "asc" } }),
    db.case.groupBy({ by: ["stage"], _count: true, orderBy: { stage: "asc" } }),
    db.case.aggregate({ _sum: { debtCents: true }, _count: { supported: true, firstContactOn: true, closedOn: true, sectorId: true, assignedWorkerId: true } }),
    Promise.all([
      db.household.count(),
      db.occupant.count(),
      db.occupant.count({ where: { isChild: true } }),
      db.case.count(),
      db.outreachEvent.count(),
      db.procedureEvent.count(),
      db.diagnostic.count(),
      db.supportPeriod.count(),
      db.supportWeek.count(),
      db.aidRequest.count(),
      db.rentLedgerLine.count(),
      db.lease.count(),
      db.landlord.count(),
    ]),
    Promise.all([
      db.rentLedgerLine.aggregate({ _sum: { rentDueCents: true, paidCents: true, housingBenefitCents: true } }),
      db.aidRequest.aggregate({ _sum: { amountCents: true } }),
      db.diagnostic.aggregate({ _sum: { rentCents: true, debtsCents: true, adults: true, children: true } }),
      db.lease.aggregate({ _sum: { rentCents: true, chargesCents: true } }),
    ]),
  ]);
  const outreachByKind = await db.outreachEvent.groupBy({ by: ["kind", "toState"], _count: true, orderBy: [{ kind: "asc" }, { toState: "asc" }] });
  const dates = await db.case.findMany({ select: { id: true, openedOn: true, closedOn: true, firstContactOn: true, hearingOn: true, updatedAt: true }, orderBy: { id: "asc" } });
  const periods = [
    { from: null, to: TODAY },
    { from: calendarDate(2023, 1, 1), to: calendarDate(2023, 12, 31) },
    { from: calendarDate(2026, 1, 1), to: TODAY },
  ];
  const indicators = [];
  for (const p of periods) {
    indicators.push(await computeIndicators(db, coordinator, { ...p, teamId: null, sectorId: null, landlordKind: null }));
  }
  return { byState, byReason, byStage, caseSums, counts, amounts, outreachByKind, dates, indicators };
}

async function rowsOf(householdId: string) {
  return db.household.findUniqueOrThrow({
    where: { id: householdId },
    include: {
      occupants: { orderBy: { position: "asc" } },
      cases: {
        include: {
          outreachEvents: true,
          procedureEvents: true,
          diagnostics: true,
          supportPeriods: { include: { weeks: true } },
          aidRequests: true,
          ledgerLines: true,
        },
      },
    },
  });
}

/** Free text everywhere a worker can type it, as the services would have stored it. */
async function addFreeText(caseId: string, householdId: string, actorId: string) {
  await db.case.update({ where: { id: caseId }, data: { eligibilityNote: "Vu avec Mme Quatrefages", procedureRef: "RG 24/00871" } });
  const first = await db.outreachEvent.findFirstOrThrow({ where: { caseId }, orderBy: { occurredAt: "asc" } });
  await db.outreachEvent.update({ where: { id: first.id }, data: { note: "Mme Vandermolen a appelé la CAF" } });
  const proc = await db.procedureEvent.findFirst({ where: { caseId } });
  if (proc) await db.procedureEvent.update({ where: { id: proc.id }, data: { note: "Audience avec Théodorine", reference: "RG 24/00871" } });
  await db.diagnostic.updateMany({ where: { caseId }, data: { housingCondition: "logement humide", wishes: "Rester à l'impasse des Oubliettes", analysis: "x", recommendations: "y" } });
  await db.supportWeek.updateMany({ where: { period: { caseId } }, data: { actions: "Accompagnée à la CAF : a appelé la CAF avec Théodorine" } });
  await db.supportPeriod.updateMany({ where: { caseId }, data: { outcomeNote: "Mme Vandermolen relogée" } });
  await db.aidRequest.create({ data: { caseId, kind: "FSL", status: "GRANTED", amountCents: 80_000, filedOn: calendarDate(2023, 2, 1), note: "Dossier FSL de Théodorine" } });
  await db.rentLedgerLine.create({ data: { caseId, month: calendarDate(2023, 1, 1), rentDueCents: 65_000, paidCents: 20_000, note: "Versement de M. Quatrefages" } });
  // Audit rows as the services write them: before/after with the household's values.
  await db.auditLog.create({
    data: {
      userId: actorId,
      action: "household.update",
      entity: "Household",
      entityId: householdId,
      caseId,
      before: { phone: null, notes: null, state: "SUPPORTED" },
      after: { phone: DUE.phone, email: DUE.email, addressLine: DUE.addressLine, notes: DUE.notes, tenant: { firstName: "Théodorine", lastName: "VANDERMOLEN" }, debtCents: 123_400 },
    },
  });
  await db.auditLog.create({
    data: { userId: actorId, action: "outreach.record", entity: "OutreachEvent", entityId: first.id, caseId, after: { kind: "PHONE_CALL", note: "Mme Vandermolen a appelé la CAF", occurredAt: "2023-01-20T10:00:00.000Z" } },
  });
  // An imported list whose report kept the household's row (skipped: already known) and an unrelated rejected row.
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { number: true, teamId: true } });
  await db.importBatch.create({
    data: {
      teamId: c.teamId,
      fileName: "liste-prefecture-2023-01.xlsx",
      fileSha256: "f".repeat(64),
      importedById: actorId,
      totalRows: 2,
      createdCount: 0,
      updatedCount: 0,
      skippedCount: 1,
      rejectedCount: 1,
      report: {
        version: 1,
        headers: ["Nom", "Prénom", "Adresse", "Téléphone"],
        rows: [
          { rowNumber: 2, status: "skipped", reason: "Déjà suivi (dossier existant)", caseNumber: c.number, cells: ["VANDERMOLEN", "Théodorine", DUE.addressLine, "0671829304"] },
          { rowNumber: 3, status: "rejected", errors: [{ column: "hearingOn", message: "Date illisible" }], cells: ["DURAND", "Paul", "3 rue Haute", ""] },
        ],
      },
    },
  });
}

beforeAll(async () => {
  team = await createTeam(db, { name: "Équipe mobile Essonne", sectors: ["Nord", "Sud"] });
  otherTeam = await createTeam(db, { name: "Équipe mobile Pas-de-Calais", departement: "62" });
  const adminUser = await createUser(db, { role: "ADMIN", teamId: team.id });
  admin = { id: adminUser.id, role: "ADMIN", teamIds: [team.id] };
  const coordinatorUser = await createUser(db, { role: "COORDINATOR", teamIds: [team.id, otherTeam.id] });
  coordinator = { id: coordinatorUser.id, role: "COORDINATOR", teamIds: [team.id, otherTeam.id] };
  const worker = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });

  const due = await caseAtState(db, {
    teamId: team.id,
    state: "CLOSED",
    closureReason: "SUPPORT_COMPLETED",
    closedFrom: "SUPPORTED",
    contactAfter: "FIRST_LETTER_SENT",
    diagnostic: "IN_DEPTH",
    supportWeeks: 3,
    stage: "HEARING",
    openedOn: calendarDate(2023, 1, 9),
    now: NOW,
    sectorId: team.sectors[0]!.id,
    assignedWorkerId: worker.id,
    household: {
      tenant: DUE.tenant,
      coTenant: DUE.coTenant,
      children: 2,
      addressLine: DUE.addressLine,
      phone: DUE.phone,
      email: DUE.email,
      notes: DUE.notes,
    },
  });
  await addFreeText(due.id, due.householdId, worker.id);

  // Closed long ago, but the household has a new case still open: kept whole.
  const keptOpenClosed = await caseAtState(db, {
    teamId: team.id,
    state: "CLOSED",
    closureReason: "NO_CONTACT",
    openedOn: calendarDate(2022, 3, 1),
    now: NOW,
    household: { tenant: { firstName: "Gaspard", lastName: "Oublanc" }, phone: "07 10 20 30 40" },
  });
  const reopened = await db.case.create({
    data: { teamId: team.id, householdId: keptOpenClosed.householdId, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 5, 2), tenantLetterSentOn: calendarDate(2026, 5, 3) },
  });
  // Closed recently: not due yet.
  const recent = await caseAtState(db, {
    teamId: team.id,
    state: "CLOSED",
    closureReason: "LEFT_DWELLING",
    openedOn: calendarDate(2025, 10, 1),
    now: NOW,
    household: { tenant: { firstName: "Clémence", lastName: "Récentier" } },
  });
  const open = await caseAtState(db, { teamId: team.id, state: "SUPPORTED", contactAfter: "VISIT_1_FAILED", stage: "ASSIGNATION", openedOn: calendarDate(2026, 3, 1), now: NOW });
  // Due, in another team: the command anonymises it, the admin of the first team does not see it.
  const dueOther = await caseAtState(db, {
    teamId: otherTeam.id,
    state: "CLOSED",
    closureReason: "NOT_AT_ADDRESS",
    openedOn: calendarDate(2022, 9, 1),
    now: NOW,
    departement: "62",
    household: { tenant: { firstName: "Ludivine", lastName: "Ailleursberg" } },
  });
  ids = { due: due.householdId, dueOther: dueOther.householdId, keptOpen: keptOpenClosed.householdId, keptOpenClosedCase: reopened.id, recent: recent.householdId, open: open.householdId };
}, 120_000);

describe("retention: which households", () => {
  it("lists the due households with their case numbers and closure dates, not the others", async () => {
    const { due } = await listDueHouseholds(db, null, MONTHS, NOW);
    expect(due.map((h) => h.householdId).sort()).toEqual([ids.due, ids.dueOther].sort());
    for (const h of due) {
      for (const c of h.cases) expect(c.closedOn.getTime()).toBeLessThanOrEqual(calendarDate(2024, 6, 10).getTime());
    }
  });

  it("shows an admin only their teams' households, and refuses other roles as not found", async () => {
    const { due } = await listDueHouseholds(db, admin, MONTHS, NOW);
    expect(due.map((h) => h.householdId)).toEqual([ids.due]);
    await expect(listDueHouseholds(db, coordinator, MONTHS, NOW)).rejects.toBeInstanceOf(ExpectedError);
    await expect(anonymiseClosedCases(db, coordinator, { months: MONTHS, dryRun: false, trigger: "ADMIN" }, NOW)).rejects.toBeInstanceOf(ExpectedError);
  });
});

describe("retention: the dry run", () => {
  it("writes nothing", async () => {
    const before = await dumpAllRows();
    const result = await anonymiseClosedCases(db, null, { months: MONTHS, dryRun: true, trigger: "CLI" }, NOW);
    expect(result.households).toHaveLength(2);
    expect(await dumpAllRows()).toEqual(before);
  });

  it("the command prints case numbers and dates, never a name, and writes nothing", async () => {
    const before = await dumpAllRows();
    const root = path.resolve(import.meta.dirname, "../..");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/retention.ts"), "--dry-run", "--now", "2026-06-10"],
      { cwd: root, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, RETENTION_MONTHS_AFTER_CLOSURE: String(MONTHS) }, timeout: 180_000 },
    );
    const numbers = await db.case.findMany({ where: { householdId: { in: [ids.due, ids.dueOther] } }, select: { number: true } });
    expect(stdout).toContain("Simulation (--dry-run) : rien n'est écrit.");
    expect(stdout).toContain("2 ménage(s) à anonymiser");
    for (const { number } of numbers) expect(stdout).toContain(`dossier n° ${number} (clos le `);
    for (const s of [...PERSONAL_STRINGS, "Ailleursberg", "Ludivine"]) expect(stdout).not.toContain(s);
    expect(await dumpAllRows()).toEqual(before);
  }, 180_000);
});

describe("retention: the run", () => {
  let aggregatesBefore: Awaited<ReturnType<typeof aggregates>>;
  let untouchedBefore: unknown[];
  let dueBefore: Awaited<ReturnType<typeof rowsOf>>;

  beforeAll(async () => {
    aggregatesBefore = await aggregates();
    untouchedBefore = await Promise.all([ids.keptOpen, ids.recent, ids.open].map(rowsOf));
    dueBefore = await rowsOf(ids.due);
    // Sanity: the personal strings are there before.
    const rows = [...(await dumpAllRows()).values()].flat().join("\n");
    for (const s of PERSONAL_STRINGS) expect(rows, s).toContain(s);
    const result = await anonymiseClosedCases(db, null, { months: MONTHS, dryRun: false, trigger: "CLI" }, NOW);
    expect(result.households.map((h) => h.householdId).sort()).toEqual([ids.due, ids.dueOther].sort());
    expect(result.skipped).toEqual([]);
  }, 60_000);

  it("leaves no personal string of the household in any row of any table", async () => {
    const all = await dumpAllRows();
    for (const [table, rows] of all) {
      const text = rows.join("\n").toLowerCase();
      for (const s of PERSONAL_STRINGS) expect(text.includes(s.toLowerCase()), `${s} still in ${table}`).toBe(false);
    }
    const other = [...all.values()].flat().join("\n");
    expect(other).not.toContain("Ailleursberg");
  });

  it("blanks every personal field, keeps the composition and marks the household", async () => {
    const h = await rowsOf(ids.due);
    expect(h.anonymisedAt).toEqual(NOW);
    expect(h).toMatchObject({ addressLine: "", addressExtra: null, postcode: "", city: "", phone: null, email: null, notes: null, searchText: "", sortName: "" });
    expect(h.occupants.map((o) => [o.firstName, o.lastName, o.birthYear])).toEqual(h.occupants.map(() => ["Personne", "anonymisée", null]));
    expect(h.occupants.map((o) => [o.role, o.isChild])).toEqual(dueBefore.occupants.map((o) => [o.role, o.isChild]));
    const c = h.cases[0]!;
    expect(c.eligibilityNote).toBeNull();
    expect(c.procedureRef).toBeNull();
    expect(c.outreachEvents.every((e) => e.note === null)).toBe(true);
    expect(c.procedureEvents.every((e) => e.note === null && e.reference === null)).toBe(true);
    expect(c.diagnostics.every((d) => d.housingCondition === null && d.wishes === null && d.analysis === null && d.recommendations === null)).toBe(true);
    expect(c.supportPeriods.flatMap((p) => p.weeks).every((w) => w.actions === "[anonymisé]")).toBe(true);
    expect(c.aidRequests.every((a) => a.note === null)).toBe(true);
    expect(c.ledgerLines.every((l) => l.note === null)).toBe(true);
  });

  it("keeps every fact: states, dates, reasons, stages, amounts, events; bumps the version, not updatedAt", async () => {
    const after = await rowsOf(ids.due);
    const before = dueBefore.cases[0]!;
    const c = after.cases[0]!;
    const facts = (x: typeof c) => ({
      state: x.state, stage: x.stage, openedOn: x.openedOn, closedOn: x.closedOn, closureReason: x.closureReason, supported: x.supported,
      firstContactOn: x.firstContactOn, hearingOn: x.hearingOn, debtCents: x.debtCents, courtName: x.courtName, sectorId: x.sectorId,
      assignedWorkerId: x.assignedWorkerId, leaseId: x.leaseId, updatedAt: x.updatedAt,
      outreach: x.outreachEvents.map((e) => [e.id, e.kind, e.occurredAt, e.fromState, e.toState, e.visitOutcome, e.closureReason, e.jointVisit]).sort(),
      procedure: x.procedureEvents.map((e) => [e.id, e.stage, e.date, e.householdPresent, e.juristPresent, e.decision]).sort(),
      diagnostics: x.diagnostics.map((d) => [d.id, d.kind, d.doneOn, d.adults, d.children, d.rentCents, d.debtsCents, d.resources]),
      weeks: x.supportPeriods.flatMap((p) => p.weeks.map((w) => [w.id, w.weekOf])),
      aids: x.aidRequests.map((a) => [a.id, a.kind, a.status, a.amountCents]),
      ledger: x.ledgerLines.map((l) => [l.id, l.month, l.rentDueCents, l.paidCents]),
    });
    expect(facts(c)).toEqual(facts(before));
    expect(c.version).toBe(before.version + 1);
  });

  it("leaves the indicators and every aggregate count unchanged", async () => {
    expect(await aggregates()).toEqual(aggregatesBefore);
  });

  it("leaves the other households exactly as they were (open case, recent closure, still open)", async () => {
    expect(await Promise.all([ids.keptOpen, ids.recent, ids.open].map(rowsOf))).toEqual(untouchedBefore);
  });

  it("keeps the audit trail's who/when/what, scrubbed of personal values, and records the anonymisation without them", async () => {
    const caseIds = dueBefore.cases.map((c) => c.id);
    const rows = await db.auditLog.findMany({ where: { caseId: { in: caseIds } }, orderBy: { at: "asc" } });
    const update = rows.find((r) => r.action === "household.update")!;
    expect(update.after).toEqual({
      phone: "[anonymisé]",
      email: "[anonymisé]",
      addressLine: "[anonymisé]",
      notes: "[anonymisé]",
      tenant: { firstName: "[anonymisé]", lastName: "[anonymisé]" },
      debtCents: 123_400,
    });
    expect(update.before).toEqual({ phone: null, notes: null, state: "SUPPORTED" });
    const anonymised = rows.find((r) => r.action === "case.anonymise")!;
    expect(anonymised.userId).toBeNull();
    expect(anonymised.after).toMatchObject({ trigger: "CLI", retentionMonths: 24, caseNumbers: [dueBefore.cases[0]!.number] });
    const household = await db.auditLog.findFirstOrThrow({ where: { action: "household.anonymise", entityId: ids.due } });
    expect(household.after).toMatchObject({ occupants: dueBefore.occupants.length });
  });

  it("blanks the household's row in an imported list's report, not the others", async () => {
    const batch = await db.importBatch.findFirstOrThrow({ where: { teamId: team.id } });
    const rows = (batch.report as { rows: Array<{ cells: string[]; reason?: string }> }).rows;
    expect(rows[0]!.cells).toEqual(["[anonymisé]", "[anonymisé]", "[anonymisé]", "[anonymisé]"]);
    expect(rows[0]!.reason).toBe("[anonymisé]");
    expect(rows[1]!.cells).toEqual(["DURAND", "Paul", "3 rue Haute", ""]);
  });

  it("is idempotent: a second run finds nothing and changes nothing", async () => {
    const before = await dumpAllRows();
    const again = await anonymiseClosedCases(db, null, { months: MONTHS, dryRun: false, trigger: "CLI" }, new Date(NOW.getTime() + 86_400_000));
    expect(again.households).toEqual([]);
    expect(await dumpAllRows()).toEqual(before);
  });
});
