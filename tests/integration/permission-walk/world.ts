/**
 * The world the permission walk and the hostile-input test act on: team A
 * (the target) with one user per role, team B (another team, whose users
 * guess team A's ids), and helpers that make a FRESH target for each call,
 * so that an allowed call succeeds on its own and a refused one can be told
 * from a domain refusal.
 */
import type { CaseState } from "@/lib/domain/labels";
import type { Actor, Role } from "@/lib/domain/roles";
import { ledgerLineToken } from "@/lib/domain/hearing/ledger";
import { db } from "@/lib/server/db";
import type { CurrentUser } from "@/lib/server/session";
import { letterheadToken } from "@/lib/server/queries/letters/letterhead";
import { createCalendarToken } from "@/lib/server/services/manage-reminders";
import { parisToday } from "@/lib/utils/dates";
import { addDays, calendarDate, toIsoDate } from "../../factories/calendar";
import { caseAtState } from "../../factories/case-at-state";
import { createFunderAgreement } from "../../factories/funder-agreement";
import { createTeam, demoContact } from "../../factories/team";
import { createUser } from "../../factories/user";

export const WALK_ROLES = ["SOCIAL_WORKER", "JURIST", "COORDINATOR", "ADMIN", "FUNDER_VIEWER"] as const;
/** Team A's five roles, then users of team B who guess team A's ids. */
export const WALKERS = [...WALK_ROLES.map((r) => `A:${r}` as const), "B:COORDINATOR", "B:ADMIN", "B:SOCIAL_WORKER"] as const;
export type Walker = (typeof WALKERS)[number];

export interface World {
  teamA: { id: string; sectorId: string };
  teamB: { id: string };
  users: Record<Walker, CurrentUser>;
  today: Date;
  iso: (offsetDays: number) => string;
  /** A fresh case of team A in this state (SUPPORTED: contact made, support possible). */
  newCase: (state?: CaseState, extra?: { hearing?: boolean }) => Promise<{ id: string; version: number }>;
  newSupportPeriod: () => Promise<{ caseId: string; periodId: string; version: number }>;
  newLedgerLine: () => Promise<{ caseId: string; lineId: string; token: string }>;
  newInvitedUser: () => Promise<{ id: string }>;
  newMember: () => Promise<{ id: string }>;
  /** Issue 15: a partner organisation of team A, and a sector of team A with no case. */
  newOrganisation: () => Promise<{ id: string }>;
  newEmptySector: () => Promise<{ id: string }>;
  letterheadToken: () => Promise<string>;
  templateVersion: (kind: string) => Promise<number>;
  agreementId: string;
  importBatchId: string;
  counter: () => number;
  /** Issue 20: a partner of team A, a fresh referral, the sheet texts' version, a calendar token. */
  partnerId: () => Promise<string>;
  newReferral: () => Promise<{ caseId: string; referralId: string }>;
  sheetVersion: () => Promise<number>;
  calendarToken: (walker: Walker) => Promise<string>;
}

function currentUser(u: { id: string; name: string; email: string; role: Role }, team: { id: string; name: string }): CurrentUser {
  return { id: u.id, name: u.name, email: u.email, role: u.role, teams: [team], teamIds: [team.id] };
}

export function asActor(u: CurrentUser): Actor {
  return { id: u.id, role: u.role, teamIds: u.teamIds };
}

