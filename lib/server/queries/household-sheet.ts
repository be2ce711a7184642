import "server-only";
import { composeHouseholdSheet, type HouseholdSheet } from "@/lib/domain/household-sheet/compose";
import { sheetDates } from "@/lib/domain/household-sheet/sheet-dates";
import { blocksFrom, DEFAULT_HOTLINE, type SheetBlocks } from "@/lib/domain/household-sheet/template";
import { canEditHouseholdSheet, canViewCases } from "@/lib/domain/permissions";
import { procedureFacts } from "@/lib/domain/procedure/facts";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { readLetterhead } from "@/lib/server/queries/letters/letterhead";
import { teamDisplayName } from "@/lib/domain/letters/compose";
import { parisToday } from "@/lib/utils/dates";

/**
 * "Ce qui va se passer" for one case (issue 20): the procedure's acts on file
 * → the engine (through the sheet's one adapter) → the team's current texts →
 * the sheet. Null when the case does not exist or the actor may not see it.
 */

export interface SheetTemplateVersion {
  version: number;
  blocks: SheetBlocks;
  note: string | null;
  authorName: string | null;
  createdAt: Date | null;
}

/** The team's current texts: the latest saved version, or the app's defaults (version 0). */
export async function currentSheetTemplate(db: Db, teamId: string): Promise<SheetTemplateVersion> {
  const row = await db.householdSheetTemplate.findFirst({
    where: { teamId },
    orderBy: { version: "desc" },
    select: { version: true, blocks: true, note: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return row
    ? { version: row.version, blocks: blocksFrom(row.blocks), note: row.note, authorName: row.createdBy?.name ?? null, createdAt: row.createdAt }
    : { version: 0, blocks: blocksFrom(null), note: null, authorName: null, createdAt: null };
}

/** Every saved version, newest first (the review history). */
export async function listSheetTemplateVersions(db: Db, actor: Actor, teamId: string): Promise<SheetTemplateVersion[] | null> {
  if (!canEditHouseholdSheet(actor, teamId)) return null;
  const rows = await db.householdSheetTemplate.findMany({
    where: { teamId },
    orderBy: { version: "desc" },
    take: 50,
    select: { version: true, blocks: true, note: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({ version: r.version, blocks: blocksFrom(r.blocks), note: r.note, authorName: r.createdBy?.name ?? null, createdAt: r.createdAt }));
}

export function hotlineFromEnv(env: Record<string, string | undefined> = process.env) {
  const phone = env.HOTLINE_PHONE?.trim();
  return phone ? { ...DEFAULT_HOTLINE, phone } : DEFAULT_HOTLINE;
}

export interface CaseSheet {
  caseId: string;
  number: number;
  sheet: HouseholdSheet;
  householdPhone: string | null;
}

export async function getHouseholdSheet(db: Db, actor: Actor, caseId: string, now: Date): Promise<CaseSheet | null> {
  if (caseId.length > 64) return null;
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      number: true,
      teamId: true,
      supported: true,
      debtCents: true,
      courtName: true,
      household: { select: { phone: true } },
      lease: { select: { signedOn: true, rentCents: true, landlord: { select: { kind: true } } } },
      procedureEvents: { select: { stage: true, date: true, delayMonths: true, courtName: true }, orderBy: { date: "asc" } },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) return null;
  const today = parisToday(now);
  const facts = procedureFacts({
    events: c.procedureEvents,
    leaseSignedOn: c.lease?.signedOn ?? null,
    landlordKind: c.lease?.landlord?.kind ?? null,
    monthlyRentCents: c.lease?.rentCents ?? null,
    debtCents: c.debtCents,
    householdMet: c.supported,
  });
  const [head, template, adil] = await Promise.all([
    readLetterhead(db, c.teamId),
    currentSheetTemplate(db, c.teamId),
    db.partner.findFirst({ where: { teamId: c.teamId, kind: "ADIL", active: true }, orderBy: { name: "asc" }, select: { name: true, phone: true, email: true, openingHours: true } }),
  ]);
  if (!head) return null;
  const hearingCourt = [...c.procedureEvents].reverse().find((e) => e.stage === "HEARING" && e.courtName)?.courtName ?? c.courtName;
  const sheet = composeHouseholdSheet(
    {
      dates: sheetDates(facts, today),
      blocks: template.blocks,
      team: { name: teamDisplayName(head) || head.teamName, phone: head.phone, email: head.email },
      adil: adil ? { name: adil.name, phone: adil.phone, email: adil.email, hours: adil.openingHours } : null,
      hotline: hotlineFromEnv(),
      courtName: hearingCourt ?? null,
      templateVersion: template.version,
    },
    today,
  );
  return { caseId: c.id, number: c.number, sheet, householdPhone: c.household.phone };
}
