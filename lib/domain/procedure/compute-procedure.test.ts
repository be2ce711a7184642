import { describe, expect, it } from "vitest";
import { parseCalendarDate, toIsoDay } from "@/lib/utils/dates";
import type { ProcedureStage } from "@/lib/domain/labels";
import { computeProcedure, type ProcedureComputation, type ProcedureFacts } from "./compute-procedure";

const d = (text: string) => parseCalendarDate(text)!;
const iso = (date: Date | undefined) => (date ? toIsoDay(date) : undefined);
const stage = (result: ProcedureComputation, code: ProcedureStage) => result.stages.find((s) => s.stage === code)!;
const alert = (result: ProcedureComputation, code: string) => result.alerts.find((a) => a.code === code);
const codes = (result: ProcedureComputation) => result.alerts.map((a) => a.code);

describe("computeProcedure: timeline", () => {
  it("lists every stage in procedural order, all expected when nothing is on file", () => {
    const result = computeProcedure({}, { today: d("2026-03-01") });
    expect(result.stages.map((s) => s.stage)).toEqual([
      "COMMANDEMENT_DE_PAYER",
      "CCAPEX_REFERRAL",
      "ASSIGNATION",
      "PREFET_NOTIFICATION",
      "DSF",
      "HEARING",
      "JUDGMENT",
      "JUDGMENT_SERVED",
      "COMMANDEMENT_QUITTER_LIEUX",
      "CQL_REFERRED_TO_PREFET",
      "JEX_REFERRAL",
      "JEX_DELAY",
      "FORCE_PUBLIQUE_REQUEST",
      "FORCE_PUBLIQUE_GRANTED",
      "EVICTION",
    ]);
    expect(result.stages.every((s) => s.status === "expected")).toBe(true);
    expect(result.nextStep).toBeNull();
    expect(result.alerts).toEqual([]);
  });

  it("marks past dates done, future ones scheduled, and computes the dates that follow", () => {
    const result = computeProcedure(
      {
        leaseSignedOn: d("2024-01-01"),
        commandementOn: d("2026-01-10"),
        assignationOn: d("2026-02-23"),
        prefetNotificationOn: d("2026-02-24"),
        hearingOn: d("2026-05-15"),
        householdMet: true,
      },
      { today: d("2026-03-01") },
    );
    expect(stage(result, "COMMANDEMENT_DE_PAYER")).toMatchObject({ status: "done", date: d("2026-01-10") });
    expect(stage(result, "ASSIGNATION")).toMatchObject({ status: "done", ruleIds: ["commandement-delay", "ccapex-legal-person-delay"] });
    expect(stage(result, "HEARING")).toMatchObject({ status: "scheduled", date: d("2026-05-15") });
    expect(stage(result, "JUDGMENT").status).toBe("expected");
    expect(result.daysToHearing).toBe(75);
    expect(iso(result.latestNotificationDate)).toBe("2026-04-03");
    expect(result.notificationOk).toBe(true);
    expect(result.nextStep).toEqual({
      stage: "HEARING",
      earliestDate: d("2026-05-15"),
      ruleId: "hearing-countdown",
      label: "Audience le 15 mai 2026",
    });
  });

  it("rejects a date that is an instant rather than a calendar day", () => {
    expect(() => computeProcedure({ hearingOn: new Date("2026-03-14T23:00:00Z") }, { today: d("2026-03-01") })).toThrow(/hearingOn/);
    expect(() => computeProcedure({}, { today: new Date("2026-03-01T10:00:00Z") })).toThrow(/today/);
  });
});

