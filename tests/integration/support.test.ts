import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { getCaseSupport } from "@/lib/server/queries/get-case-support";
import { endSupportPeriod } from "@/lib/server/services/end-support-period";
import { recordSupportWeek } from "@/lib/server/services/record-support-week";
import { saveAidRequest } from "@/lib/server/services/save-aid-request";
import { saveDiagnostic } from "@/lib/server/services/save-diagnostic";
import { startSupportPeriod } from "@/lib/server/services/start-support-period";
import { aidRequestSchema, diagnosticSchema, endSupportSchema, startSupportSchema, supportWeekSchema } from "@/lib/validation/support";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T10:00:00Z"); // Thursday 26 November 2026, 11:00 in Paris

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
    openedOn: calendarDate(2026, 8, 3),
    now: NOW,
    diagnostic: null,
    supportWeeks: 0,
    household: { tenant: { firstName: "Élodie", lastName: "Müller" }, children: 2 },
  });
  // A clean slate: the factory opens a support period at the first contact.
  await db.supportPeriod.deleteMany({ where: { caseId: c.id } });
  await db.aidRequest.deleteMany({ where: { caseId: c.id } });
  await db.case.update({ where: { id: c.id }, data: { firstContactOn: calendarDate(2026, 8, 20) } });
  return {
    team,
    c: await db.case.findUniqueOrThrow({ where: { id: c.id } }),
    worker: await actor("SOCIAL_WORKER"),
    jurist: await actor("JURIST"),
    coordinator: await actor("COORDINATOR"),
    admin: await actor("ADMIN"),
    funder: await actor("FUNDER_VIEWER"),
    stranger: await actor("SOCIAL_WORKER", other.id),
  };
}

async function expectRefusal(promise: Promise<unknown>, code: ExpectedError["code"], pattern?: RegExp) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  expect((error as ExpectedError).code).toBe(code);
  if (pattern) expect((error as ExpectedError).message + JSON.stringify((error as ExpectedError).fieldErrors ?? {})).toMatch(pattern);
  return error as ExpectedError;
}

const inDepth = (caseId: string, extra: Record<string, unknown> = {}) =>
  diagnosticSchema.parse({
    caseId,
    kind: "IN_DEPTH",
    doneOn: "2026-11-05",
    jointVisit: "on",
    adults: "1",
    children: "2",
    resources: { salary: "1 450", caf: "230" },
    charges: { energy: "120", insurance: "30", telecom: "60" },
    rent: "720",
    housingBenefit: "180",
    debts: "3 250",
    housingCondition: "Humidité dans la chambre des enfants.",
    wishes: "Se maintenir dans le logement.",
    analysis: "Baisse de ressources après une perte d'emploi ; reprise du loyer possible.",
    recommendations: "FSL maintien, plan d'apurement, mise à jour APL.",
    ...extra,
  });

const week = (caseId: string, periodId: string, weekOf: string, actions = "Dossier FSL constitué avec le ménage.") => supportWeekSchema.parse({ caseId, periodId, weekOf, actions });

