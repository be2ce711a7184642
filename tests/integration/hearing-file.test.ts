import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { renderHearingFilePdf } from "@/lib/server/pdf/hearing-file-pdf";
import { getHearingFile, simulateForHearingFile } from "@/lib/server/queries/get-hearing-file";
import { deleteLedgerLine } from "@/lib/server/services/delete-ledger-line";
import { saveClaimedDebt } from "@/lib/server/services/save-claimed-debt";
import { saveHearingRequest } from "@/lib/server/services/save-hearing-request";
import { saveLedgerLine } from "@/lib/server/services/save-ledger-line";
import { claimedDebtSchema, deleteLedgerLineSchema, hearingRequestSchema, ledgerLineSchema, parseSimulation } from "@/lib/validation/hearing";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-06-10T09:00:00Z"); // 11:00 in Paris, 10 June 2026

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
    openedOn: calendarDate(2026, 3, 2),
    now: NOW,
    debtCents: 3250_00,
    rentCents: 650_00,
    chargesCents: 50_00,
    household: { tenant: { firstName: "Gaëlle", lastName: "Lefèvre" }, children: 1 },
  });
  // The landlord's claim is "arrêtée au 31/05/2026": the ledger below covers January to May (issue 13).
  await db.case.update({ where: { id: c.id }, data: { debtOn: new Date("2026-05-31T00:00:00Z") } });
  return {
    team,
    c,
    jurist: await actor("JURIST"),
    worker: await actor("SOCIAL_WORKER"),
    coordinator: await actor("COORDINATOR"),
    admin: await actor("ADMIN"),
    funder: await actor("FUNDER_VIEWER"),
    stranger: await actor("JURIST", other.id),
  };
}

const line = (caseId: string, month: string, paid: string, extra: Record<string, string> = {}) =>
  ledgerLineSchema.parse({ caseId, month, rentDue: "650", chargesDue: "50", paid, housingBenefit: "82", ...extra });

/** Five months at 700 € due, 82 € of housing benefit a month, one payment of 200 €: 2 890 € owed. */
async function enterLedger(actor: Actor, caseId: string) {
  for (const [month, paid] of [["2026-01", "0"], ["2026-02", "0"], ["2026-03", "200"], ["2026-04", "0"], ["2026-05", "0"]] as const) {
    await saveLedgerLine(db, actor, line(caseId, month, paid), NOW);
  }
}

const norm = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

async function expectRefusal(promise: Promise<unknown>, code: ExpectedError["code"], pattern?: RegExp) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  expect((error as ExpectedError).code).toBe(code);
  if (pattern) expect((error as ExpectedError).message + JSON.stringify((error as ExpectedError).fieldErrors ?? {})).toMatch(pattern);
  return error as ExpectedError;
}

