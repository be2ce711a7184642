import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { getAgreement, getBilling, listAgreements } from "@/lib/server/queries/get-billing";
import { recordSupportWeek } from "@/lib/server/services/record-support-week";
import { saveDiagnostic } from "@/lib/server/services/save-diagnostic";
import { saveFunderAgreement } from "@/lib/server/services/save-funder-agreement";
import { startSupportPeriod } from "@/lib/server/services/start-support-period";
import { agreementSchema } from "@/lib/validation/billing";
import { diagnosticSchema, startSupportSchema, supportWeekSchema } from "@/lib/validation/support";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createFunderAgreement } from "../factories/funder-agreement";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T10:00:00Z");

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Équipe mobile Pas-de-Calais", departement: "62" });
  const actor = async (role: Actor["role"], teamId = team.id): Promise<Actor> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role, teamIds: [teamId] };
  };
  return {
    team,
    other,
    coordinator: await actor("COORDINATOR"),
    admin: await actor("ADMIN"),
    worker: await actor("SOCIAL_WORKER"),
    funder: await actor("FUNDER_VIEWER"),
    otherCoordinator: await actor("COORDINATOR", other.id),
    otherWorker: await actor("SOCIAL_WORKER", other.id),
  };
}

/** A supported household with no support on file yet, its first contact on 1 March 2026. */
async function supportedHousehold(teamId: string, lastName: string) {
  const c = await caseAtState(db, {
    teamId,
    state: "SUPPORTED",
    openedOn: calendarDate(2026, 2, 2),
    now: NOW,
    diagnostic: null,
    supportWeeks: 0,
    household: { tenant: { firstName: "Karim", lastName } },
  });
  await db.supportPeriod.deleteMany({ where: { caseId: c.id } });
  return db.case.update({ where: { id: c.id }, data: { firstContactOn: calendarDate(2026, 3, 1) } });
}

const form = (teamId: string, extra: Record<string, unknown> = {}) => ({
  teamId,
  funderName: "DDETS de l'Essonne",
  reference: "Convention 2026-014",
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  advanceShare: "60",
  advanceReceived: "36 000",
  maxSupportWeeks: "8",
  cap: "60 000",
  rates: {
    FLASH_DIAGNOSTIC: { amount: "150" },
    IN_DEPTH_DIAGNOSTIC: { amount: "370", maxPerHousehold: "1" },
    SUPPORT_WEEK: { amount: "55" },
  },
  ...extra,
});

async function expectRefusal(promise: Promise<unknown>, code: ExpectedError["code"], pattern?: RegExp) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  expect((error as ExpectedError).code).toBe(code);
  if (pattern) expect((error as ExpectedError).message + JSON.stringify((error as ExpectedError).fieldErrors ?? {})).toMatch(pattern);
  return error as ExpectedError;
}

const norm = (text: string | null | undefined) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

