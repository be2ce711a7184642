// Issue 13: the team settings of the procedure. Changing one changes, for that
// team only, the case page's computation, the stored next deadline and the
// hearing-file PDF, and the change is in the audit journal (with who and when).
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { renderHearingFilePdf } from "@/lib/server/pdf/hearing-file-pdf";
import { getCaseProcedure } from "@/lib/server/queries/get-case-procedure";
import { getHearingFile } from "@/lib/server/queries/get-hearing-file";
import { getProcedureSettings } from "@/lib/server/queries/get-procedure-settings";
import { listAuditEntries } from "@/lib/server/queries/list-audit";
import { recordProcedureEvent } from "@/lib/server/services/record-procedure-event";
import { saveProcedureSetting } from "@/lib/server/services/save-procedure-setting";
import { procedureEventSchema } from "@/lib/validation/procedure";
import { procedureSettingSchema } from "@/lib/validation/procedure-settings";
import { toIsoDay } from "@/lib/utils/dates";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-01-20T09:00:00Z");
const norm = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  const actor = async (role: Actor["role"], teamId: string): Promise<Actor> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role, teamIds: [teamId] };
  };
  const jurist = await actor("JURIST", team.id);
  const otherJurist = await actor("JURIST", other.id);
  // A lease signed before 29 July 2023 keeps its contractual delay (loi 89-462 art. 24 I; Cass. avis 13 June 2024).
  const oldLease = async (teamId: string, who: Actor) => {
    const c = await caseAtState(db, { teamId, state: "IDENTIFIED", openedOn: calendarDate(2026, 1, 5), leaseSignedOn: calendarDate(2020, 5, 1), now: NOW });
    await recordProcedureEvent(db, who, procedureEventSchema.parse({ caseId: c.id, version: String(c.version), stage: "COMMANDEMENT_DE_PAYER", date: "2026-01-06" }), NOW);
    return c;
  };
  return { team, other, jurist, otherJurist, worker: await actor("SOCIAL_WORKER", team.id), coordinator: await actor("COORDINATOR", team.id), mine: await oldLease(team.id, jurist), theirs: await oldLease(other.id, otherJurist) };
}

async function nextDeadline(caseId: string) {
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { nextDeadlineOn: true, nextDeadlineKind: true, nextDeadlineExpiresOn: true } });
  return [c.nextDeadlineKind, c.nextDeadlineExpiresOn && toIsoDay(c.nextDeadlineExpiresOn), c.nextDeadlineOn && toIsoDay(c.nextDeadlineOn)];
}

