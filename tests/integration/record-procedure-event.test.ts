import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { getCaseProcedure } from "@/lib/server/queries/get-case-procedure";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { recordProcedureEvent } from "@/lib/server/services/record-procedure-event";
import { outreachEventSchema } from "@/lib/validation/outreach";
import { procedureEventSchema, type ProcedureEventInput } from "@/lib/validation/procedure";
import { calendarDate, toIsoDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T18:00:00Z"); // 19:00 in Paris

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  const actor = async (role: Actor["role"], teamId: string): Promise<Actor> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role, teamIds: [teamId] };
  };
  return {
    team,
    jurist: await actor("JURIST", team.id),
    worker: await actor("SOCIAL_WORKER", team.id),
    coordinator: await actor("COORDINATOR", team.id),
    admin: await actor("ADMIN", team.id),
    funder: await actor("FUNDER_VIEWER", team.id),
    stranger: await actor("JURIST", other.id),
  };
}

function input(caseId: string, version: number, fields: Record<string, unknown>): ProcedureEventInput {
  return procedureEventSchema.parse({ caseId, version: String(version), ...fields });
}

async function caseRow(caseId: string) {
  const c = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { stage: true, hearingOn: true, version: true, procedureRef: true, courtName: true, _count: { select: { procedureEvents: true } } },
  });
  return { ...c, hearingOn: c.hearingOn ? toIsoDate(c.hearingOn) : null };
}

const iso = (d: Date | undefined) => (d ? toIsoDate(d) : undefined);

