// Issue 15, a real team's first week: the setup, sectors from postcodes,
// identification dates and back-dated events, closure ending the support,
// letters that say how to reach the team. "Now" is fixed; every date is
// derived from it.
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/server/session", () => ({
  getCurrentUser: async () => current.user,
  requireUser: async () => current.user,
}));

import { contactRefusal } from "@/lib/domain/letters/compose";
import type { Actor, Role } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { renderLettersPdf } from "@/lib/server/pdf/letters-pdf";
import { computeIndicators } from "@/lib/server/queries/indicators";
import { getCaseLetter } from "@/lib/server/queries/letters/case-letters";
import { listCases } from "@/lib/server/queries/list-cases";
import { needsSetup } from "@/lib/server/queries/setup-status";
import { createHousehold } from "@/lib/server/services/create-household";
import { recordFirstLetters } from "@/lib/server/services/record-first-letters";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { setupFirstTeam } from "@/lib/server/services/setup-first-team";
import { startSupportPeriod } from "@/lib/server/services/start-support-period";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import { newHouseholdSchema } from "@/lib/validation/household";
import type { OutreachEventInput } from "@/lib/validation/outreach";
import { setupTeamSchema } from "@/lib/validation/setup";
import { addDays } from "../factories/calendar";
import { createRng } from "../factories/random";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T10:00:00Z"); // 11:00 in Paris
const TODAY = parisToday(NOW);
const day = (offset: number) => toIsoDay(addDays(TODAY, offset));
const CODE = "ABCD-EFGH-JKLM";

