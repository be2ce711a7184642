import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, describe, expect, it } from "vitest";
import { householdAddressLine } from "@/lib/domain/letters/compose";
import { letterDue } from "@/lib/domain/letters/due";
import { LETTER_KINDS } from "@/lib/domain/letters/kinds";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { renderLettersPdf } from "@/lib/server/pdf/letters-pdf";
import { getBatchLetters, getLetterBatch, type LetterSelection } from "@/lib/server/queries/letters/batches";
import { dueFacts, getCaseLetter, getCaseLetters, LETTER_CASE_SELECT } from "@/lib/server/queries/letters/case-letters";
import { getLetterSettings } from "@/lib/server/queries/letters/letterhead";
import { getLettersOverview } from "@/lib/server/queries/letters/overview";
import { confirmLettersSent } from "@/lib/server/services/confirm-letters-sent";
import { resetLetterTemplate, saveLetterTemplate } from "@/lib/server/services/save-letter-template";
import { saveLetterhead } from "@/lib/server/services/save-letterhead";
import { sendSms } from "@/lib/server/services/send-sms";
import { manualSmsProvider, type SmsProvider } from "@/lib/server/sms/sms-provider";
import { parisToday } from "@/lib/utils/dates";
import { confirmLettersSchema, letterheadSchema, letterTemplateSchema } from "@/lib/validation/letters";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-06-10T09:00:00Z"); // 11:00 in Paris, 10 June 2026
const TODAY = parisToday(NOW);

const norm = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return norm(text);
}