describe("recordProcedureEvent", () => {
  beforeEach(resetDatabase);

  it("records every stage of a procedure, and keeps Case.stage (principal stage reached) and Case.hearingOn in step", async () => {
    const { team, jurist } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2025, 6, 1), now: NOW });
    expect(c.stage).toBeNull();
    let version = c.version;

    const steps: [Record<string, unknown>, string, string | null][] = [
      [{ stage: "COMMANDEMENT_DE_PAYER", date: "2025-06-02", procedureNote: "Remis à la gardienne." }, "COMMANDEMENT_DE_PAYER", null],
      [{ stage: "CCAPEX_REFERRAL", date: "2025-06-10" }, "COMMANDEMENT_DE_PAYER", null],
      [{ stage: "ASSIGNATION", date: "2025-09-01", reference: "RG 25/01234", courtName: "Tribunal de proximité d'Évry" }, "ASSIGNATION", null],
      [{ stage: "PREFET_NOTIFICATION", date: "2025-09-02" }, "ASSIGNATION", null],
      [{ stage: "DSF", date: "2025-10-01" }, "ASSIGNATION", null],
      [{ stage: "HEARING", date: "2025-11-04", householdPresent: "yes", juristPresent: "no" }, "HEARING", "2025-11-04"],
      [{ stage: "JUDGMENT", date: "2026-01-05", decision: "LEASE_TERMINATED" }, "JUDGMENT", "2025-11-04"],
      [{ stage: "JUDGMENT_SERVED", date: "2026-01-20" }, "JUDGMENT_SERVED", "2025-11-04"],
      [{ stage: "COMMANDEMENT_QUITTER_LIEUX", date: "2026-03-02" }, "COMMANDEMENT_QUITTER_LIEUX", "2025-11-04"],
      [{ stage: "CQL_REFERRED_TO_PREFET", date: "2026-03-03" }, "COMMANDEMENT_QUITTER_LIEUX", "2025-11-04"],
      [{ stage: "JEX_REFERRAL", date: "2026-03-20" }, "COMMANDEMENT_QUITTER_LIEUX", "2025-11-04"],
      [{ stage: "JEX_DELAY", date: "2026-04-01", delayMonths: "3" }, "COMMANDEMENT_QUITTER_LIEUX", "2025-11-04"],
      [{ stage: "FORCE_PUBLIQUE_REQUEST", date: "2026-08-10" }, "FORCE_PUBLIQUE_REQUEST", "2025-11-04"],
      [{ stage: "FORCE_PUBLIQUE_GRANTED", date: "2026-09-15" }, "FORCE_PUBLIQUE_GRANTED", "2025-11-04"],
      [{ stage: "EVICTION", date: "2026-10-01" }, "EVICTION", "2025-11-04"],
    ];
    for (const [fields, stage, hearingOn] of steps) {
      const r = await recordProcedureEvent(db, jurist, input(c.id, version, fields), NOW);
      expect(r.version).toBe(version + 1);
      version = r.version;
      expect(await caseRow(c.id), JSON.stringify(fields)).toMatchObject({ stage, hearingOn, version });
    }

    const after = await caseRow(c.id);
    expect(after).toMatchObject({ procedureRef: "RG 25/01234", courtName: "Tribunal de proximité d'Évry" });
    expect(after._count.procedureEvents).toBe(steps.length);
    const rows = await db.procedureEvent.findMany({ where: { caseId: c.id }, orderBy: { date: "asc" } });
    expect(rows.find((e) => e.stage === "HEARING")).toMatchObject({ householdPresent: true, juristPresent: false, reference: null, createdById: jurist.id });
    expect(rows.find((e) => e.stage === "JUDGMENT")).toMatchObject({ decision: "LEASE_TERMINATED", householdPresent: null });
    // Issue 13: a JEX decision in months is stored with its end (decision + 3 months, CPCE L412-4).
    expect(rows.find((e) => e.stage === "JEX_DELAY")).toMatchObject({ delayMonths: 3, delayEndsOn: new Date("2026-07-01T00:00:00Z") });
    expect(rows.find((e) => e.stage === "COMMANDEMENT_DE_PAYER")).toMatchObject({ note: "Remis à la gardienne." });

    const audit = await db.auditLog.findMany({ where: { caseId: c.id, entity: "ProcedureEvent" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(steps.map(([f]) => `procedure.${String(f.stage).toLowerCase()}`));
    expect(audit[5]).toMatchObject({
      userId: jurist.id,
      before: { stage: "ASSIGNATION", hearingOn: null, version: c.version + 5 },
      after: { stage: "HEARING", hearingOn: "2025-11-04", version: c.version + 6 },
    });

    // The timeline reads it all back: every stage done, and the eviction on file ends the alerts about it.
    const procedure = (await getCaseProcedure(db, jurist, c.id, NOW))!;
    expect(procedure.computation.stages.every((s) => s.status === "done")).toBe(true);
    expect(procedure.events).toHaveLength(steps.length);
    expect(procedure.computation.alerts.map((a) => a.code)).not.toContain("EXPULSION_POSSIBLE_FROM");
  });

  it("lets a hearing be set ahead without moving the phase, takes the latest hearing, and refuses acts out of order", async () => {
    const { team, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", stage: "ASSIGNATION", hearingOn: calendarDate(2027, 1, 12), openedOn: calendarDate(2026, 10, 1), now: NOW });
    expect(c.stage).toBe("ASSIGNATION");

    // A postponed hearing (renvoi): the new date is in the future; the case stays at the assignation phase.
    const r = await recordProcedureEvent(db, worker, input(c.id, c.version, { stage: "HEARING", date: "2027-03-09", courtName: "Tribunal judiciaire d'Évry" }), NOW);
    expect(await caseRow(c.id)).toMatchObject({ stage: "ASSIGNATION", hearingOn: "2027-03-09", courtName: "Tribunal judiciaire d'Évry", version: r.version });

    const before = await caseRow(c.id);
    const auditBefore = await db.auditLog.count();
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ stage: "PREFET_NOTIFICATION", date: "2026-11-27" }, "date", /futur/],
      [{ stage: "HEARING", date: "2027-03-10", householdPresent: "yes" }, "householdPresent", /audience qui a eu lieu/],
      [{ stage: "JUDGMENT", date: "2026-11-20", decision: "LEASE_TERMINATED" }, "date", /précéder « Audience »/],
      [{ stage: "COMMANDEMENT_QUITTER_LIEUX", date: "2026-11-20" }, "stage", /qu'après « Jugement »/],
      [{ stage: "EVICTION", date: "2026-11-20" }, "stage", /qu'après « Commandement de quitter les lieux »/],
    ];
    for (const [fields, field, message] of refusals) {
      const error = await recordProcedureEvent(db, worker, input(c.id, r.version, fields), NOW).catch((e: unknown) => e);
      expect(error, JSON.stringify(fields)).toBeInstanceOf(ExpectedError);
      expect((error as ExpectedError).fieldErrors?.[field]?.join(" "), JSON.stringify(fields)).toMatch(message);
    }
    expect(await caseRow(c.id)).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditBefore);

    // The form's schema: French messages, and a stage's own fields only.
    const parsed = (fields: Record<string, unknown>) => procedureEventSchema.safeParse({ caseId: c.id, version: "1", ...fields });
    const messages = (fields: Record<string, unknown>) => {
      const result = parsed(fields);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(messages({ stage: "JEX_DELAY", date: "2026-11-20", delayMonths: "13" })).toEqual(["delayMonths: Le juge de l'exécution accorde de 1 à 12 mois (CPCE L412-4)."]);
    // Issue 13: refused in French without a usable end, never silently recorded.
    const noEnd = "Indiquez la fin du délai accordé : une date (« jusqu'au … ») ou un nombre de mois à compter de la décision (1 à 12).";
    expect(messages({ stage: "JEX_DELAY", date: "2026-11-20" })).toEqual([`delayUntil: ${noEnd}`, `delayMonths: ${noEnd}`]);
    expect(messages({ stage: "JEX_DELAY", date: "2026-11-20", delayUntil: "2026-11-20" })).toEqual(["delayUntil: La fin du délai doit être postérieure à la décision du 20/11/2026."]);
    expect(messages({ stage: "JEX_DELAY", date: "2026-11-20", delayUntil: "2027-01-20", delayMonths: "2" })).toEqual([
      "delayUntil: Indiquez soit une date de fin, soit un nombre de mois, pas les deux.",
    ]);
    const until = parsed({ stage: "JEX_DELAY", date: "2026-11-20", delayUntil: "2027-02-15" });
    expect(until.success && until.data).toMatchObject({ delayMonths: undefined, delayEndsOn: new Date("2027-02-15T00:00:00Z") });
    expect(messages({ stage: "JUDGMENT", date: "" })).toEqual(["date: La date est obligatoire.", "decision: Choisissez la décision du juge."]);
    expect(messages({ date: "2026-11-20" })).toEqual(["stage: Choisissez l'acte à enregistrer."]);
    const dropped = parsed({ stage: "PREFET_NOTIFICATION", date: "2026-11-20", reference: "RG 1", decision: "OTHER", householdPresent: "yes", delayMonths: "2" });
    expect(dropped.success && dropped.data).toMatchObject({ reference: undefined, decision: undefined, householdPresent: undefined, delayMonths: undefined });
  });

  it("lets the team's social workers, jurists and coordinators record; refuses another team and funders as not found, and admins; writes nothing", async () => {
    const { team, worker, coordinator, admin, funder, stranger } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 10, 1), now: NOW });
    const fields = { stage: "COMMANDEMENT_DE_PAYER", date: "2026-10-05" };

    for (const outsider of [stranger, funder]) {
      const error = await recordProcedureEvent(db, outsider, input(c.id, c.version, fields), NOW).catch((e: unknown) => e);
      expect((error as ExpectedError).code).toBe("NOT_FOUND");
      expect((error as ExpectedError).message).toMatch(/introuvable/);
      expect(await getCaseProcedure(db, outsider, c.id, NOW)).toBeNull();
    }
    const refused = await recordProcedureEvent(db, admin, input(c.id, c.version, fields), NOW).catch((e: unknown) => e);
    expect((refused as ExpectedError).message).toMatch(/Votre rôle ne permet pas/);
    expect((await getCaseProcedure(db, admin, c.id, NOW))!).toMatchObject({ canRecord: false, recordableStages: [] });
    expect(await caseRow(c.id)).toMatchObject({ stage: null, version: c.version, _count: { procedureEvents: 0 } });
    expect(await db.auditLog.count({ where: { caseId: c.id } })).toBe(0);

    const r = await recordProcedureEvent(db, worker, input(c.id, c.version, fields), NOW);
    await recordProcedureEvent(db, coordinator, input(c.id, r.version, { stage: "ASSIGNATION", date: "2026-11-20" }), NOW);
    expect(await caseRow(c.id)).toMatchObject({ stage: "ASSIGNATION", _count: { procedureEvents: 2 } });
  });

  it("refuses a stale version, and lets only one of two simultaneous recordings through", async () => {
    const { team, jurist, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 10, 1), now: NOW });
    await recordProcedureEvent(db, jurist, input(c.id, c.version, { stage: "COMMANDEMENT_DE_PAYER", date: "2026-10-05" }), NOW);
    const stale = await recordProcedureEvent(db, jurist, input(c.id, c.version, { stage: "ASSIGNATION", date: "2026-11-20" }), NOW).catch((e: unknown) => e);
    expect((stale as ExpectedError).code).toBe("CONFLICT");
    expect((stale as ExpectedError).message).toMatch(/modifié par quelqu'un d'autre/);
    expect(await caseRow(c.id)).toMatchObject({ stage: "COMMANDEMENT_DE_PAYER", version: c.version + 1, _count: { procedureEvents: 1 } });

    const results = await Promise.allSettled([
      recordProcedureEvent(db, jurist, input(c.id, c.version + 1, { stage: "CCAPEX_REFERRAL", date: "2026-10-10" }), NOW),
      recordProcedureEvent(db, worker, input(c.id, c.version + 1, { stage: "ASSIGNATION", date: "2026-11-20" }), NOW),
    ]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0]!.reason as ExpectedError).code).toBe("CONFLICT");
    expect(await caseRow(c.id)).toMatchObject({ version: c.version + 2, _count: { procedureEvents: 2 } });
    expect(await db.auditLog.count({ where: { caseId: c.id } })).toBe(2);
  });

  it("flags a hearing 41 days after the préfet's notification, and the hearing 45 days ahead while the household was never met", async () => {
    const { team, jurist, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 10, 1), now: NOW });
    let version = c.version;
    const record = async (fields: Record<string, unknown>) => {
      version = (await recordProcedureEvent(db, jurist, input(c.id, version, fields), NOW)).version;
    };
    await record({ stage: "ASSIGNATION", date: "2026-10-01" });
    await record({ stage: "HEARING", date: "2026-12-31" });
    await record({ stage: "PREFET_NOTIFICATION", date: "2026-11-20" }); // 41 days before the hearing

    let procedure = (await getCaseProcedure(db, jurist, c.id, NOW))!;
    const late = procedure.computation.alerts.find((a) => a.code === "PREFET_NOTIFICATION_LATE");
    expect(late).toMatchObject({ severity: "danger", ruleId: "prefet-notification-delay" });
    expect(late!.message).toBe("Notification au préfet tardive : 41 jours avant l'audience (minimum 42)");
    expect(iso(procedure.computation.latestNotificationDate)).toBe("2026-11-19");
    expect(procedure.computation.notificationOk).toBe(false);
    expect(procedure.computation.daysToHearing).toBe(35);
    expect(procedure.computation.alerts.find((a) => a.code === "HEARING_SOON_HOUSEHOLD_NOT_MET")?.message).toBe("Audience dans 35 jours et ménage jamais rencontré");
    expect(procedure.computation.stages.find((s) => s.stage === "HEARING")).toMatchObject({ status: "scheduled" });

    // A visit that meets the household ends the 45-day alert.
    const visit = outreachEventSchema.parse({ caseId: c.id, version: String(version), kind: "VISIT", outcome: "MET", day: "2026-11-26", time: "18:30" });
    await recordOutreachEvent(db, worker, visit, NOW);
    procedure = (await getCaseProcedure(db, jurist, c.id, NOW))!;
    expect(procedure.computation.alerts.map((a) => a.code)).not.toContain("HEARING_SOON_HOUSEHOLD_NOT_MET");
    expect(procedure.computation.alerts.map((a) => a.code)).toContain("PREFET_NOTIFICATION_LATE");
  });

  it("shows the earliest expulsion after a CQL served on 15 September 2025 as 1 April 2026 (winter truce)", async () => {
    const now = new Date("2025-11-20T10:00:00Z");
    const { team, jurist } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2025, 3, 1), leaseSignedOn: calendarDate(2019, 5, 1), now });
    let version = c.version;
    for (const fields of [
      { stage: "ASSIGNATION", date: "2025-03-03" },
      { stage: "HEARING", date: "2025-05-12" },
      { stage: "JUDGMENT", date: "2025-06-16", decision: "LEASE_TERMINATED" },
      { stage: "JUDGMENT_SERVED", date: "2025-06-30" },
      { stage: "COMMANDEMENT_QUITTER_LIEUX", date: "2025-09-15" },
      { stage: "CQL_REFERRED_TO_PREFET", date: "2025-09-15" },
    ]) {
      version = (await recordProcedureEvent(db, jurist, input(c.id, version, fields), now)).version;
    }
    expect(await caseRow(c.id)).toMatchObject({ stage: "COMMANDEMENT_QUITTER_LIEUX", hearingOn: "2025-05-12" });

    const { computation } = (await getCaseProcedure(db, jurist, c.id, now))!;
    expect(iso(computation.earliestExpulsionOn)).toBe("2026-04-01");
    expect(computation.stages.find((s) => s.stage === "EVICTION")).toMatchObject({ status: "expected" });
    expect(iso(computation.stages.find((s) => s.stage === "EVICTION")!.earliestDate)).toBe("2026-04-01");
    const expulsion = computation.alerts.find((a) => a.code === "EXPULSION_POSSIBLE_FROM");
    expect(expulsion).toMatchObject({
      message:
        "Le délai de 2 mois après le commandement de quitter les lieux a expiré le 15 novembre 2025 ; expulsion possible à partir du 1er avril 2026 (trêve hivernale)",
      ruleId: "winter-truce",
    });
    expect(computation.alerts.map((a) => a.code)).toContain("WINTER_TRUCE_IN_PROGRESS");
  });
});