describe("computeProcedure: commandement and assignation (loi 89-462 art. 24 I–II)", () => {
  it("gives the next step with both dates after a commandement: the 6 weeks expire, the assignation is possible the next day (lease of 29 July 2023; CPC 641-642)", () => {
    const result = computeProcedure(
      { commandementOn: d("2026-01-10"), leaseSignedOn: d("2023-07-29"), landlordKind: "PRIVATE_PERSON" },
      { today: d("2026-01-20") },
    );
    expect(result.nextStep).toEqual({
      stage: "ASSIGNATION",
      earliestDate: d("2026-02-22"),
      expiresOn: d("2026-02-21"),
      ruleId: "commandement-delay",
      label: "Le délai de 6 semaines du commandement de payer expire le 21 février 2026 ; assignation possible à partir du 22 février 2026",
    });
    expect(stage(result, "ASSIGNATION")).toMatchObject({ status: "expected", earliestDate: d("2026-02-22"), expiresOn: d("2026-02-21") });
  });

  it("gives 2 months for a lease of 28 July 2023, and says 'depuis' once the date has passed", () => {
    const result = computeProcedure(
      { commandementOn: d("2026-01-10"), leaseSignedOn: d("2023-07-28"), landlordKind: "PRIVATE_PERSON" },
      { today: d("2026-03-20") },
    );
    expect(result.nextStep?.label).toBe("Le délai de 2 mois du commandement de payer a expiré le 10 mars 2026 ; assignation possible depuis le 11 mars 2026");
  });

  it("says the lease date is unknown and gives both dates", () => {
    const result = computeProcedure({ commandementOn: d("2026-01-10"), landlordKind: "PRIVATE_PERSON" }, { today: d("2026-01-20") });
    expect(alert(result, "LEASE_DATE_UNKNOWN")).toEqual({
      code: "LEASE_DATE_UNKNOWN",
      severity: "info",
      ruleId: "commandement-delay",
      message:
        "Date du bail inconnue : si le bail a été signé depuis le 29 juillet 2023, le délai de 6 semaines expire le 21 février 2026 ; si le bail est antérieur, le délai contractuel de 2 mois expire le 10 mars 2026 (assignation possible le lendemain)",
    });
    expect(iso(result.nextStep?.earliestDate)).toBe("2026-02-22");
  });

  it("flags an assignation that may be premature when the lease date is unknown", () => {
    const result = computeProcedure(
      { commandementOn: d("2026-01-10"), assignationOn: d("2026-03-01"), landlordKind: "PRIVATE_PERSON" },
      { today: d("2026-03-05") },
    );
    expect(codes(result)).toContain("ASSIGNATION_POSSIBLY_BEFORE_COMMANDEMENT_DELAY");
  });

  it("flags an assignation served before the end of the commandement's delay", () => {
    const result = computeProcedure(
      { commandementOn: d("2026-01-10"), leaseSignedOn: d("2023-07-28"), assignationOn: d("2026-03-09"), landlordKind: "PRIVATE_PERSON" },
      { today: d("2026-03-12") },
    );
    expect(alert(result, "ASSIGNATION_BEFORE_COMMANDEMENT_DELAY")?.message).toBe(
      "Assignation du 9 mars 2026 délivrée avant la fin du délai du commandement (le délai expire le 10 mars 2026 ; assignation possible à partir du 11 mars 2026)",
    );
  });

  it("holds a legal-person landlord to 2 months after its CCAPEX referral, but not a family SCI (art. 24 II)", () => {
    const facts: ProcedureFacts = {
      commandementOn: d("2026-01-10"),
      leaseSignedOn: d("2024-01-01"),
      ccapexReferralOn: d("2026-01-05"),
      assignationOn: d("2026-02-25"),
    };
    const legal = computeProcedure({ ...facts, landlordKind: "LEGAL_PERSON" }, { today: d("2026-03-01") });
    expect(iso(legal.earliestAssignationOn)).toBe("2026-03-06");
    expect(iso(legal.assignationDelayExpiresOn)).toBe("2026-03-05");
    expect(alert(legal, "ASSIGNATION_BEFORE_CCAPEX_DELAY")).toMatchObject({ severity: "warning", ruleId: "ccapex-legal-person-delay" });
    const sci = computeProcedure({ ...facts, landlordKind: "FAMILY_SCI" }, { today: d("2026-03-01") });
    expect(iso(sci.earliestAssignationOn)).toBe("2026-02-22");
    expect(codes(sci)).not.toContain("ASSIGNATION_BEFORE_CCAPEX_DELAY");
    expect(stage(sci, "ASSIGNATION").ruleIds).toEqual(["commandement-delay"]);
  });

  it("binds the next step to the CCAPEX rule when it is the later constraint", () => {
    const result = computeProcedure(
      { commandementOn: d("2026-01-10"), leaseSignedOn: d("2024-01-01"), ccapexReferralOn: d("2026-01-05"), landlordKind: "SOCIAL" },
      { today: d("2026-01-20") },
    );
    expect(result.nextStep).toMatchObject({ stage: "ASSIGNATION", ruleId: "ccapex-legal-person-delay", earliestDate: d("2026-03-06"), expiresOn: d("2026-03-05") });
    expect(result.nextStep?.label).toBe("Le délai de 2 mois après la saisine de la CCAPEX expire le 5 mars 2026 ; assignation possible à partir du 6 mars 2026");
  });

  it("warns when a legal person's CCAPEX referral is missing, and asks to check an agency's principal", () => {
    const legal = computeProcedure({ commandementOn: d("2026-01-10"), landlordKind: "LEGAL_PERSON" }, { today: d("2026-01-20") });
    expect(codes(legal)).toContain("CCAPEX_REFERRAL_MISSING");
    const agency = computeProcedure({ commandementOn: d("2026-01-10"), landlordKind: "AGENCY" }, { today: d("2026-01-20") });
    expect(codes(agency)).toContain("LANDLORD_KIND_TO_CHECK");
  });

  it("shows the CCAPEX referral as not applicable below both thresholds for a private landlord (arrêté of the département)", () => {
    const facts: ProcedureFacts = { commandementOn: d("2026-01-10"), landlordKind: "PRIVATE_PERSON", monthlyRentCents: 80_000 };
    expect(stage(computeProcedure({ ...facts, debtCents: 100_000, unpaidMonths: 1 }, { today: d("2026-01-20") }), "CCAPEX_REFERRAL").status).toBe("not_applicable");
    // The months of unpaid rent unknown (no ledger): the referral may still be due.
    expect(stage(computeProcedure({ ...facts, debtCents: 100_000 }, { today: d("2026-01-20") }), "CCAPEX_REFERRAL").status).toBe("expected");
    const byMonths = computeProcedure({ ...facts, debtCents: 100_000, unpaidMonths: 3 }, { today: d("2026-01-20"), settings: { ccapexUnpaidMonths: 3 } });
    expect(alert(byMonths, "CCAPEX_THRESHOLD_REACHED")?.message).toContain("3 mois de loyer impayés");
    const over = computeProcedure({ ...facts, debtCents: 160_000 }, { today: d("2026-01-20") });
    expect(stage(over, "CCAPEX_REFERRAL").status).toBe("expected");
    expect(alert(over, "CCAPEX_THRESHOLD_REACHED")?.ruleId).toBe("ccapex-threshold");
  });
});