describe("funder agreements", () => {
  beforeEach(resetDatabase);

  it("a coordinator creates an agreement with its rates and caps; it is audited; rates are data", async () => {
    const { team, coordinator } = await setup();
    const { agreementId } = await saveFunderAgreement(db, coordinator, agreementSchema.parse(form(team.id)));
    const a = (await getAgreement(db, coordinator, agreementId))!;
    expect(a).toMatchObject({ funderName: "DDETS de l'Essonne", advanceShareBp: 6000, advanceReceivedCents: 36_000_00, capCents: 60_000_00, maxSupportWeeks: 8, canEdit: true });
    expect(a.rates).toEqual([
      { act: "FLASH_DIAGNOSTIC", amountCents: 150_00, maxPerHousehold: null },
      { act: "IN_DEPTH_DIAGNOSTIC", amountCents: 370_00, maxPerHousehold: 1 },
      { act: "SUPPORT_WEEK", amountCents: 55_00, maxPerHousehold: null },
    ]);
    const audit = await db.auditLog.findMany({ where: { entity: "FunderAgreement" } });
    expect(audit.map((r) => [r.action, r.userId])).toEqual([["billing.agreement.create", coordinator.id]]);
    expect(audit[0]!.after).toMatchObject({ periodStart: "2026-01-01", capCents: 60_000_00 });
  });

  it("edits only if unchanged meanwhile; refuses an overlapping agreement of the same funder", async () => {
    const { team, coordinator, admin } = await setup();
    const { agreementId } = await saveFunderAgreement(db, coordinator, agreementSchema.parse(form(team.id)));
    const seen = (await getAgreement(db, coordinator, agreementId))!;
    await saveFunderAgreement(db, admin, agreementSchema.parse(form(team.id, { agreementId, token: seen.token, rates: { SUPPORT_WEEK: { amount: "60" } } })));
    expect((await getAgreement(db, admin, agreementId))!.rates).toEqual([{ act: "SUPPORT_WEEK", amountCents: 60_00, maxPerHousehold: null }]);
    await expectRefusal(saveFunderAgreement(db, coordinator, agreementSchema.parse(form(team.id, { agreementId, token: seen.token }))), "CONFLICT", /modifiée par quelqu'un d'autre/);

    const overlap = await expectRefusal(
      saveFunderAgreement(db, coordinator, agreementSchema.parse(form(team.id, { funderName: "ddets de l’Essonne", periodStart: "2026-12-01", periodEnd: "2027-11-30" }))),
      "INVALID_STEP",
    );
    expect(overlap.fieldErrors?.periodStart?.[0]).toBe("Une convention de ce financeur couvre déjà la période du 01/01/2026 au 31/12/2026 : un acte serait facturé deux fois.");
    // Another funder on the same period is fine.
    await saveFunderAgreement(db, coordinator, agreementSchema.parse(form(team.id, { funderName: "Département de l'Essonne" })));
    expect(await db.funderAgreement.count()).toBe(2);
    expect((await db.auditLog.findMany({ where: { entity: "FunderAgreement" }, orderBy: { at: "asc" } })).map((r) => r.action)).toEqual([
      "billing.agreement.create",
      "billing.agreement.update",
      "billing.agreement.create",
    ]);
  });

  it("workers, funders and other teams cannot create, see or edit it (not found)", async () => {
    const { team, coordinator, worker, funder, otherCoordinator } = await setup();
    for (const who of [worker, funder, otherCoordinator]) {
      await expectRefusal(saveFunderAgreement(db, who, agreementSchema.parse(form(team.id))), "NOT_FOUND");
    }
    const { agreementId } = await saveFunderAgreement(db, coordinator, agreementSchema.parse(form(team.id)));
    const token = (await getAgreement(db, coordinator, agreementId))!.token;
    // Another team's coordinator editing it under their own team id: still "not found".
    await expectRefusal(saveFunderAgreement(db, otherCoordinator, agreementSchema.parse(form(otherCoordinator.teamIds[0]!, { agreementId, token }))), "NOT_FOUND", /Cette convention/);
    for (const who of [worker, funder, otherCoordinator]) {
      expect(await getAgreement(db, who, agreementId)).toBeNull();
      expect(await listAgreements(db, who)).toEqual([]);
      expect(await getBilling(db, who, agreementId, { from: calendarDate(2026, 1, 1), to: calendarDate(2026, 12, 31) })).toBeNull();
    }
    expect(await db.funderAgreement.count()).toBe(1);
  });

  it("says in French what is wrong with the form", () => {
    const parsed = agreementSchema.safeParse(
      form("t", { funderName: "", advanceShare: "120", maxSupportWeeks: "0", periodEnd: "2025-12-31", rates: { FLASH_DIAGNOSTIC: { maxPerHousehold: "2" } } }),
    );
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      funderName: "Le financeur est obligatoire.",
      advanceShare: "La part versée en avance est un pourcentage entre 0 et 100 (ex. 60).",
      maxSupportWeeks: "Le nombre de semaines par ménage doit être au moins 1.",
    });
    const second = agreementSchema.safeParse(form("t", { periodEnd: "2025-12-31", advanceReceived: "70 000", rates: { FLASH_DIAGNOSTIC: { maxPerHousehold: "2" } } }));
    expect(Object.fromEntries(second.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      periodEnd: "La fin de la convention ne peut pas précéder son début.",
      advanceReceived: "L'avance reçue ne peut pas dépasser le plafond de la convention.",
      "rates.SUPPORT_WEEK.amount": "Indiquez au moins un tarif : une convention finance au moins un acte.",
      "rates.FLASH_DIAGNOSTIC.maxPerHousehold": "Un plafond sans tarif n'a pas de sens : indiquez le tarif ou videz ce champ.",
    });
    expect(agreementSchema.parse(form("t", { advanceShare: "60,5 %" })).advanceShare).toBe(6050);
  });
});