function setupForm(overrides: Record<string, unknown> = {}) {
  return setupTeamSchema.parse({
    setupCode: CODE,
    teamName: "Équipe mobile Essonne",
    departement: "91",
    adilName: "ADIL 91",
    associationName: "Tout Azimut",
    contactPhone: "01 60 78 12 34",
    contactEmail: "contact@empe91.fr",
    contactAddress: "1 place de l'Hôtel de ville\n91000 Évry-Courcouronnes",
    sectors: [
      { name: "Nord", areas: "91200, 91300; Juvisy-sur-Orge" },
      { name: "Sud", areas: "91000, Ris-Orangis" },
      { name: "", areas: "" },
    ],
    adminName: "Agnès Leroy",
    adminEmail: "agnes.leroy@empe91.fr",
    password: "une phrase assez longue",
    confirmation: "une phrase assez longue",
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

async function installedTeam() {
  const { teamId, adminId } = await setupFirstTeam(db, setupForm(), CODE);
  const u = await createUser(db, { role: "SOCIAL_WORKER", teamId });
  const worker: Actor = { id: u.id, role: u.role as Role, teamIds: [teamId] };
  const sectors = Object.fromEntries((await db.sector.findMany({ where: { teamId } })).map((s) => [s.name, s.id]));
  return { teamId, adminId, worker, sectors };
}

function household(teamId: string, overrides: Record<string, unknown> = {}) {
  return newHouseholdSchema.parse({
    teamId,
    tenant: { firstName: "Élodie", lastName: "Lefèvre" },
    addressLine: "8 allée des Tilleuls",
    postcode: "91300",
    city: "Massy",
    landlordMode: "new",
    landlord: { kind: "AGENCY", name: "Agence du Centre", city: "Évry" },
    rent: "650",
    stage: "ASSIGNATION",
    stageDate: day(-60),
    source: "CCAPEX",
    ...overrides,
  });
}

async function record(actor: Actor, caseId: string, event: Record<string, unknown>, at: string, time = "10:00") {
  const { version } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  return recordOutreachEvent(db, actor, { caseId, version, day: new Date(`${at}T00:00:00Z`), time, ...event } as OutreachEventInput, NOW);
}

describe("first run for real use", () => {
  beforeEach(resetDatabase);

  it("creates the team, its partner organisations, sectors, contact and first admin, audited, once", async () => {
    expect(await needsSetup(db)).toBe(true);
    expect((await refusal(setupFirstTeam(db, setupForm(), null))).message).toMatch(/npm start/);
    expect((await refusal(setupFirstTeam(db, setupForm({ setupCode: "WRONG-CODE" }), CODE))).fieldErrors?.setupCode).toBeDefined();
    expect(await db.user.count()).toBe(0);

    // Spaces, dashes and case do not matter when typing the code.
    const { teamId, adminId } = await setupFirstTeam(db, setupForm({ setupCode: " abcd efgh jklm " }), CODE);
    expect(await needsSetup(db)).toBe(false);
    const team = await db.team.findUniqueOrThrow({
      where: { id: teamId },
      include: { organisations: { include: { organisation: true } }, sectors: { orderBy: { name: "asc" } }, memberships: true },
    });
    expect(team).toMatchObject({ name: "Équipe mobile Essonne", departement: "91", letterheadPhone: "01 60 78 12 34", letterheadEmail: "contact@empe91.fr" });
    expect(team.organisations.map((o) => [o.organisation.kind, o.organisation.name]).sort()).toEqual([["ADIL", "ADIL 91"], ["ASSOCIATION", "Tout Azimut"]]);
    expect(team.sectors.map((s) => [s.name, s.postcodes, s.communes])).toEqual([
      ["Nord", ["91200", "91300"], ["juvisy sur orge"]],
      ["Sud", ["91000"], ["ris orangis"]],
    ]);
    expect(team.memberships.map((m) => m.userId)).toEqual([adminId]);
    expect(await db.user.findUniqueOrThrow({ where: { id: adminId } })).toMatchObject({ role: "ADMIN", email: "agnes.leroy@empe91.fr", active: true });
    // No demo data: one team, one account, no case.
    expect([await db.team.count(), await db.user.count(), await db.case.count()]).toEqual([1, 1, 0]);
    const audit = await db.auditLog.findMany({ where: { userId: adminId }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "setup.organisation.create",
      "setup.organisation.create",
      "setup.sector.create",
      "setup.sector.create",
      "setup.team.create",
      "setup.user.create",
    ]);

    const again = await refusal(setupFirstTeam(db, setupForm({ adminEmail: "autre@empe91.fr" }), CODE));
    expect(again.message).toMatch(/déjà installé/);
    expect(await db.user.count()).toBe(1);
  });

  it("refuses a postcode in two sectors and a weak password, writing nothing", async () => {
    const overlap = await refusal(setupFirstTeam(db, setupForm({ sectors: [{ name: "Nord", areas: "91000" }, { name: "Sud", areas: "91000" }] }), CODE));
    expect(overlap.message).toMatch(/91000 \(Nord et Sud\)/);
    const weak = await refusal(setupFirstTeam(db, setupForm({ password: "Agnès Leroy!!", confirmation: "Agnès Leroy!!" }), CODE));
    expect(weak.fieldErrors?.password).toBeDefined();
    expect(await db.team.count()).toBe(0);
  });
});

describe("households typed in after the fact", () => {
  beforeEach(resetDatabase);

  it("go to the sector of their postcode, else of their commune, with the identification date given", async () => {
    const { teamId, worker, sectors } = await installedTeam();
    const north = await createHousehold(db, worker, household(teamId, { identifiedOn: day(-21) }), NOW);
    const south = await createHousehold(db, worker, household(teamId, { postcode: "91130", city: "Ris-Orangis" }), NOW);
    const nowhere = await createHousehold(db, worker, household(teamId, { postcode: "75001", city: "Paris" }), NOW);
    const byId = async (id: string) => db.case.findUniqueOrThrow({ where: { id }, select: { sectorId: true, openedOn: true, source: true } });
    expect(await byId(north.caseId)).toEqual({ sectorId: sectors.Nord, openedOn: addDays(TODAY, -21), source: "CCAPEX" });
    expect(await byId(south.caseId)).toMatchObject({ sectorId: sectors.Sud, openedOn: TODAY });
    expect(await byId(nowhere.caseId)).toMatchObject({ sectorId: null });

    const future = await refusal(createHousehold(db, worker, household(teamId, { identifiedOn: day(1) }), NOW));
    expect(future.fieldErrors?.identifiedOn).toEqual(["La date d'identification ne peut pas être dans le futur."]);
  });

  it("take events dated after the identification, not before it nor in the future", async () => {
    const { teamId, worker } = await installedTeam();
    const { caseId } = await createHousehold(db, worker, household(teamId, { identifiedOn: day(-21) }), NOW);
    const before = await refusal(record(worker, caseId, { kind: "LETTER_TENANT" }, day(-22)));
    expect(before.message).toMatch(/antérieure à l'identification du dossier/);
    const future = await refusal(record(worker, caseId, { kind: "LETTER_TENANT" }, day(1)));
    expect(future.message).toMatch(/dans le futur/);
    await record(worker, caseId, { kind: "LETTER_TENANT" }, day(-7), "09:00");
    await record(worker, caseId, { kind: "VISIT", outcome: "MET", noticeLeft: false, indecentHousing: false, jointVisit: false }, day(-7), "18:30");
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { state: true, firstContactOn: true } })).toEqual({
      state: "SUPPORTED",
      firstContactOn: addDays(TODAY, -7),
    });
    const indicators = await computeIndicators(db, { id: worker.id, role: "COORDINATOR", teamIds: [teamId] }, { from: addDays(TODAY, -60), to: TODAY, teamId, sectorId: null, landlordKind: null });
    expect(indicators.firstContact).toEqual({ count: 1, medianDays: 14 });
  });
});

describe("closure and support agree", () => {
  beforeEach(resetDatabase);

  it("closing a supported case ends its support period with the matching outcome; reopening reopens neither", async () => {
    const { teamId, worker } = await installedTeam();
    const { caseId } = await createHousehold(db, worker, household(teamId, { identifiedOn: day(-40) }), NOW);
    await record(worker, caseId, { kind: "HOUSEHOLD_CONTACT", channel: "PHONE" }, day(-30));
    const { version } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
    const { periodId } = await startSupportPeriod(db, worker, { caseId, version, startedOn: addDays(TODAY, -28) }, NOW);

    await record(worker, caseId, { kind: "CLOSURE", reason: "SUPPORT_COMPLETED" }, day(-2));
    const period = await db.supportPeriod.findUniqueOrThrow({ where: { id: periodId } });
    expect(period).toMatchObject({ endedOn: addDays(TODAY, -2), outcome: "COMPLETED" });
    const ends = await db.auditLog.findMany({ where: { caseId, action: "support.period.end" }, select: { after: true } });
    expect(ends).toHaveLength(1);

    await record(worker, caseId, { kind: "REOPENING", reason: "Nouvelle dette" }, day(-1));
    const after = await db.supportPeriod.findMany({ where: { caseId } });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ endedOn: addDays(TODAY, -2), outcome: "COMPLETED" });
  });
});

