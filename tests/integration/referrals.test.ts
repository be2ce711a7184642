// Issue 20: partners, referrals with consent, "Orientation sans nouvelles",
// the referral indicators (SQL = definition), the daily digest through a real
// SMTP server, the private calendar feed, the household sheet's versions.
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { NextRequest } from "next/server";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeReferralIndicatorsFromRecords } from "@/lib/domain/indicators/referrals";
import { NO_CONSENT_NOTICE } from "@/lib/domain/referrals/letter";
import { DEFAULT_SHEET_BLOCKS } from "@/lib/domain/household-sheet/template";
import type { Actor, Role } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { renderLettersPdf } from "@/lib/server/pdf/letters-pdf";
import { calendarFeedFor } from "@/lib/server/queries/calendar-feed";
import { getHouseholdSheet, listSheetTemplateVersions } from "@/lib/server/queries/household-sheet";
import { indicatorScope } from "@/lib/server/queries/indicators";
import { computeReferralIndicators } from "@/lib/server/queries/referral-indicators";
import { getCaseReferrals, getReferralLetter, listReferralsWithoutNews } from "@/lib/server/queries/referrals";
import { importPartners } from "@/lib/server/services/import-partners";
import { createCalendarToken, revokeCalendarToken, setDigestOptIn } from "@/lib/server/services/manage-reminders";
import { recordReferral, recordReferralFollowUp } from "@/lib/server/services/record-referral";
import { savePartner } from "@/lib/server/services/save-partner";
import { saveHouseholdSheetTemplate } from "@/lib/server/services/save-household-sheet-template";
import { sendDigests } from "@/lib/server/services/send-digests";
import { addDays, parisDayOf } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { ESSONNE_TOWNS } from "../factories/places";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

// Tuesday 10 March 2026, 10:00 in Paris: every "now" below is this instant or derived from it.
const NOW = new Date("2026-03-10T09:00:00Z");
const TODAY = parisDayOf(NOW);

const actor = (u: { id: string; role: Role }, teamIds: string[]): Actor => ({ id: u.id, role: u.role, teamIds });

let team: Awaited<ReturnType<typeof createTeam>>;
let other: Awaited<ReturnType<typeof createTeam>>;
let worker: Actor & { name: string };
let jurist: Actor;
let coordinator: Actor;
let outsider: Actor;
let funder: Actor;
let ccasId: string;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

async function newCase(extra: Partial<Parameters<typeof caseAtState>[1]> = {}) {
  return caseAtState(db, {
    teamId: team.id,
    state: "SUPPORTED",
    openedOn: addDays(TODAY, -90),
    now: NOW,
    assignedWorkerId: worker.id,
    town: ESSONNE_TOWNS[0],
    ...extra,
  });
}

beforeAll(async () => {
  await resetDatabase();
  team = await createTeam(db, { name: "Équipe mobile Essonne" });
  other = await createTeam(db, { name: "Équipe Pas-de-Calais", departement: "62" });
  const w = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id, name: "Claire Garraud", email: "claire@equipe.fr" });
  worker = { ...actor(w, [team.id]), name: w.name };
  jurist = actor(await createUser(db, { role: "JURIST", teamId: team.id }), [team.id]);
  coordinator = actor(await createUser(db, { role: "COORDINATOR", teamId: team.id }), [team.id]);
  outsider = actor(await createUser(db, { role: "COORDINATOR", teamId: other.id }), [other.id]);
  funder = actor(await createUser(db, { role: "FUNDER_VIEWER", teamId: team.id }), [team.id]);
  ccasId = (await savePartner(db, coordinator, { teamId: team.id, kind: "CCAS", name: "CCAS d'Évry-Courcouronnes", city: "Évry-Courcouronnes", postcode: "91000", email: "ccas@evry.fr", communes: "Évry-Courcouronnes", active: true } as never)).partnerId;
}, 120_000);