describe("computeProcedure: préfet notification and hearing (art. 24 III; team 45-day practice)", () => {
  it("flags a notification 41 days before the hearing", () => {
    const result = computeProcedure(
      { assignationOn: d("2026-01-20"), prefetNotificationOn: d("2026-01-31"), hearingOn: d("2026-03-13"), householdMet: true },
      { today: d("2026-02-10") },
    );
    expect(result.notificationOk).toBe(false);
    expect(alert(result, "PREFET_NOTIFICATION_LATE")).toEqual({
      code: "PREFET_NOTIFICATION_LATE",
      severity: "danger",
      ruleId: "prefet-notification-delay",
      message: "Notification au préfet tardive : 41 jours avant l'audience (minimum 42)",
    });
  });

  it("accepts a notification exactly 42 days before the hearing", () => {
    const result = computeProcedure(
      { assignationOn: d("2026-01-20"), prefetNotificationOn: d("2026-01-30"), hearingOn: d("2026-03-13"), householdMet: true },
      { today: d("2026-02-10") },
    );
    expect(result.notificationOk).toBe(true);
    expect(codes(result)).not.toContain("PREFET_NOTIFICATION_LATE");
  });

  it("reminds the latest notification date, then warns once it has passed with nothing on file", () => {
    const facts: ProcedureFacts = { assignationOn: d("2026-01-20"), hearingOn: d("2026-03-13"), householdMet: true };
    const before = computeProcedure(facts, { today: d("2026-01-25") });
    expect(alert(before, "PREFET_NOTIFICATION_DUE")?.message).toBe("Notification de l'assignation au préfet au plus tard le 30 janvier 2026");
    expect(stage(before, "PREFET_NOTIFICATION")).toMatchObject({ status: "expected", latestDate: d("2026-01-30") });
    expect(codes(computeProcedure(facts, { today: d("2026-02-02") }))).toContain("PREFET_NOTIFICATION_OVERDUE");
  });

  it("alerts 'Audience dans 12 jours et ménage jamais rencontré'", () => {
    const result = computeProcedure({ hearingOn: d("2026-03-13"), householdMet: false }, { today: d("2026-03-01") });
    expect(result.daysToHearing).toBe(12);
    expect(alert(result, "HEARING_SOON_HOUSEHOLD_NOT_MET")).toEqual({
      code: "HEARING_SOON_HOUSEHOLD_NOT_MET",
      severity: "danger",
      ruleId: "hearing-countdown",
      message: "Audience dans 12 jours et ménage jamais rencontré",
    });
  });

  it("starts the alert at 45 days, not 46, and not once the household has been met", () => {
    const hearingOn = d("2026-05-15");
    expect(alert(computeProcedure({ hearingOn, householdMet: false }, { today: d("2026-03-31") }), "HEARING_SOON_HOUSEHOLD_NOT_MET")?.severity).toBe("warning");
    expect(codes(computeProcedure({ hearingOn, householdMet: false }, { today: d("2026-03-30") }))).not.toContain("HEARING_SOON_HOUSEHOLD_NOT_MET");
    expect(codes(computeProcedure({ hearingOn, householdMet: true }, { today: d("2026-05-01") }))).not.toContain("HEARING_SOON_HOUSEHOLD_NOT_MET");
    expect(alert(computeProcedure({ hearingOn }, { today: d("2026-05-14") }), "HEARING_SOON_HOUSEHOLD_NOT_MET")?.message).toBe(
      "Audience dans 1 jour et rencontre du ménage non renseignée",
    );
  });
});

