/**
 * Every server action, route handler and page of the app, with the permission
 * of lib/domain/permission-table.ts that governs it and how to call it on a
 * fresh target of team A. surface.ts lists them from the code; the walk fails
 * when this manifest misses one (or names one that no longer exists).
 *
 * - "team": the target is team A's; a user of team B guesses its id.
 * - "own": the action acts on the walker's own team (a page without an id).
 * - "self": the signed-in user's own account (no id comes from the browser).
 * - "public": before sign-in (sign-in, invitation), tested in accounts.test.ts;
 *   the first-run setup, tested in setup-first-team.test.ts.
 */
import type { PermissionAction } from "@/lib/domain/permission-table";
import { db } from "@/lib/server/db";
import { saveUpload } from "@/lib/server/import/upload-store";
import { DEFAULT_SHEET_BLOCKS } from "@/lib/domain/household-sheet/template";
import type { Walker, World } from "./world";

export type Fields = Record<string, unknown>;

export interface ActionEntry {
  permission: PermissionAction | "self" | "public";
  target?: "team" | "own";
  /** A valid input on a fresh target of team A (or of the walker's own team for "own"). */
  input?: (w: World, walker: Walker) => Promise<Fields>;
  /** An allowed call may end in a domain refusal (no SMTP server in this test): not a permission refusal. */
  allowedMayRefuse?: boolean;
  /**
   * An action that is not a form's (`(state, formData) => state`): how to call
   * it with the input, and its answer as a form's would be. A read that says
   * nothing to someone not allowed (null) is a "not found".
   */
  call?: (action: (...args: never[]) => Promise<unknown>, fields: Fields) => Promise<{ status: "success" } | { status: "error"; code: "NOT_FOUND" }>;
}

export interface PageEntry {
  permission: PermissionAction | "self" | "public" | "signed-in";
  target?: "team" | "own";
  params?: (w: World) => Promise<Record<string, string>>;
  searchParams?: (w: World, walker: Walker) => Promise<Record<string, string>>;
}

export interface RouteProbe {
  permission: PermissionAction | "public";
  target?: "team" | "own";
  request: (w: World, walker: Walker) => Promise<{ url: string; init?: RequestInit; params?: Record<string, string> }>;
  /** How an allowed answer looks (default: 200). */
  allowed?: (res: Response) => boolean;
  /** How a refusal looks (default: 404). */
  refused?: (res: Response) => boolean;
}

const BASE = "http://localhost:3000";

/** A stored document (issue 19) on a fresh case of team A: a small PDF in the configured backend. */
async function newAttachment(w: World): Promise<{ caseId: string; id: string }> {
  const caseId = (await w.newCase("SUPPORTED")).id;
  const { getAttachmentStores } = await import("@/lib/server/attachments/config");
  const { newStorageKey } = await import("@/lib/server/attachments/object-store");
  const { db } = await import("@/lib/server/db");
  const store = getAttachmentStores().current;
  const storageKey = newStorageKey();
  const bytes = new TextEncoder().encode("%PDF-1.4\n%walk\n");
  await store.put(storageKey, bytes);
  const row = await db.attachment.create({
    data: { caseId, kind: "LEASE", documentOn: new Date(Date.UTC(2026, 0, 5)), fileName: "bail.pdf", mimeType: "application/pdf", sizeBytes: bytes.byteLength, sha256: "0".repeat(64), storage: store.kind, storageKey },
    select: { id: true },
  });
  return { caseId, id: row.id };
}
const caseIdOf = async (w: World, state?: Parameters<World["newCase"]>[0], hearing = false) => (await w.newCase(state, { hearing })).id;