describe("billing of an agreement over a period", () => {
  beforeEach(resetDatabase);

  it("bills 370 € + 3 × 55 € for a household; acts before the period count toward the caps; the 9th week and acts after the period are not billed; other teams are not in it", async () => {
    const { team, other, coordinator, worker, otherWorker } = await setup();
    const agreement = await createFunderAgreement(db, {
      teamId: team.id,
      funderName: "DDETS de l'Essonne",
      periodStart: calendarDate(2026, 1, 1),
      periodEnd: calendarDate(2026, 12, 31),
      rates: { FLASH_DIAGNOSTIC: 150_00, IN_DEPTH_DIAGNOSTIC: 370_00, SUPPORT_WEEK: 55_00 },
      maxPerHousehold: { IN_DEPTH_DIAGNOSTIC: 1 },
      advanceReceivedCents: 36_000_00,
      capCents: 60_000_00,
    });

    // Household A: in-depth diagnostic and 3 weeks, all in November.
    const a = await supportedHousehold(team.id, "Benali");
    await saveDiagnostic(
      db,
      worker,
      diagnosticSchema.parse({ caseId: a.id, kind: "IN_DEPTH", doneOn: "2026-11-03", jointVisit: "on", adults: "2", rent: "700", analysis: "Analyse.", recommendations: "FSL." }),
      NOW,
    );
    const pa = await startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: a.id, version: String(a.version), startedOn: "2026-11-02" }), NOW);
    for (const day of ["2026-11-02", "2026-11-09", "2026-11-16"]) {
      await recordSupportWeek(db, worker, supportWeekSchema.parse({ caseId: a.id, periodId: pa.periodId, weekOf: day, actions: "Accompagnement." }), NOW);
    }

    // Household B: a flash diagnostic and 6 weeks before November, 3 weeks in November (the 9th is over the cap).
    const b = await supportedHousehold(team.id, "Carpentier");
    await saveDiagnostic(db, worker, diagnosticSchema.parse({ caseId: b.id, kind: "FLASH", doneOn: "2026-09-01" }), NOW);
    const pb = await startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: b.id, version: String(b.version), startedOn: "2026-09-21" }), NOW);
    for (let i = 0; i < 9; i++) {
      const day = new Date(calendarDate(2026, 9, 21).getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10);
      await recordSupportWeek(db, worker, supportWeekSchema.parse({ caseId: b.id, periodId: pb.periodId, weekOf: day, actions: "Accompagnement." }), NOW).catch((e: unknown) => e);
    }
    // The service stops at 8; a 9th week written by a former tool must still not be billed.
    expect(await db.supportWeek.count({ where: { periodId: pb.periodId } })).toBe(8);
    await db.supportWeek.create({ data: { periodId: pb.periodId, weekOf: calendarDate(2026, 11, 16), actions: "Saisie hors plafond (import)." } });

    // Household C of the other team: never in this team's billing.
    const c = await supportedHousehold(other.id, "Duhamel");
    await saveDiagnostic(db, otherWorker, diagnosticSchema.parse({ caseId: c.id, kind: "FLASH", doneOn: "2026-11-05" }), NOW);

    const report = (await getBilling(db, coordinator, agreement.id, { from: calendarDate(2026, 11, 1), to: calendarDate(2026, 11, 15) }))!;
    const billing = report.billing!;
    const byName = (name: string) => billing.households.find((h) => report.households[h.householdId]!.name.includes(name));

    // Period 1–15 November: A's diagnostic and 2 weeks (the 16 November week is after the period).
    const ha = byName("BENALI")!;
    expect(ha.acts.map((x) => [x.act, x.amountCents])).toEqual([
      ["SUPPORT_WEEK", 55_00],
      ["IN_DEPTH_DIAGNOSTIC", 370_00],
      ["SUPPORT_WEEK", 55_00],
    ]);
    // B: weeks of 2 and 9 November are its 7th and 8th; its September diagnostic and 5 October weeks were billed before.
    const hb = byName("CARPENTIER")!;
    expect(hb.acts.map((x) => [x.rank, x.billable])).toEqual([
      [7, true],
      [8, true],
    ]);
    expect(hb.earlier).toEqual({ count: 7, amountCents: 150_00 + 6 * 55_00 });
    expect(billing.households).toHaveLength(2);
    expect(report.households[ha.householdId]).toMatchObject({ name: "Karim BENALI", cases: [{ id: a.id, number: a.number }] });

    // The whole of November: A = 370 € + 3 × 55 €; B's 9th week is listed as not billable, with its reason.
    const november = (await getBilling(db, coordinator, agreement.id, { from: calendarDate(2026, 11, 1), to: calendarDate(2026, 11, 30) }))!.billing!;
    expect(november.households.find((h) => h.householdId === ha.householdId)!.billedCents).toBe(370_00 + 3 * 55_00);
    const ninth = november.households.find((h) => h.householdId === hb.householdId)!.acts.find((x) => !x.billable)!;
    expect(ninth).toMatchObject({ rank: 9, amountCents: 0 });
    expect(ninth.reason).toBe("9e semaine d'accompagnement du ménage depuis le début de la convention (le 01/01/2026) : au-delà du plafond de 8 semaines par ménage.");
    expect(november.dueCents).toBe(370_00 + 3 * 55_00 + 2 * 55_00);
    expect(november.dueToDateCents).toBe(370_00 + 3 * 55_00 + 150_00 + 8 * 55_00);
    expect(november.balanceCents).toBe(november.dueToDateCents - 36_000_00);
    expect(november.advanceExpectedCents).toBe(36_000_00);
    expect(norm(ninth.reason)).not.toBe("");

    // A period outside the agreement: French messages, no billing.
    const outside = (await getBilling(db, coordinator, agreement.id, { from: calendarDate(2025, 12, 1), to: calendarDate(2026, 1, 31) }))!;
    expect(outside.billing).toBeNull();
    expect(outside.periodErrors.from).toEqual(["La période commence avant la convention (le 01/01/2026)."]);
  });
});
