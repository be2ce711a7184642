import "server-only";
import { decideRows, planLandlords, type ConflictResolution, type ExistingCase, type LandlordPlan, type RowDecision } from "@/lib/domain/import/matching";
import { readTable, type RejectedRow } from "@/lib/domain/import/table";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDay, parisToday } from "@/lib/utils/dates";
import { readSpreadsheet, type ReadResult } from "./read-file";
import { sha256Hex } from "./upload-store";

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
  /** The file as read at upload (upload-store.ts): given, the file is not parsed again. */
  parsed?: ReadResult | null;
  /** The coordinator's decisions on reference conflicts, by row number (issue 14). */
  conflicts?: ReadonlyMap<number, ConflictResolution>;
}

export type ImportPlan =
  | { ok: false; message: string }
  | {
      ok: true;
      fileName: string;
      sha256: string;
      format: "csv" | "xlsx";
      encoding: string | null;
      delimiter: string | null;
      headers: string[];
      ignoredColumns: string[];
      /** Rows that are not blank. */
      totalRows: number;
      decisions: RowDecision[];
      rejected: RejectedRow[];
      landlords: LandlordPlan;
      cellsOf: (rowNumber: number) => string[];
      /** Earlier imports of the very same file by this team. */
      previousImports: { id: string; importedAt: Date; importedByName: string | null; createdCount: number }[];
      counts: { create: number; update: number; skip: number; reject: number };
    };

/**
 * Reads the file and decides each row against the team's cases and
 * landlords, as they are in `db` (the import calls it inside its
 * transaction, the preview outside any). Writes nothing. The caller has
 * checked that the actor may import for the team.
 */
export async function planImport(db: Prisma.TransactionClient, teamId: string, file: ImportFile, now: Date): Promise<ImportPlan> {
  const read = file.parsed ?? (await readSpreadsheet(file.bytes, file.fileName));
  if (!read.ok) return read;
  const table = readTable(read.rows, parisToday(now));
  if (!table.ok) return table;

  const [cases, landlords, previous] = await Promise.all([
    db.case.findMany({
      where: { teamId },
      select: {
        id: true,
        number: true,
        version: true,
        state: true,
        householdId: true,
        procedureRef: true,
        courtName: true,
        debtCents: true,
        household: {
          select: {
            addressLine: true,
            postcode: true,
            phone: true,
            email: true,
            occupants: { where: { role: "TENANT" }, select: { firstName: true, lastName: true }, orderBy: { position: "asc" }, take: 1 },
          },
        },
        procedureEvents: { select: { stage: true, date: true } },
      },
    }),
    db.landlord.findMany({ where: { teamId }, select: { id: true, name: true, kind: true, postcode: true, addressLine: true, city: true, phone: true, email: true } }),
    db.importBatch.findMany({
      where: { teamId, fileSha256: sha256Hex(file.bytes) },
      select: { id: true, importedAt: true, createdCount: true, importedBy: { select: { name: true } } },
      orderBy: { importedAt: "desc" },
    }),
  ]);

  const existing: ExistingCase[] = cases.map((c) => ({
    id: c.id,
    number: c.number,
    version: c.version,
    closed: c.state === "CLOSED",
    householdId: c.householdId,
    procedureRef: c.procedureRef,
    courtName: c.courtName,
    debtCents: c.debtCents,
    tenant: c.household.occupants[0] ?? null,
    addressLine: c.household.addressLine,
    postcode: c.household.postcode,
    phone: c.household.phone,
    email: c.household.email,
    events: c.procedureEvents,
  }));

  const decisions = decideRows(table.valid, existing, formatDay, file.conflicts);
  const toCreate = decisions.filter((d) => d.action === "create").map((d) => d.row);
  const counts = { create: 0, update: 0, skip: 0, reject: table.rejected.length };
  for (const d of decisions) counts[d.action] += 1;

  return {
    ok: true,
    fileName: file.fileName,
    sha256: sha256Hex(file.bytes),
    format: read.format,
    encoding: read.encoding ?? null,
    delimiter: read.delimiter ?? null,
    headers: table.headers,
    ignoredColumns: table.mapping.ignored,
    totalRows: table.totalRows,
    decisions,
    rejected: table.rejected,
    landlords: planLandlords(toCreate, landlords),
    cellsOf: table.cellsOf,
    previousImports: previous.map((p) => ({ id: p.id, importedAt: p.importedAt, importedByName: p.importedBy?.name ?? null, createdCount: p.createdCount })),
    counts,
  };
}