describe("support: diagnostics", () => {
  beforeEach(resetDatabase);

  it("records an in-depth diagnostic with a joint visit, stores amounts by source, computes the remaining income, audits", async () => {
    const { c, worker } = await setup();
    const { diagnosticId, created } = await saveDiagnostic(db, worker, inDepth(c.id), NOW);
    expect(created).toBe(true);
    const row = await db.diagnostic.findUniqueOrThrow({ where: { id: diagnosticId } });
    expect(row).toMatchObject({ kind: "IN_DEPTH", jointVisit: true, adults: 1, children: 2, rentCents: 720_00, housingBenefitCents: 180_00, debtsCents: 3250_00, authorId: worker.id });
    expect(row.resources).toEqual({ salary: 1450_00, caf: 230_00 });
    expect(row.charges).toEqual({ energy: 120_00, insurance: 30_00, telecom: 60_00 });

    const support = (await getCaseSupport(db, worker, c.id, NOW))!;
    expect(support.diagnostics[0]!.remaining).toMatchObject({ monthlyCents: 930_00, persons: 3, perPersonMonthlyCents: 310_00, perPersonDailyCents: 10_33 });
    const audit = await db.auditLog.findMany({ where: { caseId: c.id, entity: "Diagnostic" } });
    expect(audit.map((a) => [a.action, a.userId])).toEqual([["support.diagnostic.create", worker.id]]);
    expect(audit[0]!.after).toMatchObject({ kind: "IN_DEPTH", doneOn: "2026-11-05", resources: { salary: 1450_00 } });
  });

  it("says in French what an in-depth diagnostic lacks, next to each field", () => {
    const badAmount = diagnosticSchema.safeParse({ caseId: "x", kind: "FLASH", doneOn: "2026-11-05", resources: { salary: "12x" }, charges: { energy: "-3" } });
    expect(Object.fromEntries(badAmount.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      "resources.salary": "Salaires, revenus d'activité : montant invalide (ex. 1 234,56).",
      "charges.energy": "Énergie (électricité, gaz) : montant invalide (ex. 1 234,56).",
    });
    const parsed = diagnosticSchema.safeParse({ caseId: "x", kind: "IN_DEPTH", doneOn: "2026-11-05", children: "2", resources: { salary: "1200" }, housingBenefit: "100" });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      adults: "Indiquez le nombre d'adultes du ménage.",
      rent: "Indiquez le loyer que l'aide au logement vient réduire.",
      analysis: "Le diagnostic approfondi comporte l'analyse du travailleur social.",
      recommendations: "Le diagnostic approfondi comporte des préconisations.",
    });
    // A flash diagnostic needs its date only.
    expect(diagnosticSchema.safeParse({ caseId: "x", kind: "FLASH", doneOn: "2026-11-05" }).success).toBe(true);
  });

  it("refuses a future day and a day before the first contact, on the date field", async () => {
    const { c, worker } = await setup();
    const future = await expectRefusal(saveDiagnostic(db, worker, inDepth(c.id, { doneOn: "2026-11-27" }), NOW), "INVALID_STEP");
    expect(future.fieldErrors?.doneOn?.[0]).toMatch(/jour à venir/);
    const early = await expectRefusal(saveDiagnostic(db, worker, inDepth(c.id, { doneOn: "2026-08-19" }), NOW), "INVALID_STEP");
    expect(early.fieldErrors?.doneOn?.[0]).toBe("Le diagnostic ne peut pas précéder le premier contact du ménage (le 20/08/2026).");
    expect(await db.diagnostic.count()).toBe(0);
  });

  it("an edit applies only if the diagnostic still holds what the user saw", async () => {
    const { c, worker, jurist } = await setup();
    const { diagnosticId } = await saveDiagnostic(db, worker, inDepth(c.id), NOW);
    const seen = (await getCaseSupport(db, worker, c.id, NOW))!.diagnostics[0]!;
    await saveDiagnostic(db, jurist, inDepth(c.id, { diagnosticId, token: seen.token, rent: "730" }), NOW);
    await expectRefusal(saveDiagnostic(db, worker, inDepth(c.id, { diagnosticId, token: seen.token, rent: "700" }), NOW), "CONFLICT", /modifié par quelqu'un d'autre/);
    expect((await db.diagnostic.findUniqueOrThrow({ where: { id: diagnosticId } })).rentCents).toBe(730_00);
    const actions = await db.auditLog.findMany({ where: { entity: "Diagnostic" }, orderBy: { at: "asc" }, select: { action: true, before: true } });
    expect(actions.map((a) => a.action)).toEqual(["support.diagnostic.create", "support.diagnostic.update"]);
    expect(actions[1]!.before).toMatchObject({ rentCents: 720_00 });
  });
});