export const ACTIONS: Record<string, ActionEntry> = {
  "app/(app)/actions.ts#signOutAction": { permission: "self" },
  "app/connexion/actions.ts#signInAction": { permission: "public" },
  "app/invitation/[token]/actions.ts#acceptInvitationAction": { permission: "public" },
  // Issue 15: before any account exists, with the setup code (tests/integration/setup-first-team.test.ts).
  "app/installation/equipe/actions.ts#setupTeamAction": { permission: "public" },
  "app/(app)/compte/actions.ts#changePasswordAction": { permission: "self" },
  "app/(app)/compte/actions.ts#startTotpAction": { permission: "self" },
  "app/(app)/compte/actions.ts#confirmTotpAction": { permission: "self" },
  "app/(app)/compte/actions.ts#disableTotpAction": { permission: "self" },
  "app/(app)/compte/actions.ts#endOtherSessionsAction": { permission: "self" },

  // Issue 17: the new household form's landlord search, as the user types.
  "app/(app)/dossiers/nouveau/actions.ts#searchLandlordsAction": {
    permission: "household.create",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, query: "agence" }),
    call: async (action, fields) => {
      const found = await (action as unknown as (input: Fields) => Promise<unknown>)(fields);
      return found === null ? { status: "error", code: "NOT_FOUND" } : { status: "success" };
    },
  },
  "app/(app)/dossiers/nouveau/actions.ts#createHouseholdAction": {
    permission: "household.create",
    target: "team",
    input: async (w) => ({
      teamId: w.teamA.id,
      tenant: { firstName: "Élodie", lastName: `Marchal${w.counter()}` },
      addressLine: "8 allée des Tilleuls",
      postcode: "91000",
      city: "Évry-Courcouronnes",
      landlordMode: "new",
      landlord: { kind: "AGENCY", name: "Agence du Centre", city: "Évry" },
      rent: "650,50",
      stage: "ASSIGNATION",
      stageDate: w.iso(-30),
      hearingOn: w.iso(30),
      source: "PREFECTURE_LIST",
    }),
  },
  "app/(app)/dossiers/[id]/actions.ts#recordOutreachEventAction": {
    permission: "outreach.record",
    target: "team",
    input: async (w) => {
      const c = await w.newCase("IDENTIFIED");
      return { caseId: c.id, version: String(c.version), kind: "LETTER_LANDLORD", day: w.iso(-1), time: "10:30" }; // yesterday: "today at 10:30" is in the future before 10:30
    },
  },
  "app/(app)/dossiers/[id]/actions.ts#recordFirstLettersAction": {
    permission: "outreach.record",
    target: "team",
    input: async (w) => {
      const c = await w.newCase("IDENTIFIED");
      return { caseId: c.id, version: String(c.version), day: w.iso(-1), time: "10:30" };
    },
  },
  // Issue 16: completing the quick household from the case page.
  "app/(app)/dossiers/[id]/household-actions.ts#completeHouseholdAction": {
    permission: "household.complete",
    target: "team",
    input: async (w) => {
      const c = await w.newCase("IDENTIFIED");
      return { caseId: c.id, version: String(c.version), tenantFirstName: "Inès", phone: "06 12 34 56 78", rent: "700", debt: "1 200" };
    },
  },
  "app/(app)/dossiers/[id]/procedure-actions.ts#recordProcedureEventAction": {
    permission: "procedure.record",
    target: "team",
    input: async (w) => {
      const c = await w.newCase("FIRST_LETTER_SENT");
      return { caseId: c.id, version: String(c.version), stage: "COMMANDEMENT_DE_PAYER", date: w.iso(-10) };
    },
  },
  "app/(app)/dossiers/[id]/audience/actions.ts#saveLedgerLineAction": {
    permission: "hearingFile.edit",
    target: "team",
    input: async (w) => ({ caseId: await caseIdOf(w, "SUPPORTED", true), month: "2026-03", rentDue: "600", chargesDue: "50", paid: "200", housingBenefit: "0" }),
  },
  "app/(app)/dossiers/[id]/audience/actions.ts#deleteLedgerLineAction": {
    permission: "hearingFile.edit",
    target: "team",
    input: async (w) => {
      const l = await w.newLedgerLine();
      return { caseId: l.caseId, lineId: l.lineId, token: l.token };
    },
  },
  "app/(app)/dossiers/[id]/audience/actions.ts#saveHearingRequestAction": {
    permission: "hearingFile.edit",
    target: "team",
    input: async (w) => ({ caseId: await caseIdOf(w, "SUPPORTED", true), kind: "LEGAL_AID", status: "TO_DO" }),
  },
  "app/(app)/dossiers/[id]/audience/actions.ts#saveClaimedDebtAction": {
    permission: "hearingFile.edit",
    target: "team",
    input: async (w) => {
      const c = await w.newCase("SUPPORTED", { hearing: true });
      return { caseId: c.id, version: String(c.version), claimedDebt: "3 250,40" };
    },
  },
  "app/(app)/dossiers/[id]/documents/actions.ts#deleteAttachmentAction": {
    permission: "attachments.manage",
    target: "team",
    input: async (w) => {
      const a = await newAttachment(w);
      return { caseId: a.caseId, attachmentId: a.id };
    },
  },
  "app/(app)/dossiers/[id]/accompagnement/actions.ts#saveDiagnosticAction": {
    permission: "support.record",
    target: "team",
    input: async (w) => ({ caseId: await caseIdOf(w, "SUPPORTED"), kind: "FLASH", doneOn: w.iso(-1), adults: "1", children: "2" }),
  },
  "app/(app)/dossiers/[id]/accompagnement/actions.ts#startSupportAction": {
    permission: "support.record",
    target: "team",
    input: async (w) => {
      const c = await w.newCase("SUPPORTED");
      // The factory's supported household is already in support: this one has not started yet.
      const { db } = await import("@/lib/server/db");
      await db.supportPeriod.deleteMany({ where: { caseId: c.id } });
      return { caseId: c.id, version: String(c.version), startedOn: w.iso(-1) };
    },
  },
  "app/(app)/dossiers/[id]/accompagnement/actions.ts#recordSupportWeekAction": {
    permission: "support.record",
    target: "team",
    input: async (w) => {
      const p = await w.newSupportPeriod();
      return { caseId: p.caseId, periodId: p.periodId, weekOf: w.iso(-7), actions: "Dossier FSL constitué avec le ménage." };
    },
  },
  "app/(app)/dossiers/[id]/accompagnement/actions.ts#endSupportAction": {
    permission: "support.record",
    target: "team",
    input: async (w) => {
      const p = await w.newSupportPeriod();
      return { caseId: p.caseId, version: String(p.version), periodId: p.periodId, endedOn: w.iso(0), outcome: "COMPLETED" };
    },
  },
  "app/(app)/dossiers/[id]/accompagnement/actions.ts#saveAidRequestAction": {
    permission: "support.record",
    target: "team",
    input: async (w) => ({ caseId: await caseIdOf(w, "SUPPORTED"), kind: "FSL", status: "TO_DO" }),
  },

  "app/(app)/courriers/actions.ts#saveLetterTemplateAction": {
    permission: "letterTemplates.edit",
    target: "team",
    input: async (w) => ({
      teamId: w.teamA.id,
      kind: "DOOR_NOTICE",
      version: String(await w.templateVersion("DOOR_NOTICE")),
      subject: "Avis de passage",
      body: `Nous sommes passés ce jour (${w.counter()}). Appelez-nous au {{telephone_equipe}}.`,
    }),
  },
  "app/(app)/courriers/actions.ts#resetLetterTemplateAction": {
    permission: "letterTemplates.edit",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, kind: "REMINDER", version: String(await w.templateVersion("REMINDER")) }),
  },
  "app/(app)/courriers/actions.ts#saveLetterheadAction": {
    permission: "letterTemplates.edit",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, token: await w.letterheadToken(), name: `Équipe mobile ${w.counter()}`, phone: "01 60 00 00 00", email: "prevention91@exemple.fr" }),
  },
  // Issue 13: the team's procedure settings. The token is the row's current version, read as the page would.
  "app/(app)/reglages/actions.ts#saveProcedureSettingAction": {
    permission: "procedureSettings.edit",
    target: "team",
    input: async (w) => {
      const { db } = await import("@/lib/server/db");
      const row = await db.teamProcedureSetting.findUnique({ where: { teamId_key: { teamId: w.teamA.id, key: "hearingAlertDays" } }, select: { changedAt: true } });
      return { teamId: w.teamA.id, key: "hearingAlertDays", value: String(30 + (w.counter() % 60)), token: row ? row.changedAt.toISOString() : "defaut" };
    },
  },
  "app/(app)/courriers/actions.ts#confirmLettersAction": {
    permission: "letters.record",
    target: "team",
    input: async (w) => {
      const c = await w.newCase("IDENTIFIED");
      return { teamId: w.teamA.id, kind: "TENANT_FIRST_LETTER", day: w.iso(0), cases: [{ id: c.id, version: String(c.version) }] };
    },
  },
  "app/(app)/courriers/actions.ts#sendLetterEmailAction": {
    permission: "letters.record",
    target: "team",
    // No SMTP server here: an allowed call ends in "not configured", a refused one in "not found".
    allowedMayRefuse: true,
    input: async (w) => {
      const c = await w.newCase("FIRST_LETTER_SENT");
      return { caseId: c.id, version: String(c.version), kind: "TENANT_FIRST_LETTER" };
    },
  },
  "app/(app)/courriers/actions.ts#sendSmsAction": {
    permission: "letters.record",
    target: "team",
    allowedMayRefuse: true,
    input: async (w) => {
      const c = await w.newCase("FIRST_LETTER_SENT");
      return { caseId: c.id, version: String(c.version) };
    },
  },

  "app/(app)/facturation/conventions/actions.ts#saveAgreementAction": {
    permission: "agreements.manage",
    target: "team",
    input: async (w) => ({
      teamId: w.teamA.id,
      funderName: `Département (walk ${w.counter()})`,
      periodStart: w.iso(-100),
      periodEnd: w.iso(200),
      advanceShare: "60",
      advanceReceived: "0",
      maxSupportWeeks: "8",
      rates: { FLASH_DIAGNOSTIC: { amount: "150" }, IN_DEPTH_DIAGNOSTIC: { amount: "370" }, SUPPORT_WEEK: { amount: "55" } },
    }),
  },

  "app/(app)/administration/utilisateurs/actions.ts#inviteUserAction": {
    permission: "users.manage",
    target: "team",
    input: async (w) => ({ name: "Camille Invitée", email: `camille.${w.counter()}@walk.maintien.fr`, role: "SOCIAL_WORKER", teamId: w.teamA.id }),
  },
  "app/(app)/administration/utilisateurs/actions.ts#renewInvitationAction": {
    permission: "users.manage",
    target: "team",
    input: async (w) => ({ userId: (await w.newInvitedUser()).id }),
  },
  "app/(app)/administration/utilisateurs/actions.ts#setUserActiveAction": {
    permission: "users.manage",
    target: "team",
    input: async (w) => ({ userId: (await w.newMember()).id, active: "false" }),
  },
  "app/(app)/administration/utilisateurs/actions.ts#unlockUserAction": {
    permission: "users.manage",
    target: "team",
    input: async (w) => ({ userId: (await w.newMember()).id }),
  },
  "app/(app)/administration/utilisateurs/actions.ts#resetUserTotpAction": {
    permission: "users.manage",
    target: "team",
    allowedMayRefuse: true,
    input: async (w) => ({ userId: (await w.newMember()).id }),
  },
  // Issue 15: the administration of a team.
  "app/(app)/administration/equipes/actions.ts#saveTeamDetailsAction": {
    permission: "teams.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, name: "Équipe A (cible)", departement: "91", territory: `Essonne ${w.counter()}` }),
  },
  "app/(app)/administration/equipes/actions.ts#addPartnerOrganisationAction": {
    permission: "teams.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, name: `MDS ${w.counter()}`, kind: "MDS" }),
  },
  "app/(app)/administration/equipes/actions.ts#unlinkPartnerOrganisationAction": {
    permission: "teams.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, organisationId: (await w.newOrganisation()).id }),
  },
  "app/(app)/administration/equipes/actions.ts#saveSectorAction": {
    permission: "teams.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, name: `Sud ${w.counter()}`, areas: "" }),
  },
  "app/(app)/administration/equipes/actions.ts#deleteSectorAction": {
    permission: "teams.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, sectorId: (await w.newEmptySector()).id }),
  },
  "app/(app)/administration/equipes/actions.ts#setMemberRoleAction": {
    permission: "teams.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, userId: (await w.newMember()).id, role: "JURIST" }),
  },
  "app/(app)/administration/equipes/actions.ts#addTeamMemberAction": {
    permission: "teams.manage",
    target: "team",
    // The walkers belong to one team each: the only accounts team A's admin can find are team A's own,
    // already members, so the allowed call ends in "already a member" (INVALID_STEP); team-admin.test.ts adds one for real.
    allowedMayRefuse: true,
    input: async (w) => ({ teamId: w.teamA.id, email: w.users["A:SOCIAL_WORKER"].email }),
  },
  "app/(app)/administration/equipes/actions.ts#removeTeamMemberAction": {
    permission: "teams.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, userId: (await w.newMember()).id }),
  },
  // Issue 20: partners, referrals, the household sheet's texts, reminders.
  "app/(app)/compte/actions.ts#setDigestAction": { permission: "self" },
  "app/(app)/compte/actions.ts#createCalendarTokenAction": { permission: "self" },
  "app/(app)/compte/actions.ts#revokeCalendarTokenAction": { permission: "self" },
  "app/(app)/partenaires/actions.ts#savePartnerAction": {
    permission: "partners.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, kind: "CCAS", name: `CCAS walk ${w.counter()}`, communes: "Évry" }),
  },
  "app/(app)/partenaires/actions.ts#importPartnersAction": {
    permission: "partners.manage",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, csv: `Type;Nom;Communes couvertes\nMDS;MDS walk ${w.counter()};Évry\n` }),
  },
  "app/(app)/dossiers/[id]/orientations/actions.ts#recordReferralAction": {
    permission: "referrals.record",
    target: "team",
    input: async (w) => ({ caseId: await caseIdOf(w, "SUPPORTED"), partnerId: await w.partnerId(), referredOn: w.iso(-1), reason: "Ouverture des droits", consent: "ORAL", consentOn: w.iso(-1), consentCollectedBy: "Claire", shared: { IDENTITY: "on" } }),
  },
  "app/(app)/dossiers/[id]/orientations/actions.ts#recordReferralFollowUpAction": {
    permission: "referrals.record",
    target: "team",
    input: async (w) => {
      const r = await w.newReferral();
      return { caseId: r.caseId, referralId: r.referralId, version: "0", event: "RECEIVED" };
    },
  },
  "app/(app)/dossiers/[id]/orientations/actions.ts#sendReferralEmailAction": {
    permission: "referrals.record",
    target: "team",
    // No SMTP server here: an allowed call ends in "not configured", a refused one in "not found".
    allowedMayRefuse: true,
    input: async (w) => {
      const r = await w.newReferral();
      return { caseId: r.caseId, referralId: r.referralId };
    },
  },
  "app/(app)/fiche-menage/actions.ts#saveSheetTemplateAction": {
    permission: "householdSheet.editTemplate",
    target: "team",
    input: async (w) => ({ teamId: w.teamA.id, version: String(await w.sheetVersion()), blocks: { ...DEFAULT_SHEET_BLOCKS, closing: `Appelez-nous (${w.counter()}).` } }),
  },
  "app/(app)/administration/retention/actions.ts#runRetentionAction": {
    permission: "retention.manage",
    target: "own",
    input: async () => ({ confirm: "on" }),
  },
};

