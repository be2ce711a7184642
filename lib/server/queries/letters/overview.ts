import "server-only";
import { LETTER_KINDS, type LetterKind } from "@/lib/domain/letters/kinds";
import { canEditLetterTemplates, canPrepareLetters, canRecordLetters } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { parisToday } from "@/lib/utils/dates";
import { dueWhere, parisDayBounds, selectionWhere } from "./batches";

// Reads for the letters (issue 7): the "Courriers" page's overview (what is
// due, the latest imported lists) and the team whose letters the actor works on.

export interface ImportBatchSummary {
  id: string;
  fileName: string;
  importedAt: Date;
  caseCount: number;
  firstLettersDue: number;
  landlordLettersDue: number;
}

export interface LettersOverview {
  teamId: string;
  teamName: string;
  today: Date;
  /** Due letters of the whole caseload, per kind. */
  due: Record<LetterKind, number>;
  /** Lists imported today (Paris day), with their due first letters. */
  todayImports: { lists: number; firstLettersDue: number; landlordLettersDue: number };
  /** The latest imported lists. */
  imports: ImportBatchSummary[];
  canRecord: boolean;
  canEditTemplates: boolean;
}

/** The "Courriers" page: what is due, and the latest imported lists. */
export async function getLettersOverview(db: Db, actor: Actor, teamId: string, now: Date, importsShown = 10): Promise<LettersOverview | null> {
  if (!canPrepareLetters(actor, teamId)) return null;
  const today = parisToday(now);
  const count = (where: Prisma.CaseWhereInput) => db.case.count({ where: { teamId, ...where } });
  const todayWhere = selectionWhere({ by: "today" }, today);
  // Issue 17: the reads together (on PostgreSQL they run in parallel), not one after the other.
  const [team, dueCounts, todayLists, batches] = await Promise.all([
    db.team.findUnique({ where: { id: teamId }, select: { name: true } }),
    Promise.all(LETTER_KINDS.map((kind) => count(dueWhere(kind, today)))),
    db.importBatch.count({ where: { teamId, importedAt: parisDayBounds(today) } }),
    db.importBatch.findMany({
      where: { teamId },
      orderBy: { importedAt: "desc" },
      take: importsShown,
      select: { id: true, fileName: true, importedAt: true, _count: { select: { cases: true } } },
    }),
  ]);
  if (!team) return null;
  const due = Object.fromEntries(LETTER_KINDS.map((kind, i) => [kind, dueCounts[i]!])) as Record<LetterKind, number>;
  const [todayFirst, todayLandlord, perBatch] = await Promise.all([
    todayLists ? count({ ...todayWhere, ...dueWhere("TENANT_FIRST_LETTER", today) }) : 0,
    todayLists ? count({ ...todayWhere, ...dueWhere("LANDLORD_LETTER", today) }) : 0,
    Promise.all(
      batches.map((b) =>
        Promise.all([count({ importBatchId: b.id, ...dueWhere("TENANT_FIRST_LETTER", today) }), count({ importBatchId: b.id, ...dueWhere("LANDLORD_LETTER", today) })]),
      ),
    ),
  ]);
  const todayImports = { lists: todayLists, firstLettersDue: todayFirst, landlordLettersDue: todayLandlord };
  const imports: ImportBatchSummary[] = batches.map((b, i) => ({
    id: b.id,
    fileName: b.fileName,
    importedAt: b.importedAt,
    caseCount: b._count.cases,
    firstLettersDue: perBatch[i]![0],
    landlordLettersDue: perBatch[i]![1],
  }));
  return {
    teamId,
    teamName: team.name,
    today,
    due,
    todayImports,
    imports,
    canRecord: canRecordLetters(actor, teamId),
    canEditTemplates: canEditLetterTemplates(actor, teamId),
  };
}

/** The team whose letters the actor works on: their first team where they may see cases. */
export function lettersTeamId(actor: Actor & { teams?: { id: string }[] }): string | null {
  return actor.teamIds.find((t) => canPrepareLetters(actor, t)) ?? null;
}