describe("support: who may record, and when", () => {
  beforeEach(resetDatabase);

  it("another team's id is not found, for every service and the query; nothing is written", async () => {
    const { c, stranger, worker } = await setup();
    const { periodId } = await startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: c.id, version: String(c.version), startedOn: "2026-11-02" }), NOW);
    const fresh = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    // One after the other: a refusal must be awaited as soon as it is made (no unhandled rejection meanwhile).
    const calls = [
      () => saveDiagnostic(db, stranger, inDepth(c.id), NOW),
      () => startSupportPeriod(db, stranger, startSupportSchema.parse({ caseId: c.id, version: String(fresh.version), startedOn: "2026-11-02" }), NOW),
      () => recordSupportWeek(db, stranger, week(c.id, periodId, "2026-11-02"), NOW),
      () => endSupportPeriod(db, stranger, endSupportSchema.parse({ caseId: c.id, version: String(fresh.version), periodId, endedOn: "2026-11-20", outcome: "COMPLETED" }), NOW),
      () => saveAidRequest(db, stranger, aidRequestSchema.parse({ caseId: c.id, kind: "FSL", status: "TO_DO" }), NOW),
    ];
    for (const call of calls) await expectRefusal(call(), "NOT_FOUND", /introuvable ou vous n'y avez pas accès/);
    // A guessed id that does not exist answers the same way.
    await expectRefusal(saveAidRequest(db, worker, aidRequestSchema.parse({ caseId: "c-guessed-0000", kind: "FSL", status: "TO_DO" }), NOW), "NOT_FOUND");
    expect(await getCaseSupport(db, stranger, c.id, NOW)).toBeNull();
    expect(await db.diagnostic.count()).toBe(0);
    expect(await db.supportWeek.count()).toBe(0);
    expect(await db.aidRequest.count()).toBe(0);
  });

  it("social workers and jurists record; coordinators and admins read only; funders see nothing", async () => {
    const { c, jurist, coordinator, admin, funder } = await setup();
    await saveAidRequest(db, jurist, aidRequestSchema.parse({ caseId: c.id, kind: "DLS", status: "TO_DO" }), NOW);
    for (const reader of [coordinator, admin]) {
      await expectRefusal(saveDiagnostic(db, reader, inDepth(c.id), NOW), "FORBIDDEN", /Votre rôle ne permet pas/);
      const view = (await getCaseSupport(db, reader, c.id, NOW))!;
      expect(view.canRecord).toBe(false);
      expect(view.refusals.WEEK).toMatch(/Consultation seule/);
    }
    await expectRefusal(saveDiagnostic(db, funder, inDepth(c.id), NOW), "NOT_FOUND");
    expect(await getCaseSupport(db, funder, c.id, NOW)).toBeNull();
  });

  it("before the household's contact nothing can be recorded; after a closure only request decisions and ending support", async () => {
    const { team, worker } = await setup();
    const waiting = await caseAtState(db, { teamId: team.id, state: "VISIT_1_FAILED", openedOn: calendarDate(2026, 10, 1), now: NOW });
    await expectRefusal(saveDiagnostic(db, worker, inDepth(waiting.id), NOW), "INVALID_STEP", /pas encore pris contact/);
    await expectRefusal(saveAidRequest(db, worker, aidRequestSchema.parse({ caseId: waiting.id, kind: "FSL", status: "TO_DO" }), NOW), "INVALID_STEP", /pas encore pris contact/);

    const closed = await caseAtState(db, {
      teamId: team.id,
      state: "CLOSED",
      closureReason: "SUPPORT_COMPLETED",
      closedFrom: "SUPPORTED",
      stage: "HEARING",
      openedOn: calendarDate(2026, 6, 1),
      now: NOW,
    });
    const period = await db.supportPeriod.findFirstOrThrow({ where: { caseId: closed.id } });
    await expectRefusal(recordSupportWeek(db, worker, week(closed.id, period.id, "2026-11-23"), NOW), "INVALID_STEP", /rouvrez-le/);
    const filed = aidRequestSchema.parse({ caseId: closed.id, kind: "FSL", status: "GRANTED", amount: "850", filedOn: "2026-10-01", decidedOn: "2026-11-20" });
    expect((await saveAidRequest(db, worker, filed, NOW)).created).toBe(true);
  });
});