async function expectRefusal(promise: Promise<unknown>, code: ExpectedError["code"], pattern?: RegExp) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  expect((error as ExpectedError).code).toBe(code);
  if (pattern) expect((error as ExpectedError).message + JSON.stringify((error as ExpectedError).fieldErrors ?? {})).toMatch(pattern);
  return error as ExpectedError;
}

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  await db.team.update({
    where: { id: team.id },
    data: { letterheadName: "Équipe mobile de prévention des expulsions", letterheadAddress: "1 place de l'Hôtel de ville\n91000 Évry-Courcouronnes", letterheadPhone: "01 60 00 00 00", letterheadEmail: "prevention@exemple.fr", letterSignature: "Hélène Rousseau\nCoordinatrice" },
  });
  const actor = async (role: Actor["role"], teamId = team.id): Promise<Actor> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role, teamIds: [teamId] };
  };
  return {
    team,
    other,
    coordinator: await actor("COORDINATOR"),
    worker: await actor("SOCIAL_WORKER"),
    jurist: await actor("JURIST"),
    admin: await actor("ADMIN"),
    funder: await actor("FUNDER_VIEWER"),
    stranger: await actor("COORDINATOR", other.id),
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** An imported list of households, today, like helper 7a's import writes it. */
async function importedList(s: Setup, names: Array<[string, string]>, importedAt = NOW) {
  const batch = await db.importBatch.create({
    data: { teamId: s.team.id, fileName: "liste-prefecture-juin.csv", fileSha256: "0".repeat(64), importedAt, totalRows: names.length, createdCount: names.length, updatedCount: 0, skippedCount: 0, rejectedCount: 0 },
  });
  const cases = [];
  for (const [firstName, lastName] of names) {
    const c = await caseAtState(db, { teamId: s.team.id, state: "IDENTIFIED", stage: "ASSIGNATION", openedOn: TODAY, now: new Date(NOW.getTime() + 86_400_000), source: "PREFECTURE_LIST", household: { tenant: { firstName, lastName }, coTenant: false } });
    await db.case.update({ where: { id: c.id }, data: { importBatchId: batch.id } });
    cases.push(c);
  }
  return { batch, cases };
}

const addressOf = (c: Awaited<ReturnType<typeof caseAtState>>) =>
  householdAddressLine({ line: c.household.addressLine, extra: c.household.addressExtra, postcode: c.household.postcode, city: c.household.city });

describe("letter templates and letterhead", () => {
  beforeEach(resetDatabase);

  it("refuses an unknown merge field with a French message on the field, then saves, audits and guards the version", async () => {
    const s = await setup();
    const bad = letterTemplateSchema.safeParse({ teamId: s.team.id, kind: "TENANT_FIRST_LETTER", version: "0", subject: "Bonjour {{nom}}", body: "Madame,\n\nVotre conseiller : {{conseiller}}" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({
      subject: "« {{nom}} » n'est pas un champ connu. Vouliez-vous dire « {{nom_locataire}} » ?",
      body: "Ligne 3 : « {{conseiller}} » n'est pas un champ connu.",
    });
    // The service checks again, whatever the form sent.
    const refused = await expectRefusal(saveLetterTemplate(db, s.coordinator, { teamId: s.team.id, kind: "TENANT_FIRST_LETTER", version: 0, subject: "Objet", body: "{{conseiller}}" }, NOW), "INVALID_STEP");
    expect(refused.fieldErrors?.body).toEqual(["Ligne 1 : « {{conseiller}} » n'est pas un champ connu."]);
    expect(await db.letterTemplate.count()).toBe(0);

    const input = letterTemplateSchema.parse({ teamId: s.team.id, kind: "TENANT_FIRST_LETTER", version: "0", subject: "Votre logement", body: "Madame, Monsieur,\r\n\r\nVotre interlocuteur : {{referent}}" });
    expect(await saveLetterTemplate(db, s.coordinator, input, NOW)).toEqual({ version: 1 });
    // A colleague still on the default text (version 0) cannot overwrite it.
    await expectRefusal(saveLetterTemplate(db, s.admin, input, NOW), "CONFLICT", /modifié par quelqu'un d'autre/);
    expect(await saveLetterTemplate(db, s.admin, { ...input, version: 1, subject: "Votre logement (2)" }, NOW)).toEqual({ version: 2 });

    const settings = (await getLetterSettings(db, s.coordinator, s.team.id))!;
    const first = settings.templates.find((t) => t.kind === "TENANT_FIRST_LETTER")!;
    expect(first).toMatchObject({ subject: "Votre logement (2)", body: "Madame, Monsieur,\n\nVotre interlocuteur : {{referent}}", version: 2, isDefault: false });
    expect(settings.templates.find((t) => t.kind === "REMINDER")).toMatchObject({ version: 0, isDefault: true });

    const audit = await db.auditLog.findMany({ where: { entity: "LetterTemplate" }, orderBy: { at: "asc" }, select: { action: true, userId: true, before: true, after: true } });
    expect(audit.map((a) => [a.action, a.userId])).toEqual([["letter_template.save", s.coordinator.id], ["letter_template.save", s.admin.id]]);
    expect(audit[1]!.before).toMatchObject({ subject: "Votre logement", version: 1 });
    expect(audit[1]!.after).toMatchObject({ subject: "Votre logement (2)", version: 2 });

    // Back to the default, with the version seen.
    await expectRefusal(resetLetterTemplate(db, s.coordinator, { teamId: s.team.id, kind: "TENANT_FIRST_LETTER", version: 1 }), "CONFLICT");
    await resetLetterTemplate(db, s.coordinator, { teamId: s.team.id, kind: "TENANT_FIRST_LETTER", version: 2 });
    expect(await db.letterTemplate.count()).toBe(0);
    expect((await db.auditLog.findFirst({ where: { action: "letter_template.reset" }, select: { before: true } }))!.before).toMatchObject({ subject: "Votre logement (2)" });
  });

  it("lets only the team's coordinators and admins edit, and answers 'not found' to the others", async () => {
    const s = await setup();
    const input = { teamId: s.team.id, kind: "REMINDER" as const, version: 0, subject: "Relance", body: "Bonjour" };
    for (const who of [s.worker, s.jurist, s.funder, s.stranger]) {
      await expectRefusal(saveLetterTemplate(db, who, input, NOW), "NOT_FOUND");
      await expectRefusal(resetLetterTemplate(db, who, { teamId: s.team.id, kind: "REMINDER", version: 0 }), "NOT_FOUND");
      expect(await getLetterSettings(db, who, s.team.id)).toBeNull();
    }
    expect(await db.letterTemplate.count()).toBe(0);
  });

  it("saves the letterhead with the fingerprint of what the form showed, and audits it", async () => {
    const s = await setup();
    const seen = (await getLetterSettings(db, s.coordinator, s.team.id))!.letterhead;
    const input = letterheadSchema.parse({ teamId: s.team.id, token: seen.token, name: "EMPE 91", address: " 2 rue Neuve \n\n 91000 Évry ", phone: "01 60 78 12 34", email: "Contact@EMPE91.fr", signature: "L'équipe" });
    expect(input.address).toBe("2 rue Neuve\n91000 Évry");
    const { token } = await saveLetterhead(db, s.coordinator, input);
    expect(token).not.toBe(seen.token);
    const team = await db.team.findUniqueOrThrow({ where: { id: s.team.id } });
    expect(team).toMatchObject({ letterheadName: "EMPE 91", letterheadPhone: "01 60 78 12 34", letterheadEmail: "contact@empe91.fr", letterSignature: "L'équipe" });
    await expectRefusal(saveLetterhead(db, s.admin, { ...input, name: "Autre" }), "CONFLICT", /En-tête|en-tête/);
    await expectRefusal(saveLetterhead(db, s.stranger, { ...input, token }), "NOT_FOUND");
    const audit = await db.auditLog.findMany({ where: { action: "team.letterhead" }, select: { before: true, after: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ letterheadName: "Équipe mobile de prévention des expulsions" });
    expect(audit[0]!.after).toMatchObject({ letterheadName: "EMPE 91" });
    expect(letterheadSchema.safeParse({ teamId: s.team.id, token, phone: "12" }).error!.issues[0]!.message).toBe("Numéro de téléphone invalide (ex. 01 60 78 12 34).");
  });
});

describe("letters as PDF", () => {
  beforeEach(resetDatabase);

  it("prints the first letters of an imported list, one letter a page, with each household's name and address", async () => {
    const s = await setup();
    const { batch, cases } = await importedList(s, [["Gaëlle", "Lefèvre"], ["Inès", "Benali"], ["Thị Lan", "Nguyễn"]]);
    // Already written to: not in the batch any more.
    const written = await caseAtState(db, { teamId: s.team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 5, 2), now: NOW, household: { tenant: { firstName: "Paul", lastName: "Déjà" } } });
    await db.case.update({ where: { id: written.id }, data: { importBatchId: batch.id } });
    // Another list, another day: not in today's batch.
    await importedList(s, [["Jean", "Hier"]], new Date("2026-06-09T21:30:00Z"));

    const selection: LetterSelection = { by: "import", importBatchId: batch.id };
    const result = (await getBatchLetters(db, s.worker, s.team.id, "TENANT_FIRST_LETTER", selection, NOW))!;
    expect(result.letters.map((l) => l.caseId).sort()).toEqual(cases.map((c) => c.id).sort());
    expect(result.batch.importBatch).toMatchObject({ fileName: "liste-prefecture-juin.csv" });

    // CPU time, not wall time: the budget holds on a loaded machine, where
    // other processes take the cores (docs/decisions/046-a-faster-test-run.md).
    const started = process.cpuUsage();
    const bytes = await renderLettersPdf(result.letters, { title: "Premiers courriers", author: "Équipe", now: NOW });
    const text = await pdfText(bytes);
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    expect(doc.numPages).toBeGreaterThanOrEqual(3);
    for (const [name, c] of [["Gaëlle LEFÈVRE", cases[0]!], ["Inès BENALI", cases[1]!], ["Thi Lan NGUYEN", cases[2]!]] as const) {
      expect(text, name).toContain(name);
      expect(text).toContain(norm(c.household.addressLine));
      expect(text).toContain(`${c.household.postcode} ${c.household.city}`);
      expect(text).toContain(norm(`votre logement situé ${addressOf(c)}`));
    }
    expect(text).not.toContain("DÉJÀ");
    expect(text).not.toContain("HIER");
    expect(text).toContain("Équipe mobile de prévention des expulsions");
    expect(text).toContain("Tél. : 01 60 00 00 00");
    expect(text).toContain("Hélène Rousseau Coordinatrice");
    expect(text).toContain("indépendants de votre bailleur et du tribunal");
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(5_000);

    // Today's lists: the same three (yesterday's list, imported at 23:30 Paris time, is not today's).
    const today = (await getLetterBatch(db, s.worker, s.team.id, "TENANT_FIRST_LETTER", { by: "today" }, NOW))!;
    expect(today.cases.map((c) => c.caseId).sort()).toEqual(cases.map((c) => c.id).sort());
    // Every due first letter of the team: the four imported households.
    const due = (await getLetterBatch(db, s.worker, s.team.id, "TENANT_FIRST_LETTER", { by: "due" }, NOW))!;
    expect(due.cases).toHaveLength(4);
    expect(due.cases.map((c) => c.displayName)).toEqual(["Inès BENALI", "Jean HIER", "Gaëlle LEFÈVRE", "Thị Lan NGUYỄN"]);
  });

  it("answers 'not found' for another team's list, a funder, and a kind an import does not offer", async () => {
    const s = await setup();
    const { batch } = await importedList(s, [["Gaëlle", "Lefèvre"]]);
    const selection: LetterSelection = { by: "import", importBatchId: batch.id };
    expect(await getBatchLetters(db, s.stranger, s.team.id, "TENANT_FIRST_LETTER", selection, NOW)).toBeNull();
    expect(await getBatchLetters(db, s.stranger, s.other.id, "TENANT_FIRST_LETTER", selection, NOW)).toBeNull();
    expect(await getBatchLetters(db, s.funder, s.team.id, "TENANT_FIRST_LETTER", selection, NOW)).toBeNull();
    expect(await getBatchLetters(db, s.worker, s.team.id, "REMINDER", selection, NOW)).toBeNull();
    expect(await getLettersOverview(db, s.funder, s.team.id, NOW)).toBeNull();
    const overview = (await getLettersOverview(db, s.worker, s.team.id, NOW))!;
    expect(overview.todayImports).toEqual({ lists: 1, firstLettersDue: 1, landlordLettersDue: 1 });
    expect(overview.imports).toMatchObject([{ id: batch.id, caseCount: 1, firstLettersDue: 1 }]);
  });

  it("writes one letter of a case, the landlord's to the landlord, and never fails on characters outside WinAnsi", async () => {
    const s = await setup();
    const c = await caseAtState(db, { teamId: s.team.id, state: "IDENTIFIED", stage: "ASSIGNATION", openedOn: calendarDate(2026, 6, 1), now: NOW, debtCents: 1234_56, household: { tenant: { firstName: "Zoë 🙂", lastName: "Łukasz" } } });
    const landlord = await db.landlord.findFirstOrThrow({ where: { leases: { some: { householdId: c.householdId } } } });
    const letter = (await getCaseLetter(db, s.jurist, c.id, "LANDLORD_LETTER", NOW))!;
    expect(letter.recipient[0]).toBe(landlord.name);
    const text = await pdfText(await renderLettersPdf([letter], { title: "Courrier au bailleur", author: "Équipe", now: NOW }));
    expect(text).toContain(landlord.name);
    expect(text).toContain("Zoë ? ?UKASZ");
    expect(text).toContain("Nous vous proposons de prendre contact avec nous");
    expect(await getCaseLetter(db, s.stranger, c.id, "LANDLORD_LETTER", NOW)).toBeNull();
    expect(await getCaseLetter(db, s.funder, c.id, "TENANT_FIRST_LETTER", NOW)).toBeNull();
    const page = (await getCaseLetters(db, s.admin, c.id, NOW))!;
    expect(page.canRecord).toBe(false);
    expect(page.options.find((o) => o.kind === "TENANT_FIRST_LETTER")).toEqual({ kind: "TENANT_FIRST_LETTER", due: true, unavailable: null });
  });

  it("selects in the database exactly the cases the domain says a letter is due for", async () => {
    const s = await setup();
    const states = ["IDENTIFIED", "FIRST_LETTER_SENT", "VISIT_1_FAILED", "VISIT_2_FAILED", "REMINDER_SENT", "SUPPORTED"] as const;
    for (const state of states) await caseAtState(db, { teamId: s.team.id, state, openedOn: calendarDate(2026, 3, 2), now: NOW });
    await caseAtState(db, { teamId: s.team.id, state: "VISIT_2_FAILED", openedOn: calendarDate(2026, 5, 28), now: NOW });
    await caseAtState(db, { teamId: s.team.id, state: "CLOSED", closureReason: "NO_CONTACT", openedOn: calendarDate(2026, 1, 5), now: NOW });
    const rows = await db.case.findMany({ where: { teamId: s.team.id }, select: LETTER_CASE_SELECT });
    for (const kind of LETTER_KINDS) {
      const expected = rows.filter((r) => letterDue(kind, dueFacts(r), TODAY)).map((r) => r.id).sort();
      const batch = (await getLetterBatch(db, s.worker, s.team.id, kind, { by: "due" }, NOW))!;
      expect(batch.cases.map((c) => c.caseId).sort(), kind).toEqual(expected);
    }
  });
});

describe("confirming letters as sent", () => {
  beforeEach(resetDatabase);

  const confirm = (teamId: string, kind: string, cases: Array<{ id: string; version: number }>, day = "2026-06-10") =>
    confirmLettersSchema.parse({ teamId, kind, day, cases: cases.map((c) => ({ id: c.id, version: String(c.version) })) });

  it("records a letter event on each case through the workflow, with its audit, and nothing the second time", async () => {
    const s = await setup();
    const { cases } = await importedList(s, [["Gaëlle", "Lefèvre"], ["Inès", "Benali"]]);
    const input = confirm(s.team.id, "TENANT_FIRST_LETTER", cases);

    const first = await confirmLettersSent(db, s.worker, input, NOW);
    expect(first.recorded.map((r) => r.displayName).sort()).toEqual(["Gaëlle LEFÈVRE", "Inès BENALI"]);
    expect(first.refused).toEqual([]);
    for (const c of cases) {
      const after = await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { state: true, version: true, tenantLetterSentOn: true } });
      expect(after).toEqual({ state: "FIRST_LETTER_SENT", version: c.version + 1, tenantLetterSentOn: TODAY });
      const events = await db.outreachEvent.findMany({ where: { caseId: c.id }, select: { kind: true, note: true, createdById: true, occurredAt: true } });
      expect(events).toEqual([{ kind: "LETTER_TENANT", note: "Premier courrier au locataire : envoi confirmé depuis « Courriers ».", createdById: s.worker.id, occurredAt: new Date("2026-06-10T09:00:00Z") }]);
      expect(await db.auditLog.count({ where: { caseId: c.id, action: "outreach.letter_tenant", userId: s.worker.id } })).toBe(1);
    }

    // The same confirmation again (a double click, a second tab): nothing new, each case said why.
    const again = await confirmLettersSent(db, s.worker, input, NOW);
    expect(again.recorded).toEqual([]);
    expect(again.refused.map((r) => r.reason)).toEqual([
      "Le premier courrier au locataire est déjà enregistré (10/06/2026).",
      "Le premier courrier au locataire est déjà enregistré (10/06/2026).",
    ]);
    expect(await db.outreachEvent.count()).toBe(2 + (await db.outreachEvent.count({ where: { kind: { not: "LETTER_TENANT" } } })));
  });

  it("reports a case changed since the list was shown, and one the workflow no longer allows, and records the others", async () => {
    const s = await setup();
    const { cases } = await importedList(s, [["Gaëlle", "Lefèvre"], ["Inès", "Benali"], ["Paul", "Martin"]]);
    const [changed, contacted, fine] = cases as [(typeof cases)[0], (typeof cases)[0], (typeof cases)[0]];
    await db.case.update({ where: { id: changed.id }, data: { version: { increment: 1 } } });
    await db.case.update({ where: { id: contacted.id }, data: { state: "SUPPORTED", supported: true } });
    const result = await confirmLettersSent(db, s.worker, confirm(s.team.id, "TENANT_FIRST_LETTER", cases), NOW);
    expect(result.recorded.map((r) => r.caseId)).toEqual([fine.id]);
    expect(Object.fromEntries(result.refused.map((r) => [r.displayName, r.reason]))).toEqual({
      "Gaëlle LEFÈVRE": "Le dossier a été modifié depuis l'affichage de la liste : vérifiez-le puis confirmez de nouveau.",
      "Inès BENALI": "Le ménage est déjà en contact avec l'équipe : le premier courrier n'a plus lieu d'être.",
    });
  });

  it("lets the workflow refuse a reminder before its day, with its own message", async () => {
    const s = await setup();
    const c = await caseAtState(db, { teamId: s.team.id, state: "VISIT_2_FAILED", openedOn: calendarDate(2026, 5, 20), now: NOW });
    const result = await confirmLettersSent(db, s.worker, confirm(s.team.id, "REMINDER", [c]), NOW);
    expect(result.recorded).toEqual([]);
    expect(result.refused[0]!.reason).toMatch(/^La relance ne peut être envoyée qu'à partir du/);
  });

  it("refuses the whole confirmation when one case is another team's, and every role that does not record outreach", async () => {
    const s = await setup();
    const { cases } = await importedList(s, [["Gaëlle", "Lefèvre"]]);
    const foreign = await caseAtState(db, { teamId: s.other.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 6, 1), now: NOW, departement: "62" });
    await expectRefusal(confirmLettersSent(db, s.worker, confirm(s.team.id, "TENANT_FIRST_LETTER", [...cases, foreign]), NOW), "NOT_FOUND");
    await expectRefusal(confirmLettersSent(db, s.stranger, confirm(s.team.id, "TENANT_FIRST_LETTER", cases), NOW), "NOT_FOUND");
    await expectRefusal(confirmLettersSent(db, s.stranger, confirm(s.other.id, "TENANT_FIRST_LETTER", cases), NOW), "NOT_FOUND");
    for (const who of [s.admin, s.funder]) await expectRefusal(confirmLettersSent(db, who, confirm(s.team.id, "TENANT_FIRST_LETTER", cases), NOW), "NOT_FOUND");
    await expectRefusal(confirmLettersSent(db, s.worker, confirm(s.team.id, "TENANT_FIRST_LETTER", cases, "2026-06-11"), NOW), "INVALID_STEP", /futur/);
    await expectRefusal(confirmLettersSent(db, s.worker, confirm(s.team.id, "DOOR_NOTICE", cases), NOW), "INVALID_STEP", /visite/);
    expect(await db.outreachEvent.count({ where: { caseId: { in: [...cases.map((c) => c.id), foreign.id] }, createdAt: { gte: NOW } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: { startsWith: "outreach." } } })).toBe(0);
  });

  it("records an SMS sent by hand only after the provider answered, and nothing when it fails", async () => {
    const s = await setup();
    const c = await caseAtState(db, { teamId: s.team.id, state: "FIRST_LETTER_SENT", openedOn: calendarDate(2026, 5, 2), now: NOW, household: { phone: "0612345678" } });
    const failing: SmsProvider = { description: "passerelle de test", sendsItself: true, send: async () => Promise.reject(new ExpectedError("INVALID_STEP", "La passerelle SMS a refusé le message.")) };
    await expectRefusal(sendSms(db, s.worker, { caseId: c.id, version: c.version }, NOW, failing), "INVALID_STEP", /passerelle/);
    expect(await db.outreachEvent.count({ where: { caseId: c.id, kind: "SMS" } })).toBe(0);

    await sendSms(db, s.worker, { caseId: c.id, version: c.version }, NOW, manualSmsProvider);
    const sms = await db.outreachEvent.findFirstOrThrow({ where: { caseId: c.id, kind: "SMS" }, select: { note: true } });
    expect(sms.note).toBe("SMS envoyé à la main depuis le téléphone de l'équipe.");
    expect(await db.auditLog.count({ where: { caseId: c.id, action: "outreach.sms" } })).toBe(1);
    await expectRefusal(sendSms(db, s.stranger, { caseId: c.id, version: c.version + 1 }, NOW), "NOT_FOUND");
    const silent = await caseAtState(db, { teamId: s.team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 6, 1), now: NOW, household: { phone: null } });
    await expectRefusal(sendSms(db, s.worker, { caseId: silent.id, version: silent.version }, NOW), "INVALID_STEP", /téléphone/);
  });
});