describe("computeProcedure: DSF (décret 2021-8, working days)", () => {
  it("dates the interview offer 15 working days after the referral, across Easter Monday 2026", () => {
    const result = computeProcedure({ dsfReferralOn: d("2026-04-02"), hearingOn: d("2026-06-12"), householdMet: true }, { today: d("2026-04-03") });
    expect(iso(result.dsfInterviewDeadlineOn)).toBe("2026-04-24");
    expect(alert(result, "DSF_INTERVIEW_OFFER_DUE")?.message).toBe("Proposer l'entretien du diagnostic social et financier au plus tard le 24 avril 2026 (15 jours ouvrés après la saisine)");
    expect(stage(result, "DSF")).toMatchObject({ status: "expected", latestDate: d("2026-04-24") });
  });

  it("uses the configured 5-working-day variant (verify)", () => {
    const result = computeProcedure({ dsfReferralOn: d("2026-04-02") }, { today: d("2026-04-03"), settings: { dsfInterviewWorkingDays: 5 } });
    expect(iso(result.dsfInterviewDeadlineOn)).toBe("2026-04-10");
  });

  it("warns when the offer deadline has passed, and marks the DSF not applicable once the hearing is held", () => {
    expect(codes(computeProcedure({ dsfReferralOn: d("2026-04-02") }, { today: d("2026-04-27") }))).toContain("DSF_INTERVIEW_OFFER_OVERDUE");
    const after = computeProcedure({ dsfReferralOn: d("2026-04-02"), hearingOn: d("2026-05-12") }, { today: d("2026-05-13") });
    expect(stage(after, "DSF").status).toBe("not_applicable");
  });
});