describe("support: periods and the 8-week cap per household", () => {
  beforeEach(resetDatabase);

  it("starts with the case version, records weeks, refuses the 9th across the household's cases, ends with an outcome", async () => {
    const { c, worker, jurist } = await setup();
    // A stale version: someone recorded something on the case meanwhile.
    await expectRefusal(startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: c.id, version: String(c.version + 5), startedOn: "2026-09-01" }), NOW), "CONFLICT");
    expect(await db.supportPeriod.count()).toBe(0);
    const early = await expectRefusal(startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: c.id, version: String(c.version), startedOn: "2026-08-19" }), NOW), "INVALID_STEP");
    expect(early.fieldErrors?.startedOn?.[0]).toMatch(/avant le premier contact/);

    const started = await startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: c.id, version: String(c.version), startedOn: "2026-09-01" }), NOW);
    expect(started.version).toBe(c.version + 1);
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(c.version + 1);

    // 5 weeks in this case (any day of the week names its Monday)…
    for (const day of ["2026-09-02", "2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28"]) {
      await recordSupportWeek(db, worker, week(c.id, started.periodId, day), NOW);
    }
    expect((await db.supportWeek.findMany({ orderBy: { weekOf: "asc" } }))[0]!.weekOf).toEqual(calendarDate(2026, 8, 31));
    // …and 3 weeks earlier under another case of the same household.
    const previous = await db.case.create({
      data: { teamId: c.teamId, householdId: c.householdId, state: "CLOSED", supported: true, openedOn: calendarDate(2025, 10, 1), firstContactOn: calendarDate(2025, 10, 6), closedOn: calendarDate(2025, 12, 1), closureReason: "SUPPORT_COMPLETED" },
    });
    await db.supportPeriod.create({
      data: {
        caseId: previous.id,
        startedOn: calendarDate(2025, 10, 6),
        endedOn: calendarDate(2025, 11, 28),
        outcome: "COMPLETED",
        weeks: { create: [6, 13, 20].map((d) => ({ weekOf: calendarDate(2025, 10, d), actions: "Suivi FSL." })) },
      },
    });

    const view = (await getCaseSupport(db, worker, c.id, NOW))!;
    expect(view.usage).toEqual({ used: 8, left: 0, max: 8 });
    expect(view.otherCasesWeeks).toBe(3);

    const ninth = await expectRefusal(recordSupportWeek(db, jurist, week(c.id, started.periodId, "2026-10-05"), NOW), "INVALID_STEP");
    expect(ninth.fieldErrors?.weekOf).toEqual(["Le ménage a déjà bénéficié de 8 semaines d'accompagnement, le maximum par ménage : une 9e semaine ne peut pas être enregistrée."]);
    expect(await db.supportWeek.count()).toBe(8);
    expect(await db.auditLog.count({ where: { action: "support.week.create" } })).toBe(5);

    // Ending before the last recorded week is refused; then it ends with an outcome.
    const fresh = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    const tooEarly = await expectRefusal(
      endSupportPeriod(db, worker, endSupportSchema.parse({ caseId: c.id, version: String(fresh.version), periodId: started.periodId, endedOn: "2026-09-25", outcome: "COMPLETED" }), NOW),
      "INVALID_STEP",
    );
    expect(tooEarly.fieldErrors?.endedOn?.[0]).toMatch(/jusqu'au 28\/09\/2026/);
    await endSupportPeriod(db, worker, endSupportSchema.parse({ caseId: c.id, version: String(fresh.version), periodId: started.periodId, endedOn: "2026-10-02", outcome: "REFERRED", outcomeNote: "Relais MDS." }), NOW);
    expect(await db.supportPeriod.findUniqueOrThrow({ where: { id: started.periodId } })).toMatchObject({ endedOn: calendarDate(2026, 10, 2), outcome: "REFERRED", outcomeNote: "Relais MDS." });
    const audit = await db.auditLog.findMany({ where: { entity: "SupportPeriod" }, orderBy: { at: "asc" }, select: { action: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(["support.period.start", "support.period.end"]);
    expect(audit[1]!.after).toMatchObject({ outcome: "REFERRED", weeks: 5 });
    // No new period once the 8 weeks are used.
    const again = await expectRefusal(startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: c.id, version: String(fresh.version + 1), startedOn: "2026-11-02" }), NOW), "INVALID_STEP");
    expect(again.fieldErrors?.startedOn?.[0]).toMatch(/8 semaines/);
  });

  it("two colleagues recording the household's 8th week at once: one week, one clear refusal", async () => {
    const { c, worker, jurist } = await setup();
    const { periodId } = await startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: c.id, version: String(c.version), startedOn: "2026-09-01" }), NOW);
    for (let i = 0; i < 7; i++) await recordSupportWeek(db, worker, week(c.id, periodId, `2026-09-${String(1 + 7 * i).padStart(2, "0")}`.replace("2026-09-36", "2026-10-06").replace("2026-09-43", "2026-10-13")), NOW);
    expect(await db.supportWeek.count()).toBe(7);
    const results = await Promise.allSettled([recordSupportWeek(db, worker, week(c.id, periodId, "2026-11-02"), NOW), recordSupportWeek(db, jurist, week(c.id, periodId, "2026-11-09"), NOW)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ExpectedError);
    expect(JSON.stringify((refused.reason as ExpectedError).fieldErrors)).toMatch(/une 9e semaine/);
    expect(await db.supportWeek.count()).toBe(8);
  });

  it("refuses the same week twice, a future week, a week on another case's period; corrects a week's text only if unchanged", async () => {
    const { c, team, worker, jurist } = await setup();
    const { periodId } = await startSupportPeriod(db, worker, startSupportSchema.parse({ caseId: c.id, version: String(c.version), startedOn: "2026-11-02" }), NOW);
    const { weekId } = await recordSupportWeek(db, worker, week(c.id, periodId, "2026-11-03"), NOW);
    const dup = await expectRefusal(recordSupportWeek(db, worker, week(c.id, periodId, "2026-11-06"), NOW), "INVALID_STEP");
    expect(dup.fieldErrors?.weekOf?.[0]).toBe("La semaine du 02/11/2026 est déjà enregistrée pour ce ménage.");
    await expectRefusal(recordSupportWeek(db, worker, week(c.id, periodId, "2026-11-30"), NOW), "INVALID_STEP", /à venir/);
    const otherCase = await caseAtState(db, { teamId: team.id, state: "SUPPORTED", openedOn: calendarDate(2026, 9, 1), now: NOW, supportWeeks: 0 });
    const otherPeriod = await db.supportPeriod.findFirstOrThrow({ where: { caseId: otherCase.id } });
    await expectRefusal(recordSupportWeek(db, worker, week(c.id, otherPeriod.id, "2026-11-09"), NOW), "NOT_FOUND");

    const seen = (await getCaseSupport(db, worker, c.id, NOW))!.periods[0]!.weeks[0]!;
    await recordSupportWeek(db, jurist, { ...week(c.id, periodId, "2026-11-02", "Dossier FSL déposé."), weekId, token: seen.token }, NOW);
    await expectRefusal(recordSupportWeek(db, worker, { ...week(c.id, periodId, "2026-11-02", "Autre texte."), weekId, token: seen.token }, NOW), "CONFLICT");
    expect((await db.supportWeek.findUniqueOrThrow({ where: { id: weekId } })).actions).toBe("Dossier FSL déposé.");
    expect(await db.auditLog.count({ where: { action: "support.week.update" } })).toBe(1);
  });
});

