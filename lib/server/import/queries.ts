import "server-only";
import type { ImportReport } from "@/lib/domain/import/report";
import { canImport } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";

export interface ImportBatchSummary {
  id: string;
  fileName: string;
  importedAt: Date;
  importedByName: string | null;
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  rejectedCount: number;
}

const SUMMARY = {
  id: true,
  fileName: true,
  importedAt: true,
  totalRows: true,
  createdCount: true,
  updatedCount: true,
  skippedCount: true,
  rejectedCount: true,
  importedBy: { select: { name: true } },
} as const;

/** The team's latest imports, for the import page. */
export async function listImportBatches(db: Db, actor: Actor, teamId: string, take = 10): Promise<ImportBatchSummary[]> {
  if (!canImport(actor, teamId)) return [];
  const rows = await db.importBatch.findMany({ where: { teamId }, select: SUMMARY, orderBy: { importedAt: "desc" }, take });
  return rows.map(({ importedBy, ...r }) => ({ ...r, importedByName: importedBy?.name ?? null }));
}

export interface ImportBatchDetail extends ImportBatchSummary {
  teamId: string;
  cases: {
    id: string;
    number: number;
    tenantName: string;
    address: string;
    eligible: boolean;
    eligibilityNote: string | null;
    hearingOn: Date | null;
  }[];
}

/**
 * One import and the cases it created; null when unknown or of a team the
 * actor may not see (same answer: another team must not learn it exists).
 */
export async function getImportBatch(db: Db, actor: Actor, id: string): Promise<ImportBatchDetail | null> {
  const batch = await db.importBatch.findUnique({ where: { id }, select: { ...SUMMARY, teamId: true } });
  if (!batch || !canImport(actor, batch.teamId)) return null;
  const cases = await db.case.findMany({
    where: { importBatchId: id, teamId: batch.teamId },
    select: {
      id: true,
      number: true,
      eligible: true,
      eligibilityNote: true,
      hearingOn: true,
      household: {
        select: { addressLine: true, postcode: true, city: true, anonymisedAt: true, occupants: { where: { role: "TENANT" }, select: { firstName: true, lastName: true }, take: 1 } },
      },
    },
    orderBy: { number: "asc" },
  });
  const { importedBy, ...rest } = batch;
  return {
    ...rest,
    importedByName: importedBy?.name ?? null,
    cases: cases.map((c) => {
      const tenant = c.household.occupants[0];
      return {
        id: c.id,
        number: c.number,
        tenantName: c.household.anonymisedAt ? "Ménage anonymisé" : tenant ? `${tenant.lastName} ${tenant.firstName}`.trim() : "",
        address: c.household.anonymisedAt ? "" : `${c.household.addressLine}, ${c.household.postcode} ${c.household.city}`,
        eligible: c.eligible,
        eligibilityNote: c.eligibilityNote,
        hearingOn: c.hearingOn,
      };
    }),
  };
}

/** The report of the rows an import did not write, for the CSV download; null as above. */
export async function getImportReport(db: Db, actor: Actor, id: string): Promise<{ fileName: string; report: ImportReport } | null> {
  const batch = await db.importBatch.findUnique({ where: { id }, select: { teamId: true, fileName: true, report: true } });
  if (!batch || !canImport(actor, batch.teamId)) return null;
  const report = (batch.report as unknown as ImportReport | null) ?? { version: 1, headers: [], rows: [] };
  return { fileName: batch.fileName, report };
}