describe("computeProcedure: judgment and appeal (CPC art. 538, 642; art. 514 verify)", () => {
  it("gives the appeal deadline and lets the CQL follow the signification", () => {
    const result = computeProcedure(
      { hearingOn: d("2026-01-06"), judgmentOn: d("2026-01-20"), judgmentServedOn: d("2026-01-31") },
      { today: d("2026-02-05") },
    );
    expect(iso(result.appealDeadlineOn)).toBe("2026-03-02");
    expect(alert(result, "APPEAL_DELAY_RUNNING")?.message).toBe(
      "Le délai d'appel expire le 2 mars 2026 (exécution provisoire : l'appel ne suspend pas l'expulsion, à vérifier)",
    );
    expect(result.nextStep).toMatchObject({ stage: "COMMANDEMENT_QUITTER_LIEUX", earliestDate: d("2026-01-31"), ruleId: "appeal-delay" });
    expect(alert(result, "WINTER_TRUCE_IN_PROGRESS")?.message).toBe("Trêve hivernale en cours jusqu'au 31 mars");
  });

  it("makes the CQL wait for the appeal delay without provisional enforcement", () => {
    const result = computeProcedure(
      { judgmentOn: d("2026-01-20"), judgmentServedOn: d("2026-01-31") },
      { today: d("2026-02-05"), settings: { provisionalEnforcement: false } },
    );
    expect(result.nextStep?.label).toBe("Le délai d'appel expire le 2 mars 2026 ; commandement de quitter les lieux possible à partir du 3 mars 2026");
  });
});

describe("computeProcedure: expulsion (CPCE L412-1 to L412-6)", () => {
  const cqlCase: ProcedureFacts = {
    judgmentOn: d("2025-06-20"),
    judgmentServedOn: d("2025-07-15"),
    cqlOn: d("2025-09-15"),
    cqlReferredToPrefetOn: d("2025-09-15"),
  };

  it("CQL served on 2025-09-15: expulsion possible from 1 April 2026, winter truce in progress", () => {
    const result = computeProcedure(cqlCase, { today: d("2025-12-01") });
    expect(iso(result.earliestExpulsionOn)).toBe("2026-04-01");
    expect(alert(result, "EXPULSION_POSSIBLE_FROM")).toEqual({
      code: "EXPULSION_POSSIBLE_FROM",
      severity: "info",
      ruleId: "winter-truce",
      message:
        "Le délai de 2 mois après le commandement de quitter les lieux a expiré le 15 novembre 2025 ; expulsion possible à partir du 1er avril 2026 (trêve hivernale)",
    });
    expect(alert(result, "WINTER_TRUCE_IN_PROGRESS")?.message).toBe("Trêve hivernale en cours jusqu'au 31 mars");
    expect(stage(result, "EVICTION")).toMatchObject({ status: "expected", earliestDate: d("2026-04-01") });
    expect(result.nextStep).toEqual({
      stage: "FORCE_PUBLIQUE_REQUEST",
      earliestDate: d("2025-11-16"),
      expiresOn: d("2025-11-15"),
      ruleId: "cql-delay",
      label:
        "Le délai de 2 mois après le commandement de quitter les lieux a expiré le 15 novembre 2025 ; demande de concours de la force publique possible depuis le 16 novembre 2025",
    });
  });

  it("CQL in May: 2 months end in July, no truce effect", () => {
    const result = computeProcedure({ cqlOn: d("2026-05-12"), cqlReferredToPrefetOn: d("2026-05-13") }, { today: d("2026-05-20") });
    expect(iso(result.expulsionDelayExpiresOn)).toBe("2026-07-13");
    expect(iso(result.earliestExpulsionOn)).toBe("2026-07-14");
    expect(alert(result, "EXPULSION_POSSIBLE_FROM")?.ruleId).toBe("cql-delay");
    expect(codes(result)).not.toContain("WINTER_TRUCE_IN_PROGRESS");
  });

  it("counts from a referral to the préfet later than the CQL, and warns when none is on file (L412-5, verify)", () => {
    const later = computeProcedure({ cqlOn: d("2025-07-01"), cqlReferredToPrefetOn: d("2025-07-20") }, { today: d("2025-07-25") });
    expect(iso(later.earliestExpulsionOn)).toBe("2025-09-21");
    const missing = computeProcedure({ cqlOn: d("2025-07-01") }, { today: d("2025-07-25") });
    expect(iso(missing.earliestExpulsionOn)).toBe("2025-09-02");
    expect(alert(missing, "CQL_NOT_REFERRED")).toMatchObject({ severity: "warning", ruleId: "cql-delay" });
    expect(stage(missing, "CQL_REFERRED_TO_PREFET")).toMatchObject({ status: "expected", earliestDate: d("2025-07-01") });
  });

  it("a JEX delay running from its decision into the truce pushes the expulsion to 1 April (L412-3, L412-4, L412-6)", () => {
    const result = computeProcedure(
      { cqlOn: d("2025-06-10"), cqlReferredToPrefetOn: d("2025-06-10"), jexDecisions: [{ decidedOn: d("2025-07-01"), endsOn: d("2025-11-01") }] },
      { today: d("2025-07-02") },
    );
    expect(iso(result.earliestExpulsionOn)).toBe("2026-04-01");
    expect(iso(result.jexDelayEndsOn)).toBe("2025-11-01");
    expect(stage(result, "JEX_DELAY")).toMatchObject({ status: "done", date: d("2025-07-01"), ruleIds: ["jex-delay"] });
    expect(stage(result, "EVICTION").ruleIds).toEqual(["cql-delay", "jex-delay", "winter-truce"]);
  });

  it("warns, never ignores silently, a JEX decision on file without the end of its delay", () => {
    const result = computeProcedure(
      { cqlOn: d("2025-06-10"), cqlReferredToPrefetOn: d("2025-06-10"), jexDecisionsWithoutEnd: 1 },
      { today: d("2025-07-02") },
    );
    expect(alert(result, "JEX_DECISION_WITHOUT_END")?.severity).toBe("danger");
  });

  it("flags an expulsion on file during the truce", () => {
    const result = computeProcedure({ ...cqlCase, evictionOn: d("2026-02-10") }, { today: d("2026-02-11") });
    expect(alert(result, "EVICTION_DURING_TRUCE")?.severity).toBe("danger");
    expect(stage(result, "EVICTION").status).toBe("done");
    expect(stage(result, "JEX_DELAY").status).toBe("not_applicable");
    expect(result.nextStep).toBeNull();
  });

  it("shows a scheduled expulsion as the next step", () => {
    const result = computeProcedure({ ...cqlCase, forcePubliqueRequestOn: d("2025-11-20"), forcePubliqueGrantedOn: d("2026-01-10"), evictionOn: d("2026-04-14") }, { today: d("2026-03-01") });
    expect(result.nextStep?.label).toBe("Expulsion le 14 avril 2026");
  });
});