describe("support: aid requests", () => {
  beforeEach(resetDatabase);

  it("an FSL request filed then granted with its amount; a stale edit refused; audit before/after", async () => {
    const { c, worker, jurist } = await setup();
    const { requestId } = await saveAidRequest(db, worker, aidRequestSchema.parse({ caseId: c.id, kind: "FSL", status: "FILED", amount: "900", filedOn: "2026-11-10" }), NOW);
    const seen = (await getCaseSupport(db, worker, c.id, NOW))!.aidRequests[0]!;
    expect(seen).toMatchObject({ kind: "FSL", status: "FILED", amountCents: 900_00, inHearingFile: false });
    const granted = aidRequestSchema.parse({ caseId: c.id, requestId, token: seen.token, kind: "FSL", status: "GRANTED", amount: "850", filedOn: "2026-11-10", decidedOn: "2026-11-24" });
    await saveAidRequest(db, jurist, granted, NOW);
    await expectRefusal(saveAidRequest(db, worker, { ...granted, status: "REFUSED" }, NOW), "CONFLICT");
    expect(await db.aidRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "GRANTED", amountCents: 850_00, decidedOn: calendarDate(2026, 11, 24) });
    const audit = await db.auditLog.findMany({ where: { entity: "AidRequest" }, orderBy: { at: "asc" }, select: { action: true, before: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(["support.aid_request.create", "support.aid_request.update"]);
    expect(audit[1]).toMatchObject({ before: { status: "FILED", amountCents: 900_00 }, after: { status: "GRANTED", amountCents: 850_00, decidedOn: "2026-11-24" } });
  });

  it("validates in French: dates by status, no amount where none applies, no hearing-file request here", () => {
    const parsed = aidRequestSchema.safeParse({ caseId: "x", kind: "DALO", status: "GRANTED", amount: "100", decidedOn: "2026-11-01" });
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      filedOn: "Indiquez la date de dépôt de la demande.",
      amount: "Cette démarche ne porte pas sur un montant : laissez ce champ vide.",
    });
    expect(aidRequestSchema.safeParse({ caseId: "x", kind: "LEGAL_AID", status: "TO_DO" }).error!.issues[0]!.message).toBe("Choisissez le type de démarche.");
    expect(aidRequestSchema.safeParse({ caseId: "x", kind: "FSL", status: "FILED", filedOn: "2026-11-10", decidedOn: "2026-11-09" }).error!.issues.map((i) => i.message)).toContain(
      "Une date de décision n'a de sens que pour une demande accordée ou refusée.",
    );
  });

  it("one transaction: when the audit row cannot be written, the request is not written either", async () => {
    const { c } = await setup();
    const ghost: Actor = { id: "no-such-user", role: "SOCIAL_WORKER", teamIds: [c.teamId] };
    await expect(saveAidRequest(db, ghost, aidRequestSchema.parse({ caseId: c.id, kind: "FSL", status: "TO_DO" }), NOW)).rejects.toThrow();
    expect(await db.aidRequest.count()).toBe(0);
  });
});