export async function buildWorld(): Promise<World> {
  const now = new Date();
  const today = parisToday(now);
  const a = await createTeam(db, { name: "Équipe A (cible)", sectors: ["Nord"], contact: demoContact("91") });
  const b = await createTeam(db, { name: "Équipe B (autre)", departement: "62", contact: demoContact("62") });
  const users = {} as Record<Walker, CurrentUser>;
  for (const walker of WALKERS) {
    const [teamKey, role] = walker.split(":") as ["A" | "B", Role];
    const team = teamKey === "A" ? a : b;
    const u = await createUser(db, { role, teamId: team.id });
    users[walker] = currentUser(u, team);
  }
  let n = 0;
  const counter = () => ++n;
  const opened = addDays(today, -60);
  const newCase: World["newCase"] = async (state = "FIRST_LETTER_SENT", extra = {}) => {
    const c = await caseAtState(db, {
      teamId: a.id,
      state,
      openedOn: opened,
      now,
      ...(extra.hearing ? { stage: "ASSIGNATION" as const, hearingOn: addDays(today, 40) } : {}),
      ...(state === "CLOSED" ? { closureReason: "NO_CONTACT" as const } : {}),
      ...(state === "SUPPORTED" ? { supportWeeks: 0, diagnostic: null } : {}),
    });
    return { id: c.id, version: c.version };
  };
  const agreement = await createFunderAgreement(db, {
    teamId: a.id,
    funderName: "DDETS (walk)",
    periodStart: calendarDate(today.getUTCFullYear(), 1, 1),
    periodEnd: calendarDate(today.getUTCFullYear(), 12, 31),
    rates: { FLASH_DIAGNOSTIC: 15000, IN_DEPTH_DIAGNOSTIC: 37000, SUPPORT_WEEK: 5500 },
  });
  const partner = await db.partner.create({ data: { teamId: a.id, kind: "CCAS", name: "CCAS (walk)", email: "ccas@walk.maintien.fr" } });
  // Team B has letters due too, so its own batches are not empty.
  await caseAtState(db, { teamId: b.id, state: "IDENTIFIED", openedOn: opened, now });
  const batch = await db.importBatch.create({
    data: {
      teamId: a.id,
      fileName: "liste.csv",
      fileSha256: "0".repeat(64),
      totalRows: 1,
      createdCount: 0,
      updatedCount: 0,
      skippedCount: 0,
      rejectedCount: 1,
      report: { version: 1, headers: ["Nom", "Adresse"], rows: [{ rowNumber: 2, status: "rejected", errors: [], cells: ["DUPONT Jean", ""] }] },
    },
  });
  return {
    teamA: { id: a.id, sectorId: a.sectors[0]!.id },
    teamB: { id: b.id },
    users,
    today,
    iso: (offset) => toIsoDate(addDays(today, offset)),
    newCase,
    newSupportPeriod: async () => {
      const c = await newCase("SUPPORTED");
      const period = await db.supportPeriod.create({ data: { caseId: c.id, startedOn: addDays(today, -14) } });
      return { caseId: c.id, periodId: period.id, version: c.version };
    },
    newLedgerLine: async () => {
      const c = await newCase("SUPPORTED", { hearing: true });
      const line = await db.rentLedgerLine.create({
        data: { caseId: c.id, month: calendarDate(today.getUTCFullYear() - 1, 3, 1), rentDueCents: 60000, chargesDueCents: 5000, paidCents: 0, housingBenefitCents: 0 },
      });
      return { caseId: c.id, lineId: line.id, token: ledgerLineToken(line) };
    },
    newInvitedUser: async () => {
      const u = await createUser(db, { role: "SOCIAL_WORKER", teamId: a.id });
      await db.user.update({ where: { id: u.id }, data: { active: false, invitationTokenHash: `walk-${u.id}`, invitationExpiresAt: addDays(now, 7) } });
      return { id: u.id };
    },
    newMember: async () => {
      const u = await createUser(db, { role: "SOCIAL_WORKER", teamId: a.id });
      await db.user.update({ where: { id: u.id }, data: { failedLoginCount: 5, lockedUntil: new Date(now.getTime() + 600_000) } });
      return { id: u.id };
    },
    newOrganisation: async () => {
      const o = await db.organisation.create({ data: { name: `CCAS ${++n}`, kind: "CCAS" } });
      await db.teamOrganisation.create({ data: { teamId: a.id, organisationId: o.id } });
      return { id: o.id };
    },
    newEmptySector: async () => db.sector.create({ data: { teamId: a.id, name: `Secteur vide ${++n}` }, select: { id: true } }),
    letterheadToken: async () => {
      const team = await db.team.findUniqueOrThrow({ where: { id: a.id } });
      return letterheadToken({
        letterheadName: team.letterheadName,
        letterheadAddress: team.letterheadAddress,
        letterheadPhone: team.letterheadPhone,
        letterheadEmail: team.letterheadEmail,
        letterSignature: team.letterSignature,
      } as Parameters<typeof letterheadToken>[0]);
    },
    templateVersion: async (kind) => {
      const t = await db.letterTemplate.findFirst({ where: { teamId: a.id, kind: kind as never } });
      return t?.version ?? 0;
    },
    agreementId: agreement.id,
    importBatchId: batch.id,
    counter,
    partnerId: async () => partner.id,
    newReferral: async () => {
      const c = await newCase("SUPPORTED");
      const r = await db.referral.create({ data: { teamId: a.id, caseId: c.id, partnerId: partner.id, referredOn: addDays(today, -20), reason: "Walk", consent: "NONE" } });
      return { caseId: c.id, referralId: r.id };
    },
    sheetVersion: async () => (await db.householdSheetTemplate.findFirst({ where: { teamId: a.id }, orderBy: { version: "desc" }, select: { version: true } }))?.version ?? 0,
    calendarToken: async (walker) => (await createCalendarToken(db, users[walker], now)).token,
  };
}

/** The row counts of every table a write touches: equal before and after means nothing was written. */
export async function snapshotCounts(): Promise<Record<string, number>> {
  const [audit, cases, households, outreach, procedure, diagnostics, periods, weeks, aids, ledger, agreements, templates, users, teams] = await Promise.all([
    db.auditLog.count(),
    db.case.count(),
    db.household.count(),
    db.outreachEvent.count(),
    db.procedureEvent.count(),
    db.diagnostic.count(),
    db.supportPeriod.count(),
    db.supportWeek.count(),
    db.aidRequest.count(),
    db.rentLedgerLine.count(),
    db.funderAgreement.count(),
    db.letterTemplate.count(),
    db.user.count(),
    db.team.count(),
  ]);
  const [partners, referrals, sheetTemplates, referralVersions] = await Promise.all([
    db.partner.count(),
    db.referral.count(),
    db.householdSheetTemplate.count(),
    db.referral.aggregate({ _sum: { version: true } }),
  ]);
  return { audit, cases, households, outreach, procedure, diagnostics, periods, weeks, aids, ledger, agreements, templates, users, teams, partners, referrals, sheetTemplates, referralVersions: referralVersions._sum.version ?? 0 };
}