describe("letters tell people how to reach the team", () => {
  beforeEach(resetDatabase);

  it("are refused without the team's phone, and carry it in the PDF once set", async () => {
    const { teamId, worker } = await installedTeam();
    const { caseId } = await createHousehold(db, worker, household(teamId), NOW);
    await db.team.update({ where: { id: teamId }, data: { letterheadPhone: null, letterheadEmail: null, letterheadAddress: null } });

    const bare = await getCaseLetter(db, worker, caseId, "TENANT_FIRST_LETTER", NOW);
    expect(contactRefusal([bare!])).toBe(
      "Ce courrier ne dit pas comment joindre l'équipe : le téléphone et l'e-mail ou l'adresse postale de l'équipe manquent. " +
        "Renseignez-les dans l'en-tête des courriers (Courriers › Modèles) avant d'imprimer ou d'envoyer.",
    );
    // The route answers with that message instead of a PDF.
    current.user = { ...worker, name: "Worker", email: "w@example.fr", teams: [{ id: teamId, name: "Équipe" }] };
    const { GET } = await import("@/app/(app)/courriers/dossiers/[id]/pdf/route");
    const { NextRequest } = await import("next/server");
    const url = `http://localhost:3000/courriers/dossiers/${caseId}/pdf?courrier=premier-courrier`;
    const refused = await GET(new NextRequest(url), { params: Promise.resolve({ id: caseId }) });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/^Ce courrier ne dit pas comment joindre l'équipe : le téléphone/);

    await db.team.update({ where: { id: teamId }, data: { letterheadPhone: "01 60 78 12 34", letterheadEmail: "contact@empe91.fr" } });
    const served = await GET(new NextRequest(url), { params: Promise.resolve({ id: caseId }) });
    expect(served.status).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await served.arrayBuffer())), { mergePages: true });
    expect(text).toContain("01 60 78 12 34");

    const letter = await getCaseLetter(db, worker, caseId, "TENANT_FIRST_LETTER", NOW);
    expect(contactRefusal([letter!])).toBeNull();
    const pdf = await renderLettersPdf([letter!], { title: "t", author: "a", now: NOW });
    expect((await extractText(await getDocumentProxy(pdf), { mergePages: true })).text).toContain("01 60 78 12 34");
  });
});