async function pdfText(actor: Actor, caseId: string) {
  const file = (await getHearingFile(db, actor, caseId, NOW))!;
  const bytes = await renderHearingFilePdf(file, null, NOW);
  return norm((await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text);
}

describe("team procedure settings", () => {
  beforeEach(resetDatabase);

  it("changing a setting changes the case page, the stored next deadline and the PDF for that team only, and is audited", async () => {
    const { team, jurist, otherJurist, coordinator, mine, theirs } = await setup();
    // Default: 2 months from 6 January 2026 → expires 6 March, assignation possible from 7 March (CPC 641-642).
    expect(await nextDeadline(mine.id)).toEqual(["ASSIGNATION_POSSIBLE", "2026-03-06", "2026-03-07"]);
    expect(await pdfText(jurist, mine.id)).toContain("Le délai de 2 mois du commandement de payer expire le 6 mars 2026 ; assignation possible à partir du 7 mars 2026");

    const page = (await getProcedureSettings(db, jurist, team.id))!;
    const setting = page.settings.find((s) => s.definition.key === "legacyLeaseCommandementMonths")!;
    expect(setting).toMatchObject({ value: "2", isDefault: true, changedBy: null, article: "Loi n° 89-462 du 6 juillet 1989, art. 24 I" });
    const { recomputedCases } = await saveProcedureSetting(
      db,
      jurist,
      procedureSettingSchema.parse({ teamId: team.id, key: "legacyLeaseCommandementMonths", value: "3", token: setting.token }),
      NOW,
    );
    expect(recomputedCases).toBe(1);

    // The case page.
    const procedure = (await getCaseProcedure(db, jurist, mine.id, NOW))!;
    expect(toIsoDay(procedure.computation.earliestAssignationOn!)).toBe("2026-04-07");
    expect(procedure.computation.nextStep?.label).toBe("Le délai de 3 mois du commandement de payer expire le 6 avril 2026 ; assignation possible à partir du 7 avril 2026");
    // The stored next deadline.
    expect(await nextDeadline(mine.id)).toEqual(["ASSIGNATION_POSSIBLE", "2026-04-06", "2026-04-07"]);
    // The PDF.
    expect(await pdfText(jurist, mine.id)).toContain("Le délai de 3 mois du commandement de payer expire le 6 avril 2026 ; assignation possible à partir du 7 avril 2026");

    // The other team is untouched.
    expect(await nextDeadline(theirs.id)).toEqual(["ASSIGNATION_POSSIBLE", "2026-03-06", "2026-03-07"]);
    expect(toIsoDay((await getCaseProcedure(db, otherJurist, theirs.id, NOW))!.computation.earliestAssignationOn!)).toBe("2026-03-07");
    expect(await pdfText(otherJurist, theirs.id)).toContain("assignation possible à partir du 7 mars 2026");

    // The audit journal: who, when, before and after; the coordinator reads it in the team's journal.
    const entries = await db.auditLog.findMany({ where: { action: "team.procedure_setting" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      userId: jurist.id,
      entity: "Team",
      entityId: team.id,
      before: { key: "legacyLeaseCommandementMonths", value: 2, text: "2 mois", isDefault: true },
      after: { key: "legacyLeaseCommandementMonths", value: 3, text: "3 mois", recomputedCases: 1 },
    });
    const journal = await listAuditEntries(db, coordinator, { view: "modifications", page: 1 });
    expect(journal.rows.map((r) => r.action)).toContain("team.procedure_setting");
    const otherJournal = await listAuditEntries(db, { ...otherJurist, role: "COORDINATOR" }, { view: "modifications", page: 1 });
    expect(otherJournal.rows.map((r) => r.action)).not.toContain("team.procedure_setting");

    const after = (await getProcedureSettings(db, coordinator, team.id))!.settings.find((s) => s.definition.key === "legacyLeaseCommandementMonths")!;
    expect(after).toMatchObject({ value: "3", valueText: "3 mois", isDefault: false, changedBy: expect.any(String) });
    expect(after.changedAt).toBeInstanceOf(Date);
  });

  it("the CCAPEX thresholds of the département: either criterion fires the alert", async () => {
    const { team, jurist } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 1, 5), leaseSignedOn: calendarDate(2024, 1, 1), rentCents: 500_00, debtCents: 900_00, now: NOW });
    await recordProcedureEvent(db, jurist, procedureEventSchema.parse({ caseId: c.id, version: String(c.version), stage: "COMMANDEMENT_DE_PAYER", date: "2026-01-06" }), NOW);
    const codes = async () => (await getCaseProcedure(db, jurist, c.id, NOW))!.computation.alerts.map((a) => a.code);
    // 900 € < 2 × 500 €: not reached by default.
    expect(await codes()).not.toContain("CCAPEX_THRESHOLD_REACHED");
    const token = (await getProcedureSettings(db, jurist, team.id))!.settings.find((s) => s.definition.key === "ccapexRentMultiple")!.token;
    await saveProcedureSetting(db, jurist, procedureSettingSchema.parse({ teamId: team.id, key: "ccapexRentMultiple", value: "1,5", token }), NOW);
    expect(await codes()).toContain("CCAPEX_THRESHOLD_REACHED");
  });

  it("refuses a social worker, another team, a stale form and a value out of range, in French", async () => {
    const { team, jurist, worker, otherJurist } = await setup();
    const input = (value: string, token = "defaut") => procedureSettingSchema.parse({ teamId: team.id, key: "hearingAlertDays", value, token });
    for (const who of [worker, otherJurist]) {
      const error = await saveProcedureSetting(db, who, input("30"), NOW).catch((e: unknown) => e);
      expect((error as ExpectedError).code).toBe("NOT_FOUND");
    }
    expect(await getProcedureSettings(db, worker, team.id)).toBeNull();
    await saveProcedureSetting(db, jurist, input("30"), NOW);
    const stale = await saveProcedureSetting(db, jurist, input("40"), NOW).catch((e: unknown) => e);
    expect((stale as ExpectedError).code).toBe("CONFLICT");
    const parsed = procedureSettingSchema.safeParse({ teamId: team.id, key: "hearingAlertDays", value: "500", token: "defaut" });
    expect(parsed.success ? null : parsed.error.issues.map((i) => i.message)).toEqual(["Indiquez une valeur entre 1 et 120 jours."]);
    expect(await db.auditLog.count({ where: { action: "team.procedure_setting" } })).toBe(1);
  });
});