export const PAGES: Record<string, PageEntry> = {
  "app/(app)/page.tsx": { permission: "signed-in" },
  "app/connexion/page.tsx": { permission: "public" },
  "app/invitation/[token]/page.tsx": { permission: "public" },
  "app/installation/page.tsx": { permission: "public" },
  "app/installation/equipe/page.tsx": { permission: "public" },
  "app/(app)/compte/page.tsx": { permission: "self" },
  "app/(app)/a-faire/page.tsx": { permission: "duework.read", target: "own" },
  // Issue 16: "Ma tournée", the visits of "À faire" grouped by sector and commune.
  "app/(app)/tournee/page.tsx": { permission: "duework.read", target: "own" },
  "app/(app)/dossiers/page.tsx": { permission: "caseload.open", target: "own" },
  "app/(app)/dossiers/nouveau/page.tsx": { permission: "household.create", target: "own" },
  "app/(app)/dossiers/[id]/page.tsx": { permission: "case.read", target: "team", params: async (w) => ({ id: await caseIdOf(w) }) },
  "app/(app)/dossiers/[id]/audience/page.tsx": { permission: "case.read", target: "team", params: async (w) => ({ id: await caseIdOf(w, "SUPPORTED", true) }) },
  "app/(app)/dossiers/[id]/documents/page.tsx": { permission: "case.read", target: "team", params: async (w) => ({ id: await caseIdOf(w) }) },
  "app/(app)/dossiers/[id]/accompagnement/page.tsx": { permission: "case.read", target: "team", params: async (w) => ({ id: await caseIdOf(w, "SUPPORTED") }) },
  "app/(app)/bailleurs/page.tsx": { permission: "caseload.open", target: "own" },
  "app/(app)/bailleurs/[id]/page.tsx": {
    permission: "case.read",
    target: "team",
    params: async (w) => {
      const c = await w.newCase();
      const { db } = await import("@/lib/server/db");
      const lease = await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { lease: { select: { landlordId: true } } } });
      return { id: lease.lease!.landlordId };
    },
  },
  "app/(app)/courriers/page.tsx": { permission: "letters.prepare", target: "own" },
  "app/(app)/courriers/lot/page.tsx": { permission: "letters.prepare", target: "own", searchParams: async () => ({ courrier: "premier-courrier", lot: "a-envoyer" }) },
  "app/(app)/courriers/modeles/page.tsx": { permission: "letterTemplates.edit", target: "own" },
  "app/(app)/courriers/dossiers/[id]/page.tsx": { permission: "letters.prepare", target: "team", params: async (w) => ({ id: await caseIdOf(w, "IDENTIFIED") }) },
  "app/(app)/facturation/page.tsx": { permission: "billing.read", target: "own" },
  "app/(app)/facturation/conventions/nouvelle/page.tsx": { permission: "agreements.manage", target: "own" },
  "app/(app)/facturation/conventions/[id]/page.tsx": { permission: "agreements.manage", target: "team", params: async (w) => ({ id: w.agreementId }) },
  "app/(app)/indicateurs/page.tsx": { permission: "indicators.read", target: "own" },
  "app/(app)/import/page.tsx": { permission: "import.run", target: "own" },
  "app/(app)/import/apercu/page.tsx": {
    permission: "import.run",
    target: "team",
    searchParams: async (w, walker) => ({ fichier: await saveUpload(db, w.users[walker].id, { fileName: "liste.csv", teamId: w.teamA.id, bytes: new TextEncoder().encode(CSV) }, new Date()) }),
  },
  // The import area (list, result, rejected rows) is for those who import (issue 14: the admin's access to /import and /import/<id> agree).
  "app/(app)/import/[id]/page.tsx": { permission: "import.run", target: "team", params: async (w) => ({ id: w.importBatchId }) },
  "app/(app)/administration/page.tsx": { permission: "teamMembers.read", target: "own" },
  "app/(app)/administration/utilisateurs/page.tsx": { permission: "teamMembers.read", target: "own" },
  "app/(app)/administration/journal/page.tsx": { permission: "audit.read", target: "own" },
  "app/(app)/administration/equipes/page.tsx": { permission: "teams.manage", target: "own" },
  "app/(app)/administration/retention/page.tsx": { permission: "retention.manage", target: "own" },
  "app/(app)/partenaires/page.tsx": { permission: "partners.read", target: "own" },
  "app/(app)/fiche-menage/page.tsx": { permission: "householdSheet.editTemplate", target: "own" },
  "app/(app)/dossiers/[id]/orientations/page.tsx": { permission: "case.read", target: "team", params: async (w) => ({ id: await caseIdOf(w, "SUPPORTED") }) },
  "app/(app)/dossiers/[id]/ce-qui-va-se-passer/page.tsx": { permission: "case.read", target: "team", params: async (w) => ({ id: await caseIdOf(w, "SUPPORTED", true) }) },
  "app/(app)/reglages/page.tsx": { permission: "procedureSettings.edit", target: "own" },
};