describe("back-dated histories", () => {
  beforeEach(resetDatabase);

  it("never show a closure before an opening in the monthly table, nor a negative delay", async () => {
    const { teamId, worker } = await installedTeam();
    const rng = createRng(15);
    const between = (min: number, max: number) => min + Math.floor(rng.next() * (max - min + 1));
    for (let i = 0; i < 24; i++) {
      const opened = between(-300, -10);
      const { caseId } = await createHousehold(db, worker, household(teamId, { identifiedOn: day(opened), tenant: { firstName: "A", lastName: `Ménage ${i}` } }), NOW);
      let at = opened + between(0, 5);
      // Sometimes a worker tries to log a step before the identification: always refused.
      if (rng.next() < 0.3) await refusal(record(worker, caseId, { kind: "LETTER_TENANT" }, day(opened - between(1, 30))));
      await record(worker, caseId, { kind: "LETTER_TENANT" }, day(Math.min(at, 0)));
      if (rng.next() < 0.5) {
        at = Math.min(at + between(0, 20), 0);
        await record(worker, caseId, { kind: "VISIT", outcome: "MET", noticeLeft: false, indecentHousing: false, jointVisit: false }, day(at));
      }
      if (rng.next() < 0.6) {
        at = Math.min(at + between(0, 60), 0);
        await record(worker, caseId, { kind: "CLOSURE", reason: "ALREADY_FOLLOWED" }, day(at));
      }
    }
    const coordinator: Actor = { id: worker.id, role: "COORDINATOR", teamIds: [teamId] };
    const result = await computeIndicators(db, coordinator, { from: addDays(TODAY, -365), to: TODAY, teamId, sectorId: null, landlordKind: null });
    let opened = 0;
    let closed = 0;
    for (const m of result.monthly) {
      opened += m.opened;
      closed += m.closed;
      expect(closed, `month ${m.month}`).toBeLessThanOrEqual(opened);
    }
    expect(opened).toBe(24);
    expect(result.firstContact.medianDays ?? 0).toBeGreaterThanOrEqual(0);
    const cases = await db.case.findMany({ where: { teamId }, select: { openedOn: true, closedOn: true, firstContactOn: true } });
    for (const c of cases) {
      if (c.closedOn) expect(c.closedOn.getTime()).toBeGreaterThanOrEqual(c.openedOn.getTime());
      if (c.firstContactOn) expect(c.firstContactOn.getTime()).toBeGreaterThanOrEqual(c.openedOn.getTime());
    }
  });
});

describe("first letters as one step", () => {
  beforeEach(resetDatabase);

  it("records the tenant's and the landlord's letters together, both on the timeline; each stays recordable alone", async () => {
    const { teamId, worker } = await installedTeam();
    const { caseId } = await createHousehold(db, worker, household(teamId, { identifiedOn: day(-10) }), NOW);
    const { version } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
    const result = await recordFirstLetters(db, worker, { caseId, version, day: addDays(TODAY, -9), time: "09:00" }, NOW);
    expect(result).toEqual({ landlordLetter: true, version: version + 2 });
    const events = await db.outreachEvent.findMany({ where: { caseId }, orderBy: { createdAt: "asc" }, select: { kind: true } });
    expect(events.map((e) => e.kind)).toEqual(["LETTER_TENANT", "LETTER_LANDLORD"]);
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { tenantLetterSentOn: true, landlordLetterSentOn: true } })).toEqual({
      tenantLetterSentOn: addDays(TODAY, -9),
      landlordLetterSentOn: addDays(TODAY, -9),
    });

    // A stale version writes neither; a date before the identification neither.
    const other = await createHousehold(db, worker, household(teamId, { identifiedOn: day(-10) }), NOW);
    await refusal(recordFirstLetters(db, worker, { caseId: other.caseId, version: 0, day: addDays(TODAY, -11), time: "09:00" }, NOW));
    expect(await db.outreachEvent.count({ where: { caseId: other.caseId } })).toBe(0);
    // Alone, as before.
    await record(worker, other.caseId, { kind: "LETTER_TENANT" }, day(-5));
    expect(await db.outreachEvent.count({ where: { caseId: other.caseId } })).toBe(1);
  });
});

describe("search that finds people", () => {
  beforeEach(resetDatabase);

  it("finds a case by phone number and procedure reference, and closed cases when asked", async () => {
    const { teamId, worker } = await installedTeam();
    const { caseId } = await createHousehold(db, worker, household(teamId, { identifiedOn: day(-30), phone: "06 12 34 56 78", procedureRef: "26/01234" }), NOW);
    await createHousehold(db, worker, household(teamId, { tenant: { firstName: "Autre", lastName: "Ménage" } }), NOW);
    const find = async (q: string, openOnly = true) => (await listCases(db, worker, { teamId, q, openOnly, now: NOW })).rows.map((r) => r.id);
    expect(await find("06 12 34 56")).toEqual([caseId]);
    expect(await find("+33 6 12 34 56 78")).toEqual([caseId]);
    expect(await find("26/01234")).toEqual([caseId]);
    await record(worker, caseId, { kind: "CLOSURE", reason: "ALREADY_FOLLOWED" }, day(-1));
    expect(await find("26/01234")).toEqual([]);
    const all = await listCases(db, worker, { teamId, q: "26/01234", openOnly: false, now: NOW });
    expect(all.rows.map((r) => [r.id, r.state])).toEqual([[caseId, "CLOSED"]]);
  });
});