describe("partner directory", () => {
  it("is kept by the coordinator; a worker is refused, another team gets not found", async () => {
    const input = { teamId: team.id, kind: "MDS", name: "MDS de Corbeil", communes: "Corbeil-Essonnes", active: true } as never;
    await expect(savePartner(db, worker, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(savePartner(db, outsider, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("imports a CSV all or nothing, with French errors per line and no spreadsheet formula", async () => {
    const bad = "Type;Nom;Téléphone;Communes couvertes\nCCAS;=HYPERLINK(\"x\");01 60;Évry\nPréfecture;Bureau;;\n";
    const error = await importPartners(db, coordinator, { teamId: team.id, csv: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectedError);
    const lines = (error as ExpectedError).fieldErrors!.csv!;
    expect(lines[0]).toMatch(/^Ligne 2 : .*formule de tableur refusée/);
    expect(lines[1]).toMatch(/^Ligne 3 : type « Préfecture » inconnu/);
    const ok = "\uFEFFType;Nom;Adresse;Code postal;Ville;Téléphone;E-mail;Horaires;Communes couvertes;Contact\nADIL;ADIL 91;1 bd de France;91000;Évry;01 60 77 21 22;adil@adil91.fr;lun-ven 9h-12h;;Mme Juriste\nBanque de France;Banque de France Évry;;;;3414;;;;\nCCAS;CCAS d'Évry-Courcouronnes;Place des Droits de l'Homme;91000;Évry-Courcouronnes;01 69 36 00 00;ccas@evry.fr;;Évry-Courcouronnes;\n";
    expect(await importPartners(db, coordinator, { teamId: team.id, csv: ok })).toEqual({ created: 2, updated: 1 });
  });
});

describe("referrals with consent", () => {
  it("a referral without consent shares no personal data: the letter's text (PDF) says so", async () => {
    const c = await newCase({ household: { tenant: { firstName: "Gaëlle", lastName: "Zéphyrin" }, coTenant: false }, debtCents: 345_000 });
    const household = await db.household.findUniqueOrThrow({ where: { id: c.householdId }, select: { addressLine: true, occupants: { select: { firstName: true, lastName: true } } } });
    const { referralId } = await recordReferral(
      db,
      worker,
      { caseId: c.id, partnerId: ccasId, referredOn: TODAY, reason: "Dette de loyer et maladie de l'enfant", shared: ["IDENTITY", "CONTACT", "DEBT", "REASON"], consent: "NONE", consentOn: TODAY, consentCollectedBy: "Claire" },
      NOW,
    );
    const stored = await db.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect(stored).toMatchObject({ shared: [], consentOn: null, consentCollectedBy: null });
    const found = await getReferralLetter(db, worker, c.id, referralId, NOW);
    const text = await pdfText(await renderLettersPdf([found!.letter], { title: "t", author: "a", now: NOW }));
    expect(text).toContain(NO_CONSENT_NOTICE.slice(0, 60));
    for (const o of household.occupants) {
      expect(text.toLowerCase()).not.toContain(o.lastName.toLowerCase());
      expect(text).not.toContain(o.firstName);
    }
    expect(text).not.toContain(household.addressLine);
    expect(text).not.toContain("3 450");
    expect(text).not.toContain("maladie");
    expect(text).not.toContain(`n° ${c.number}`);
  });

  it("with oral consent: the letter names what was agreed; 15 days later 'sans nouvelles'; RDV pris clears it", async () => {
    const c = await newCase();
    const referredOn = addDays(TODAY, -16);
    const { referralId } = await recordReferral(
      db,
      worker,
      { caseId: c.id, partnerId: ccasId, referredOn, reason: "Ouverture des droits", shared: ["IDENTITY", "REASON"], consent: "ORAL", consentOn: referredOn, consentCollectedBy: "Claire Garraud" },
      NOW,
    );
    const letter = (await getReferralLetter(db, worker, c.id, referralId, NOW))!.letter;
    expect(letter.body.join("\n")).toContain("Accord oral du ménage recueilli le");
    expect(letter.body.join("\n")).toContain("Ouverture des droits");
    expect(letter.body.join("\n")).not.toContain("Adresse :");

    // The reminder is computed from the injected now: day 14 no, day 15 yes.
    const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
    const stale = async (now: Date) => (await listReferralsWithoutNews(db, worker, { teamId: team.id, scope: "me", now }))!.items.map((i) => i.referralId);
    expect(await stale(at(-2))).not.toContain(referralId);
    expect(await stale(at(-1))).toContain(referralId);
    expect(await stale(NOW)).toContain(referralId);
    expect(await listReferralsWithoutNews(db, outsider, { teamId: team.id, scope: "team", now: NOW })).toBeNull();

    await expect(recordReferralFollowUp(db, worker, { caseId: c.id, referralId, version: 0, event: "APPOINTMENT" }, NOW)).rejects.toMatchObject({ fieldErrors: { appointmentOn: ["Indiquez la date du rendez-vous."] } });
    await expect(recordReferralFollowUp(db, outsider, { caseId: c.id, referralId, version: 0, event: "RECEIVED" }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await recordReferralFollowUp(db, worker, { caseId: c.id, referralId, version: 0, event: "APPOINTMENT", appointmentOn: addDays(TODAY, 5) }, NOW)).toEqual({ status: "APPOINTMENT" });
    expect(await stale(NOW)).not.toContain(referralId);
    await expect(recordReferralFollowUp(db, worker, { caseId: c.id, referralId, version: 0, event: "RECEIVED" }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await db.auditLog.findMany({ where: { entityId: referralId }, orderBy: { at: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["referral.create", "referral.follow_up"]);

    const view = await getCaseReferrals(db, worker, c.id, ["SOCIAL_WORKER"], NOW);
    expect(view!.suggestions[0]!.partner.name).toBe("CCAS d'Évry-Courcouronnes");
    expect(await getCaseReferrals(db, outsider, c.id, [], NOW)).toBeNull();
  });

  it("refuses a consent without date or collector, a future date, a partner of another team", async () => {
    const c = await newCase();
    const foreign = (await savePartner(db, outsider, { teamId: other.id, kind: "CAF", name: "CAF du 62", active: true } as never)).partnerId;
    await expect(recordReferral(db, worker, { caseId: c.id, partnerId: foreign, referredOn: TODAY, reason: "x", shared: [], consent: "NONE" } as never, NOW)).rejects.toMatchObject({ fieldErrors: { partnerId: expect.any(Array) } });
    await expect(recordReferral(db, worker, { caseId: c.id, partnerId: ccasId, referredOn: addDays(TODAY, 1), reason: "x", shared: [], consent: "NONE" } as never, NOW)).rejects.toMatchObject({ fieldErrors: { referredOn: expect.any(Array) } });
    await expect(recordReferral(db, funder, { caseId: c.id, partnerId: ccasId, referredOn: TODAY, reason: "x", shared: [], consent: "NONE" } as never, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("referral indicators", () => {
  it("the SQL equals the definition, by partner kind with the follow-up rate", async () => {
    const rows = await db.referral.findMany({ select: { teamId: true, referredOn: true, followUpOn: true, partner: { select: { kind: true } }, case: { select: { sectorId: true, lease: { select: { landlord: { select: { kind: true } } } } } } } });
    const records = rows.map((r) => ({ teamId: r.teamId, referredOn: r.referredOn, followUpOn: r.followUpOn, partnerKind: r.partner.kind, sectorId: r.case.sectorId, landlordKind: r.case.lease?.landlord?.kind ?? null }));
    for (const filter of [
      { from: null, to: TODAY, teamId: null, sectorId: null, landlordKind: null },
      { from: addDays(TODAY, -10), to: TODAY, teamId: team.id, sectorId: null, landlordKind: null },
      { from: null, to: addDays(TODAY, -1), teamId: null, sectorId: null, landlordKind: "PRIVATE_PERSON" as const },
    ]) {
      const sql = await computeReferralIndicators(db, coordinator, filter);
      expect(sql).toEqual(computeReferralIndicatorsFromRecords(records, indicatorScope(coordinator, filter)));
    }
    const all = await computeReferralIndicators(db, coordinator, { from: null, to: TODAY, teamId: null, sectorId: null, landlordKind: null });
    expect(all.byKind.CCAS).toEqual({ total: 2, withFollowUp: 1 });
    expect(all.byKind.CAF).toEqual({ total: 0, withFollowUp: 0 });
    expect((await computeReferralIndicators(db, outsider, { from: null, to: TODAY, teamId: team.id, sectorId: null, landlordKind: null })).total).toBe(0);
    expect((await computeReferralIndicators(db, funder, { from: null, to: TODAY, teamId: null, sectorId: null, landlordKind: null })).total).toBe(2);
  });
});

describe("the household sheet's texts", () => {
  it("keeps every version; a stale form is refused; the sheet prints the current version", async () => {
    const blocks = { ...DEFAULT_SHEET_BLOCKS, closing: "Appelez-nous, même le soir." };
    await expect(saveHouseholdSheetTemplate(db, worker, { teamId: team.id, version: 0, blocks })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveHouseholdSheetTemplate(db, outsider, { teamId: team.id, version: 0, blocks })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await saveHouseholdSheetTemplate(db, jurist, { teamId: team.id, version: 0, blocks, note: "Relu par la juriste" })).toEqual({ version: 1 });
    await expect(saveHouseholdSheetTemplate(db, coordinator, { teamId: team.id, version: 0, blocks })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await saveHouseholdSheetTemplate(db, coordinator, { teamId: team.id, version: 1, blocks: DEFAULT_SHEET_BLOCKS })).toEqual({ version: 2 });
    const versions = await listSheetTemplateVersions(db, jurist, team.id);
    expect(versions!.map((v) => [v.version, v.note])).toEqual([[2, null], [1, "Relu par la juriste"]]);
    expect(await db.auditLog.count({ where: { action: "household_sheet.template.save" } })).toBe(2);

    const c = await newCase({ stage: "ASSIGNATION", hearingOn: addDays(TODAY, 30) });
    const sheet = await getHouseholdSheet(db, worker, c.id, NOW);
    const text = sheet!.sheet.sections.flatMap((s) => s.paragraphs).join("\n");
    expect(text).toContain("ADIL 91");
    expect(text).toContain("0805 299 049");
    expect(sheet!.sheet.footer).toContain("Modèle version 2");
    expect(await getHouseholdSheet(db, outsider, c.id, NOW)).toBeNull();
  });
});

describe("reminders that reach people", () => {
  let smtp: SMTPServer;
  const received: string[] = [];
  let env: Record<string, string>;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      disableReverseLookup: true,
      onData(stream: SMTPServerDataStream, _s, cb) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks).toString("utf8"));
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    env = { SMTP_HOST: "127.0.0.1", SMTP_PORT: String((smtp.server.address() as AddressInfo).port), SMTP_SECURE: "false", SMTP_FROM: "Maintien <rappels@exemple.fr>", APP_URL: "https://maintien.exemple.fr" };
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it("the digest carries counts and case numbers, never a household's name; once a day", async () => {
    const visit = await caseAtState(db, { teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: addDays(TODAY, -40), now: NOW, assignedWorkerId: worker.id, household: { tenant: { firstName: "Ysaline", lastName: "Quatremare" } } });
    const stale = await newCase();
    await recordReferral(db, worker, { caseId: stale.id, partnerId: ccasId, referredOn: addDays(TODAY, -20), reason: "FSL", shared: [], consent: "NONE" } as never, NOW);
    await setDigestOptIn(db, worker, true);
    const report = await sendDigests(db, NOW, env);
    expect(report.sent.map((s) => s.userId)).toEqual([worker.id]);
    expect(received).toHaveLength(1);
    const mail = decodeQuotedPrintable(received[0]!);
    expect(mail).toContain("Visites à faire : ");
    expect(mail).toContain(`n° ${visit.number}`);
    expect(mail).toContain("Orientations sans nouvelles depuis 15 jours : 1");
    expect(mail).toContain(`n° ${stale.number}`);
    expect(mail).toContain("https://maintien.exemple.fr/a-faire");
    const names = await db.occupant.findMany({ select: { firstName: true, lastName: true } });
    for (const n of names) {
      expect(mail).not.toContain(n.lastName);
      expect(mail.toUpperCase()).not.toContain(n.lastName.toUpperCase());
    }
    expect((await sendDigests(db, NOW, env)).alreadySent).toBe(1);
    expect(received).toHaveLength(1);
  });

  it("the calendar feed parses, lists the hearing, and a revoked token gives 404", async () => {
    const c = await caseAtState(db, { teamId: team.id, state: "SUPPORTED", openedOn: addDays(TODAY, -60), now: NOW, assignedWorkerId: worker.id, stage: "ASSIGNATION", hearingOn: addDays(TODAY, 20) });
    await db.case.update({ where: { id: c.id }, data: { courtName: "Tribunal de proximité d'Évry" } });
    const { token } = await createCalendarToken(db, worker, NOW);
    expect((await db.user.findUniqueOrThrow({ where: { id: worker.id } })).calendarTokenHash).not.toContain(token);
    const ics = await calendarFeedFor(db, token, NOW, "https://maintien.exemple.fr");
    const vcalendar = new ICAL.Component(ICAL.parse(ics!));
    const events = vcalendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const hearing = events.find((e) => e.summary === `Audience — dossier n° ${c.number}`);
    expect(hearing).toBeDefined();
    expect(hearing!.startDate.toString()).toBe(addDays(TODAY, 20).toISOString().slice(0, 10));
    expect(hearing!.location).toBe("Tribunal de proximité d'Évry");
    expect(events.some((e) => e.summary.startsWith("RDV partenaire (CCAS d'Évry-Courcouronnes)"))).toBe(true);
    const names = await db.occupant.findMany({ select: { lastName: true } });
    for (const n of names) expect(ics!.toUpperCase()).not.toContain(n.lastName.toUpperCase());

    const { GET } = await import("@/app/agenda/[token]/route");
    const call = (t: string) => GET(new NextRequest(`http://localhost:3000/agenda/${t}.ics`), { params: Promise.resolve({ token: `${t}.ics` }) });
    expect((await call(token)).status).toBe(200);
    await revokeCalendarToken(db, worker);
    expect((await call(token)).status).toBe(404);
    expect(await calendarFeedFor(db, token, NOW, null)).toBeNull();
    expect((await call("x".repeat(43))).status).toBe(404);
  });
});

function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
}