describe("hearing file", () => {
  beforeEach(resetDatabase);

  it("checks the claimed debt against the ledger, housing benefit counted as paid, and audits every month", async () => {
    const { c, jurist } = await setup();
    await enterLedger(jurist, c.id);

    const file = (await getHearingFile(db, jurist, c.id, NOW))!;
    expect(file.ledger.rows.map((r) => r.runningBalanceCents)).toEqual([618_00, 1236_00, 1654_00, 2272_00, 2890_00]);
    expect(file.debtCheck).toEqual({ claimedDebtCents: 3250_00, computedDebtCents: 2890_00, differenceCents: 360_00, status: "CLAIM_TOO_HIGH" });
    // The simulator is proposed the ledger's debt, and repays the one the jurist confirms.
    const confirmed = parseSimulation({ dette: "2 500", ressources: "2 400", personnes: "3", charges: "380", duree: "24" });
    expect(confirmed?.ok && confirmed.value.confirmedDebtCents).toBe(2500_00);
    const plan = simulateForHearingFile(file, confirmed!.ok ? confirmed!.value : (undefined as never))!;
    expect(plan.input.debtCents).toBe(2500_00);
    expect(file.debtToRepay).toEqual({ debtCents: 2890_00, source: "LEDGER" });
    expect(file.currentRentCents).toBe(618_00);
    expect(file.household.displayName).toBe("Gaëlle LEFÈVRE");
    expect(file.canEdit).toBe(true);

    const audit = await db.auditLog.findMany({ where: { caseId: c.id, entity: "RentLedgerLine" }, select: { action: true, userId: true, after: true } });
    expect(audit).toHaveLength(5);
    expect(audit.every((a) => a.action === "hearing.ledger_line.create" && a.userId === jurist.id)).toBe(true);
    expect(audit.map((a) => (a.after as { month: string }).month).sort()).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
  });

  it("refuses a second line for the same month and a month after the current one, with the French message on the month field", async () => {
    const { c, jurist } = await setup();
    await saveLedgerLine(db, jurist, line(c.id, "2026-04", "0"), NOW);
    const dup = await expectRefusal(saveLedgerLine(db, jurist, line(c.id, "04/2026", "618"), NOW), "INVALID_STEP");
    expect(dup.fieldErrors?.month?.[0]).toBe("Avril 2026 figure déjà dans le relevé : modifiez cette ligne plutôt que d'en ajouter une autre.");
    const future = await expectRefusal(saveLedgerLine(db, jurist, line(c.id, "2026-07", "0"), NOW), "INVALID_STEP");
    expect(future.fieldErrors?.month?.[0]).toMatch(/postérieur au mois en cours/);
    expect(await db.rentLedgerLine.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("rejects bad amounts in French before anything reaches the database", () => {
    const parsed = ledgerLineSchema.safeParse({ caseId: "x", month: "2026-13", rentDue: "", paid: "12x", housingBenefit: "-5" });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({
      month: "Le mois est invalide (ex. 03/2026).",
      rentDue: "Le loyer dû est obligatoire.",
      paid: "Le montant payé : montant invalide (ex. 1 234,56).",
      housingBenefit: "L'aide au logement : montant invalide (ex. 1 234,56).",
    });
  });

  it("edits and deletes a month only if it still holds what the user saw", async () => {
    const { c, jurist, worker } = await setup();
    await saveLedgerLine(db, jurist, line(c.id, "2026-04", "0"), NOW);
    const seen = (await getHearingFile(db, jurist, c.id, NOW))!.ledger.rows[0]!.line;

    // A colleague corrects the payment first…
    await saveLedgerLine(db, worker, line(c.id, "2026-04", "300", { lineId: seen.id, token: seen.token }), NOW);
    // …so the jurist's edit and deletion, made on the old values, are refused.
    await expectRefusal(saveLedgerLine(db, jurist, line(c.id, "2026-04", "100", { lineId: seen.id, token: seen.token }), NOW), "CONFLICT", /modifié ou supprimé/);
    await expectRefusal(deleteLedgerLine(db, jurist, deleteLedgerLineSchema.parse({ caseId: c.id, lineId: seen.id, token: seen.token })), "CONFLICT");
    expect((await db.rentLedgerLine.findUniqueOrThrow({ where: { id: seen.id } })).paidCents).toBe(300_00);

    // Moving a line onto a month already on file is refused too.
    await saveLedgerLine(db, jurist, line(c.id, "2026-05", "0"), NOW);
    const fresh = (await getHearingFile(db, jurist, c.id, NOW))!.ledger.rows[0]!.line;
    await expectRefusal(saveLedgerLine(db, jurist, line(c.id, "2026-05", "0", { lineId: fresh.id, token: fresh.token }), NOW), "INVALID_STEP", /Mai 2026 figure déjà/);

    await deleteLedgerLine(db, jurist, deleteLedgerLineSchema.parse({ caseId: c.id, lineId: fresh.id, token: fresh.token }));
    expect(await db.rentLedgerLine.count({ where: { caseId: c.id } })).toBe(1);
    const actions = await db.auditLog.findMany({ where: { caseId: c.id, entity: "RentLedgerLine" }, orderBy: { at: "asc" }, select: { action: true, before: true } });
    expect(actions.map((a) => a.action)).toEqual(["hearing.ledger_line.create", "hearing.ledger_line.update", "hearing.ledger_line.create", "hearing.ledger_line.delete"]);
    expect(actions[3]!.before).toMatchObject({ month: "2026-04", paidCents: 300_00 });
  });

  it("two people adding the same month at once: one line, one clear refusal", async () => {
    const { c, jurist, worker } = await setup();
    const results = await Promise.allSettled([saveLedgerLine(db, jurist, line(c.id, "2026-05", "0"), NOW), saveLedgerLine(db, worker, line(c.id, "2026-05", "618"), NOW)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason).toBeInstanceOf(ExpectedError);
    expect(await db.rentLedgerLine.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("lets the team's social workers, jurists and coordinators write; refuses admins, funders and other teams", async () => {
    const { c, jurist, worker, coordinator, admin, funder, stranger } = await setup();
    await saveLedgerLine(db, worker, line(c.id, "2026-03", "0"), NOW);
    await saveLedgerLine(db, coordinator, line(c.id, "2026-04", "0"), NOW);
    await saveLedgerLine(db, jurist, line(c.id, "2026-05", "0"), NOW);

    for (const outsider of [funder, stranger]) {
      await expectRefusal(saveLedgerLine(db, outsider, line(c.id, "2026-02", "0"), NOW), "NOT_FOUND", /introuvable/);
      await expectRefusal(saveHearingRequest(db, outsider, hearingRequestSchema.parse({ caseId: c.id, kind: "LEGAL_AID", status: "TO_DO" })), "NOT_FOUND");
      await expectRefusal(saveClaimedDebt(db, outsider, claimedDebtSchema.parse({ caseId: c.id, version: String(c.version), claimedDebt: "1" }), NOW), "NOT_FOUND");
      expect(await getHearingFile(db, outsider, c.id, NOW)).toBeNull();
    }
    await expectRefusal(saveLedgerLine(db, admin, line(c.id, "2026-02", "0"), NOW), "FORBIDDEN", /rôle/);
    expect((await getHearingFile(db, admin, c.id, NOW))!.canEdit).toBe(false);
    const line0 = (await getHearingFile(db, jurist, c.id, NOW))!.ledger.rows[0]!.line;
    await expectRefusal(deleteLedgerLine(db, stranger, deleteLedgerLineSchema.parse({ caseId: c.id, lineId: line0.id, token: line0.token })), "NOT_FOUND");
    expect(await db.rentLedgerLine.count({ where: { caseId: c.id } })).toBe(3);
    expect(await db.auditLog.count({ where: { caseId: c.id, entity: { in: ["RentLedgerLine", "AidRequest"] } } })).toBe(3);
  });

  it("records the four requests with their status, one of each kind, with optimistic concurrency", async () => {
    const { c, jurist, worker } = await setup();
    const request = (fields: Record<string, string>) => hearingRequestSchema.parse({ caseId: c.id, ...fields });

    expect(hearingRequestSchema.safeParse({ caseId: c.id, kind: "DELAY_TO_PAY", status: "FILED" }).error?.issues[0]?.message).toBe("Indiquez la date de dépôt de la demande.");
    expect(hearingRequestSchema.safeParse({ caseId: c.id, kind: "APL", status: "TO_DO" }).success).toBe(false);

    const created = await saveHearingRequest(db, jurist, request({ kind: "DELAY_TO_PAY", status: "FILED", filedOn: "2026-06-01", note: "Plan de 24 mois" }));
    expect(created.created).toBe(true);
    await saveHearingRequest(db, jurist, request({ kind: "LEGAL_AID", status: "TO_DO" }));
    // A second "new" request of a kind already on file (someone created it meanwhile) is refused.
    await expectRefusal(saveHearingRequest(db, worker, request({ kind: "DELAY_TO_PAY", status: "TO_DO" })), "CONFLICT");

    let file = (await getHearingFile(db, jurist, c.id, NOW))!;
    const delay = file.requests.DELAY_TO_PAY!;
    expect(delay).toMatchObject({ status: "FILED", note: "Plan de 24 mois" });
    expect(delay.filedOn?.toISOString().slice(0, 10)).toBe("2026-06-01");
    expect(file.requests.DELAY_TO_LEAVE).toBeNull();
    expect(file.requests.JEX_REFERRAL).toBeNull();

    await saveHearingRequest(db, worker, request({ kind: "DELAY_TO_PAY", requestId: delay.id, token: delay.token, status: "GRANTED", filedOn: "2026-06-01", decidedOn: "2026-06-09" }));
    await expectRefusal(saveHearingRequest(db, jurist, request({ kind: "DELAY_TO_PAY", requestId: delay.id, token: delay.token, status: "WITHDRAWN" })), "CONFLICT");
    // An id of another kind is not this request.
    await expectRefusal(saveHearingRequest(db, jurist, request({ kind: "LEGAL_AID", requestId: delay.id, token: delay.token, status: "TO_DO" })), "NOT_FOUND");

    file = (await getHearingFile(db, jurist, c.id, NOW))!;
    expect(file.requests.DELAY_TO_PAY!.status).toBe("GRANTED");
    const audit = await db.auditLog.findMany({ where: { caseId: c.id, entity: "AidRequest" }, orderBy: { at: "asc" }, select: { action: true, before: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(["hearing.request.create", "hearing.request.create", "hearing.request.update"]);
    expect(audit[2]).toMatchObject({ before: { status: "FILED" }, after: { status: "GRANTED", decidedOn: "2026-06-09" } });
  });

  it("records the claimed debt against the case's version", async () => {
    const { c, jurist, worker } = await setup();
    const input = (version: number, amount: string) => claimedDebtSchema.parse({ caseId: c.id, version: String(version), claimedDebt: amount, claimedOn: "2026-05-31" });
    const { version } = await saveClaimedDebt(db, jurist, input(c.version, "3 400,50"), NOW);
    expect(version).toBe(c.version + 1);
    await expectRefusal(saveClaimedDebt(db, worker, input(c.version, "1 000"), NOW), "CONFLICT");
    const after = await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { debtCents: true, debtOn: true, version: true } });
    expect(after).toMatchObject({ debtCents: 3400_50, version: c.version + 1 });
    expect(after.debtOn?.toISOString().slice(0, 10)).toBe("2026-05-31");
    expect(await db.auditLog.count({ where: { caseId: c.id, action: "hearing.claimed_debt.update" } })).toBe(1);
  });

  it("a ledger covering September–November against a debt arrêtée au 22/06: the coverage message, not a difference (issue 13)", async () => {
    const { c, jurist } = await setup();
    await saveClaimedDebt(db, jurist, claimedDebtSchema.parse({ caseId: c.id, version: String(c.version), claimedDebt: "2 000", claimedOn: "2025-06-22" }), NOW);
    for (const month of ["2025-09", "2025-10", "2025-11"]) await saveLedgerLine(db, jurist, line(c.id, month, "0"), NOW);

    const file = (await getHearingFile(db, jurist, c.id, NOW))!;
    expect(file.debtCheck?.status).toBe("NOT_COVERED");
    expect(file.debtCheck?.monthsAfterClaim).toBe(3);
    // The proposal falls back on the claim: the ledger's total is not a debt for the claimed period.
    expect(file.debtToRepay).toEqual({ debtCents: 2000_00, source: "CLAIM" });
    const bytes = await renderHearingFilePdf(file, null, NOW);
    const content = norm((await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text);
    expect(content).toContain("Le relevé ne couvre pas les mois de juin 2025 et des mois précédents : la comparaison n'est pas possible.");
    expect(content).not.toContain("en faveur du");
    expect(content).toContain("Relevé incomplet pour la période réclamée");
  });

  it("prints a PDF a judge can read: the household, the debt check, the ledger, the plan and the requests", async () => {
    const { c, jurist } = await setup();
    await enterLedger(jurist, c.id);
    // The current rent is paid again in May and June (the tenant's 618 € share).
    await saveLedgerLine(db, jurist, line(c.id, "2026-06", "618"), NOW);
    const may = (await getHearingFile(db, jurist, c.id, NOW))!.ledger.rows.find((r) => r.line.month.getUTCMonth() === 4)!.line;
    await saveLedgerLine(db, jurist, line(c.id, "2026-05", "618", { lineId: may.id, token: may.token, note: "Reprise du loyer courant, quittance jointe" }), NOW);
    await saveHearingRequest(db, jurist, hearingRequestSchema.parse({ caseId: c.id, kind: "DELAY_TO_PAY", status: "FILED", filedOn: "2026-06-05" }));

    const file = (await getHearingFile(db, jurist, c.id, NOW))!;
    expect(file.debtCheck).toMatchObject({ computedDebtCents: 2272_00, differenceCents: 978_00 });
    const simulation = parseSimulation({ ressources: "2 400", personnes: "3", charges: "380", duree: "24" });
    expect(simulation?.ok).toBe(true);
    const plan = simulateForHearingFile(file, simulation!.ok ? simulation!.value : (undefined as never))!;
    expect(plan).toMatchObject({ status: "FEASIBLE", monthlyInstalmentCents: 95_00, months: 24 });

    const bytes = await renderHearingFilePdf(file, plan, NOW);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const content = norm(text);
    expect(totalPages).toBeGreaterThanOrEqual(1);
    for (const expected of [
      "Dossier d'audience",
      "Gaëlle LEFÈVRE",
      `dossier n° ${file.number}`,
      "Dette réclamée",
      "3 250,00 €",
      "Dette calculée",
      "2 272,00 €",
      "Écart",
      "978,00 € en faveur du locataire",
      "Juin 2026",
      "Reprise du loyer courant, quittance jointe",
      "Le loyer courant est payé intégralement depuis mai 2026",
      "Mensualité proposée : 95,00 € pendant 24 mois",
      "Délais de paiement",
      "Déposée",
      "Saisine du juge de l'exécution",
      "Non préparée",
    ]) {
      expect(content, expected).toContain(expected);
    }
  });

  it("prints without a ledger, a plan or a claimed debt, and survives characters WinAnsi lacks", async () => {
    const { team, jurist } = await setup();
    const c = await caseAtState(db, {
      teamId: team.id,
      state: "IDENTIFIED",
      openedOn: calendarDate(2026, 5, 2),
      now: NOW,
      household: { tenant: { firstName: "Zoë", lastName: "Nguyễn" }, children: 0 },
    });
    await db.case.update({ where: { id: c.id }, data: { debtCents: null } });
    const file = (await getHearingFile(db, jurist, c.id, NOW))!;
    expect(file.debtCheck).toBeNull();
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderHearingFilePdf(file, null, NOW))), { mergePages: true });
    const content = norm(text);
    expect(content).toContain("Zoë NGUYEN");
    expect(content).toContain("Aucune simulation n'est jointe à ce dossier.");
    expect(content).toContain("Le relevé ne contient aucun mois");
  });
});