describe("computeProcedure: concours de la force publique (CPCE R153-1, L153-1)", () => {
  const facts: ProcedureFacts = { cqlOn: d("2025-09-15"), cqlReferredToPrefetOn: d("2025-09-15"), forcePubliqueRequestOn: d("2025-12-31") };

  it("dates the préfet's silence 2 months after the request, and says it is pending", () => {
    const result = computeProcedure(facts, { today: d("2026-01-10") });
    expect(iso(result.prefetSilenceOn)).toBe("2026-02-28");
    expect(alert(result, "CFP_SILENCE_PENDING")?.message).toBe("Sans réponse du préfet au 28 février 2026, la demande de concours vaudra refus");
    expect(result.nextStep).toMatchObject({ stage: "FORCE_PUBLIQUE_GRANTED", earliestDate: d("2025-12-31"), ruleId: "cfp-earliest-grant" });
  });

  it("turns the silence into an implicit refusal engaging the State's liability", () => {
    const result = computeProcedure(facts, { today: d("2026-02-28") });
    expect(alert(result, "CFP_IMPLICIT_REFUSAL")).toEqual({
      code: "CFP_IMPLICIT_REFUSAL",
      severity: "warning",
      ruleId: "cfp-prefet-silence",
      message:
        "Refus implicite du concours de la force publique depuis le 28 février 2026 (2 mois de silence du préfet) : la responsabilité de l'État est engagée",
    });
  });

  it("flags a concours granted before the CQL's 2 months end", () => {
    const result = computeProcedure(
      { cqlOn: d("2025-09-15"), cqlReferredToPrefetOn: d("2025-09-15"), forcePubliqueRequestOn: d("2025-10-01"), forcePubliqueGrantedOn: d("2025-11-01") },
      { today: d("2025-11-05") },
    );
    expect(alert(result, "CFP_GRANTED_BEFORE_DELAY")?.ruleId).toBe("cfp-earliest-grant");
    expect(codes(result)).not.toContain("CFP_SILENCE_PENDING");
  });
});