const CSV = "Nom du locataire;Adresse;Code postal;Ville;Bailleur;Type de bailleur;Loyer;Étape;Date de l'acte\nDUPONT Jean;3 rue Haute;91000;Évry;SCI Les Ormes;particulier;650,00;assignation;01/10/2026\n";

export const ROUTES: Record<string, RouteProbe[]> = {
  "app/api/auth/[...nextauth]/route.ts#GET": [],
  "app/api/auth/[...nextauth]/route.ts#POST": [],
  "app/(app)/dossiers/[id]/audience/pdf/route.ts#GET": [
    { permission: "case.read", target: "team", request: async (w) => { const id = await caseIdOf(w, "SUPPORTED", true); return { url: `${BASE}/dossiers/${id}/audience/pdf`, params: { id } }; } },
  ],
  "app/(app)/dossiers/[id]/documents/[pieceId]/route.ts#GET": [
    { permission: "case.read", target: "team", request: async (w) => { const a = await newAttachment(w); return { url: `${BASE}/dossiers/${a.caseId}/documents/${a.id}`, params: { id: a.caseId, pieceId: a.id } }; } },
  ],
  "app/(app)/dossiers/[id]/documents/[pieceId]/apercu/route.ts#GET": [
    { permission: "case.read", target: "team", request: async (w) => { const a = await newAttachment(w); return { url: `${BASE}/dossiers/${a.caseId}/documents/${a.id}/apercu`, params: { id: a.caseId, pieceId: a.id } }; } },
  ],
  "app/(app)/dossiers/[id]/documents/televerser/route.ts#POST": [
    {
      permission: "attachments.manage",
      target: "team",
      request: async (w) => {
        const caseId = (await w.newCase("SUPPORTED")).id;
        const form = new FormData();
        form.set("kind", "LEASE");
        form.set("documentOn", w.iso(-3));
        form.set("fichier", new File([new TextEncoder().encode("%PDF-1.4\n%walk\n")], "bail.pdf", { type: "application/pdf" }));
        return { url: `${BASE}/dossiers/${caseId}/documents/televerser`, params: { id: caseId }, init: { method: "POST", body: form, headers: { origin: BASE, host: "localhost:3000", accept: "application/json" } } };
      },
      // A reader of the case whose role may not add is told so (403); anyone else: "not found".
      refused: (res) => res.status === 404 || res.status === 403,
    },
  ],
  // Issue 18: the service worker's script (built at build time, no data) and "is the server there?" (204, no data).
  "app/serwist/[path]/route.ts#GET": [],
  "app/(app)/hors-ligne/envoi/route.ts#GET": [],
  "app/(app)/hors-ligne/envoi/route.ts#POST": [
    {
      // Issue 18: the phone's outbox. Every entry is answered (200); X-Envoi-Enregistrees counts those recorded.
      permission: "outreach.record",
      target: "team",
      request: async (w, walker) => {
        const c = await w.newCase("IDENTIFIED");
        const item = { clientId: `walk-${walker}-${c.id}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 64), workerId: w.users[walker].id, fields: { caseId: c.id, version: String(c.version), kind: "LETTER_LANDLORD", day: w.iso(-1), time: "10:30" } };
        return { url: `${BASE}/hors-ligne/envoi`, init: { method: "POST", body: JSON.stringify({ items: [item] }), headers: { origin: BASE, host: "localhost:3000", "content-type": "application/json" } } };
      },
      allowed: (res) => res.status === 200 && res.headers.get("x-envoi-enregistrees") === "1",
      refused: (res) => res.status === 200 && res.headers.get("x-envoi-enregistrees") === "0",
    },
  ],
  "app/(app)/courriers/dossiers/[id]/pdf/route.ts#GET": [
    { permission: "letters.prepare", target: "team", request: async (w) => { const id = await caseIdOf(w, "IDENTIFIED"); return { url: `${BASE}/courriers/dossiers/${id}/pdf?courrier=premier-courrier`, params: { id } }; } },
  ],
  "app/(app)/courriers/lot/pdf/route.ts#GET": [
    { permission: "letters.prepare", target: "own", request: async (w) => { await w.newCase("IDENTIFIED"); return { url: `${BASE}/courriers/lot/pdf?courrier=premier-courrier&lot=a-envoyer` }; } },
  ],
  "app/(app)/indicateurs/export/[fichier]/route.ts#GET": [
    { permission: "indicators.read", target: "own", request: async () => ({ url: `${BASE}/indicateurs/export/indicateurs.csv`, params: { fichier: "indicateurs.csv" } }) },
    { permission: "indicators.exportCases", target: "own", request: async () => ({ url: `${BASE}/indicateurs/export/dossiers.csv`, params: { fichier: "dossiers.csv" } }) },
  ],
  "app/(app)/dossiers/[id]/orientations/[referralId]/pdf/route.ts#GET": [
    { permission: "case.read", target: "team", request: async (w) => { const r = await w.newReferral(); return { url: `${BASE}/dossiers/${r.caseId}/orientations/${r.referralId}/pdf`, params: { id: r.caseId, referralId: r.referralId } }; } },
  ],
  "app/(app)/dossiers/[id]/ce-qui-va-se-passer/pdf/route.ts#GET": [
    { permission: "case.read", target: "team", request: async (w) => { const id = await caseIdOf(w, "SUPPORTED", true); return { url: `${BASE}/dossiers/${id}/ce-qui-va-se-passer/pdf`, params: { id } }; } },
  ],
  // The private calendar feed: the token in the address is the credential (tests/integration/referrals.test.ts checks a revoked one gives 404).
  "app/agenda/[token]/route.ts#GET": [
    { permission: "public", request: async (w, walker) => { const token = await w.calendarToken(walker); return { url: `${BASE}/agenda/${token}.ics`, params: { token: `${token}.ics` } }; } },
  ],
  "app/(app)/import/[id]/rejets/route.ts#GET": [
    // The rejected rows carry names: the import area's people (issue 14).
    { permission: "import.run", target: "team", request: async (w) => ({ url: `${BASE}/import/${w.importBatchId}/rejets`, params: { id: w.importBatchId } }) },
  ],
  "app/(app)/import/televerser/route.ts#POST": [
    {
      permission: "import.run",
      target: "team",
      request: async (w) => {
        const form = new FormData();
        form.set("equipe", w.teamA.id);
        form.set("fichier", new File([CSV], "liste.csv", { type: "text/csv" }));
        return { url: `${BASE}/import/televerser`, init: { method: "POST", body: form, headers: { origin: BASE, host: "localhost:3000" } } };
      },
      allowed: (res) => res.status === 303 && !(res.headers.get("location") ?? "").includes("erreur="),
      refused: (res) => res.status === 303 && (res.headers.get("location") ?? "").includes("erreur=equipe"),
    },
  ],
  "app/(app)/import/executer/route.ts#POST": [
    {
      permission: "import.run",
      target: "team",
      request: async (w, walker) => {
        const sha = await saveUpload(db, w.users[walker].id, { fileName: "liste.csv", teamId: w.teamA.id, bytes: new TextEncoder().encode(CSV) }, new Date());
        const form = new FormData();
        form.set("fichier", sha);
        return { url: `${BASE}/import/executer`, init: { method: "POST", body: form, headers: { origin: BASE, host: "localhost:3000" } } };
      },
      allowed: (res) => res.status === 303 && /\/import\/[^/?]+$/.test(res.headers.get("location") ?? ""),
      refused: (res) => res.status === 303 && (res.headers.get("location") ?? "").includes("erreur=equipe"),
    },
  ],
};
