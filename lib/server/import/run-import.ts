import "server-only";
import { randomBytes } from "node:crypto";
import type { LandlordKind, ProcedureStage } from "@/lib/domain/labels";
import { nextDeadline, PROCEDURE_DEADLINES_VERSION, procedureDeadlines } from "@/lib/domain/procedure/deadline-list";
import { procedureFacts } from "@/lib/domain/procedure/facts";
import type { RowDecision } from "@/lib/domain/import/matching";
import type { ImportReport, ReportRow } from "@/lib/domain/import/report";
import { canImport } from "@/lib/domain/permissions";
import { stageReached } from "@/lib/domain/procedure/stages";
import type { Actor } from "@/lib/domain/roles";
import { buildSearchText, buildSortName } from "@/lib/domain/search-text";
import { sectorForAddress } from "@/lib/domain/teams/sectors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, notFound } from "@/lib/server/errors";
import { refreshDeadlinesForCases } from "@/lib/server/services/refresh-deadlines";
import { loadTeamProcedureSettings } from "@/lib/server/procedure-settings";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import { bulkInsert, sqlDay, type BulkValue } from "./bulk-insert";
import { planImport, type ImportFile, type ImportPlan } from "./plan-import";

export interface ImportProgress {
  /** Rows written so far among those to write (created + updated). */
  done: number;
  total: number;
}

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Called for every accepted row as it is prepared for writing, inside the
   * transaction. Tests throw from it to prove that a crash in the middle
   * leaves nothing written.
   */
  beforeRow?: (rowNumber: number) => void;
  /** Rows written per round of inserts (default 1000). */
  chunkSize?: number;
}

export interface ImportResult {
  batchId: string;
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  rejectedCount: number;
}

/**
 * A large list is written in one transaction: it needs more than the
 * client's default 20 s, and waits its turn like any other write.
 */
export const IMPORT_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 180_000 } as const;

const DEFAULT_CHUNK = 1000;

/**
 * Row ids chosen before inserting, so each table takes one statement per
 * chunk (cuid-shaped, like the factories' ids). Random bytes are drawn in
 * blocks: one randomBytes call per id cost more than a second for a
 * 10 000-row list (bench).
 */
let counter = 0;
let pool = Buffer.alloc(0);
let poolAt = 0;
function newId(): string {
  if (poolAt + 12 > pool.length) {
    pool = randomBytes(12 * 4096);
    poolAt = 0;
  }
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  let random = "";
  for (let i = 0; i < 12; i += 1) random += (pool[poolAt + i]! % 36).toString(36);
  poolAt += 12;
  return `c${time}${counter.toString(36).padStart(4, "0")}${random}`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function latestHearing(events: ReadonlyArray<{ stage: ProcedureStage; date: Date }>): Date | null {
  let latest: Date | null = null;
  for (const e of events) if (e.stage === "HEARING" && (!latest || e.date > latest)) latest = e.date;
  return latest;
}

/** The rows not imported, with their reasons and cells, for ImportBatch.report and the CSV. */
export function buildReport(plan: Extract<ImportPlan, { ok: true }>): ImportReport {
  const rows: ReportRow[] = [
    ...plan.rejected.map((r): ReportRow => ({ rowNumber: r.rowNumber, status: "rejected", errors: r.errors, cells: r.cells })),
    ...plan.decisions
      .filter((d): d is Extract<RowDecision, { action: "skip" }> => d.action === "skip")
      .map((d): ReportRow => ({ rowNumber: d.row.rowNumber, status: "skipped", reason: d.reason, caseNumber: d.caseNumber, cells: plan.cellsOf(d.row.rowNumber) })),
  ].sort((a, b) => a.rowNumber - b.rowNumber);
  return { version: 1, headers: plan.headers, rows };
}

/**
 * Imports a préfecture list for a team: every accepted row in ONE
 * transaction (all or nothing). New rows create household, occupants,
 * landlord (or reuse the team's), lease, case (source PREFECTURE_LIST, tied
 * to the batch) and the procedure events of the act and the hearing; matched
 * rows add to their case only the facts it lacks; the batch row keeps the
 * counts, the file's SHA-256 and the report of the rows not imported. Audit
 * rows are written in the same transaction, in bulk.
 *
 * The plan is made again inside the transaction (an advisory lock per team
 * serialises imports), so the rows written are decided against the database
 * as it is when writing, not as it was at preview time.
 */
export async function importList(db: Db, actor: Actor, input: { teamId: string } & ImportFile, now: Date, hooks: ImportHooks = {}): Promise<ImportResult> {
  if (!canImport(actor, input.teamId)) throw notFound("Cette équipe");
  const today = parisToday(now);
  const chunkSize = hooks.chunkSize ?? DEFAULT_CHUNK;

  return db.$transaction(async (tx) => {
    // Two imports for one team at once would both create the same households.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`maintien-import:${input.teamId}`}))::text AS locked`;

    const plan = await planImport(tx, input.teamId, input, now);
    if (!plan.ok) throw new ExpectedError("INVALID_STEP", plan.message);
    const creates = plan.decisions.filter((d): d is Extract<RowDecision, { action: "create" }> => d.action === "create");
    const updates = plan.decisions.filter((d): d is Extract<RowDecision, { action: "update" }> => d.action === "update");
    const total = creates.length + updates.length;
    let done = 0;
    hooks.onProgress?.({ done, total });

    const batchId = newId();
    const report = buildReport(plan);
    await tx.importBatch.create({
      data: {
        id: batchId,
        teamId: input.teamId,
        fileName: input.fileName.slice(0, 255),
        fileSha256: plan.sha256,
        importedById: actor.id,
        importedAt: now,
        totalRows: plan.totalRows,
        createdCount: creates.length,
        updatedCount: updates.length,
        skippedCount: plan.counts.skip,
        rejectedCount: plan.counts.reject,
        report: report as unknown as Prisma.InputJsonValue,
      },
    });
    const audits: Prisma.AuditLogCreateManyInput[] = [
      {
        userId: actor.id,
        action: "import.create",
        entity: "ImportBatch",
        entityId: batchId,
        after: {
          fileName: input.fileName,
          fileSha256: plan.sha256,
          totalRows: plan.totalRows,
          ...plan.counts,
          // Issue 14: every reference conflict and what the coordinator chose (null: no choice, the row was skipped).
          conflicts: plan.decisions.filter((d) => d.conflict).map((d) => ({ rowNumber: d.row.rowNumber, caseId: d.conflict!.caseId, choice: d.conflict!.choice ?? "IGNORE", decided: d.conflict!.choice !== null })),
        },
      },
    ];

    // Landlords new to the team, then the team's landlords whose blanks the list fills.
    const stamp = now.toISOString();
    const landlordIds = new Map<string, string>();
    const landlordKinds = new Map<string, LandlordKind>();
    // Issue 13: the deadlines are computed with the team's settings.
    const teamSettings = await loadTeamProcedureSettings(tx, input.teamId);
    const newLandlords = [...plan.landlords.toCreate].map(([key, l]) => {
      const id = newId();
      landlordIds.set(key, id);
      landlordKinds.set(id, l.kind);
      return { id, teamId: input.teamId, kind: l.kind, name: l.name, addressLine: l.addressLine, postcode: l.postcode, city: l.city, phone: l.phone, email: l.email, searchText: buildSearchText([l.name, l.city]), createdAt: stamp, updatedAt: stamp };
    });
    await bulkInsert(tx, "Landlord", newLandlords);
    for (const l of newLandlords) audits.push({ userId: actor.id, action: "landlord.create", entity: "Landlord", entityId: l.id, after: { kind: l.kind, name: l.name, importBatchId: batchId } });
    for (const [id, fill] of plan.landlords.toComplete) {
      await tx.landlord.update({ where: { id }, data: fill });
      audits.push({ userId: actor.id, action: "landlord.import-complete", entity: "Landlord", entityId: id, after: { ...fill, importBatchId: batchId } });
    }
    const existingKinds = new Map(plan.landlords.existingKinds);
    // Issue 15: each new case goes to the sector covering its postcode or commune.
    const sectors = await tx.sector.findMany({ where: { teamId: input.teamId }, select: { id: true, name: true, postcodes: true, communes: true } });

    // New households, in chunks: one statement per table and chunk (bulk-insert.ts).
    for (const part of chunks(creates, chunkSize)) {
      const households: Record<string, BulkValue>[] = [];
      const occupants: Record<string, BulkValue>[] = [];
      const leases: Record<string, BulkValue>[] = [];
      const cases: Record<string, BulkValue>[] = [];
      const events: Record<string, BulkValue>[] = [];
      const deadlines: Record<string, BulkValue>[] = [];
      for (const d of part) {
        const r = d.row;
        hooks.beforeRow?.(r.rowNumber);
        const householdId = newId();
        const leaseId = newId();
        const caseId = newId();
        const landlordRef = plan.landlords.byRow.get(r.rowNumber);
        const landlordId = landlordRef && ("existingId" in landlordRef ? landlordRef.existingId : landlordIds.get(landlordRef.newKey));
        if (!landlordId) throw new Error(`Import: no landlord planned for row ${r.rowNumber}`);
        const people = [r.tenant, ...(r.coTenant ? [r.coTenant] : [])];
        households.push({
          id: householdId,
          teamId: input.teamId,
          addressLine: r.addressLine,
          addressExtra: r.addressExtra,
          postcode: r.postcode,
          city: r.city,
          phone: r.phone,
          email: r.email,
          searchText: buildSearchText([...people.flatMap((p) => [p.firstName, p.lastName]), r.addressLine, r.postcode, r.city]),
          sortName: buildSortName(r.tenant.lastName, r.tenant.firstName),
          createdAt: stamp,
          updatedAt: stamp,
        });
        people.forEach((p, position) =>
          occupants.push({ id: newId(), householdId, role: position === 0 ? "TENANT" : "CO_TENANT", firstName: p.firstName, lastName: p.lastName, isChild: false, position }),
        );
        leases.push({ id: leaseId, householdId, landlordId, signedOn: sqlDay(r.leaseSignedOn), rentCents: r.rentCents, chargesCents: r.chargesCents ?? 0, createdAt: stamp });
        const caseEvents = [
          { stage: r.stage as ProcedureStage, date: r.actDate, reference: r.procedureRef, courtName: r.courtName },
          ...(r.hearingOn ? [{ stage: "HEARING" as ProcedureStage, date: r.hearingOn, reference: null, courtName: r.courtName }] : []),
        ];
        // The procedure deadlines, computed from the same facts as refreshDeadlinesForCases
        // (lib/server/services/refresh-deadlines.ts, decision 008), without reading back
        // what was just written: 10 000 cases must take seconds, not minutes.
        const caseDeadlines = procedureDeadlines(
          procedureFacts({
            events: caseEvents.map((e) => ({ stage: e.stage, date: e.date, delayMonths: null })),
            leaseSignedOn: r.leaseSignedOn,
            landlordKind: landlordKinds.get(landlordId) ?? existingKinds.get(landlordId) ?? null,
            monthlyRentCents: r.rentCents,
            debtCents: r.debtCents,
            householdMet: false,
          }),
          teamSettings,
        );
        const next = nextDeadline(caseDeadlines, today);
        for (const dl of caseDeadlines) {
          deadlines.push({ id: newId(), caseId, kind: dl.kind, on: sqlDay(dl.on), ruleId: dl.ruleId, expiresOn: sqlDay(dl.expiresOn ?? null) });
        }
        cases.push({
          id: caseId,
          teamId: input.teamId,
          householdId,
          leaseId,
          sectorId: sectorForAddress(sectors, { postcode: r.postcode, city: r.city }),
          state: "IDENTIFIED",
          source: "PREFECTURE_LIST",
          openedOn: sqlDay(today),
          stage: stageReached(caseEvents, today),
          hearingOn: sqlDay(latestHearing(caseEvents)),
          debtCents: r.debtCents,
          debtOn: r.debtCents !== null ? sqlDay(today) : null,
          procedureRef: r.procedureRef,
          courtName: r.courtName,
          eligible: d.eligible,
          eligibilityNote: d.eligibilityNote,
          nextDeadlineOn: sqlDay(next?.on),
          nextDeadlineKind: next?.kind ?? null,
          nextDeadlineExpiresOn: sqlDay(next?.expiresOn ?? null),
          deadlinesVersion: PROCEDURE_DEADLINES_VERSION,
          importBatchId: batchId,
          createdAt: stamp,
          updatedAt: stamp,
        });
        for (const e of caseEvents) events.push({ id: newId(), caseId, stage: e.stage, date: sqlDay(e.date), reference: e.reference, courtName: e.courtName, createdById: actor.id, createdAt: stamp });
        audits.push({
          userId: actor.id,
          action: "case.create",
          entity: "Case",
          entityId: caseId,
          caseId,
          after: {
            source: "PREFECTURE_LIST",
            importBatchId: batchId,
            rowNumber: r.rowNumber,
            householdId,
            leaseId,
            landlordId,
            occupants: people.length,
            eligible: d.eligible,
            ...(d.conflict ? { conflictChoice: d.conflict.choice, conflictingCaseId: d.conflict.caseId } : {}),
          },
        });
      }
      await bulkInsert(tx, "Household", households);
      await bulkInsert(tx, "Occupant", occupants);
      await bulkInsert(tx, "Lease", leases);
      await bulkInsert(tx, "Case", cases);
      await bulkInsert(tx, "ProcedureEvent", events);
      await bulkInsert(tx, "CaseDeadline", deadlines);
      done += part.length;
      hooks.onProgress?.({ done, total });
    }

    // Matched cases: only the facts they lack, guarded by their version (decision 005).
    for (const d of updates) {
      hooks.beforeRow?.(d.row.rowNumber);
      const current = await tx.case.findUniqueOrThrow({ where: { id: d.caseId }, select: { version: true, householdId: true, stage: true, hearingOn: true, procedureEvents: { select: { stage: true, date: true } } } });
      const allEvents = [...current.procedureEvents, ...d.changes.events];
      const stage = stageReached(allEvents, today);
      const hearingOn = latestHearing(allEvents);
      const updated = await tx.case.updateMany({
        where: { id: d.caseId, version: current.version },
        data: {
          stage,
          hearingOn,
          ...(d.changes.procedureRef ? { procedureRef: d.changes.procedureRef } : {}),
          ...(d.changes.courtName ? { courtName: d.changes.courtName } : {}),
          ...(d.changes.debtCents !== undefined ? { debtCents: d.changes.debtCents, debtOn: today } : {}),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw conflict("Un dossier a été modifié pendant l'import : rien n'a été enregistré, relancez l'import.");
      if (d.changes.phone || d.changes.email) {
        await tx.household.update({ where: { id: current.householdId }, data: { ...(d.changes.phone ? { phone: d.changes.phone } : {}), ...(d.changes.email ? { email: d.changes.email } : {}) } });
      }
      if (d.changes.events.length > 0) {
        await tx.procedureEvent.createMany({ data: d.changes.events.map((e) => ({ id: newId(), caseId: d.caseId, ...e, createdById: actor.id })) });
      }
      audits.push({
        userId: actor.id,
        action: "case.import-update",
        entity: "Case",
        entityId: d.caseId,
        caseId: d.caseId,
        before: { stage: current.stage, hearingOn: current.hearingOn ? toIsoDay(current.hearingOn) : null, version: current.version },
        after: {
          importBatchId: batchId,
          rowNumber: d.row.rowNumber,
          ...(d.conflict ? { conflictChoice: d.conflict.choice } : {}),
          added: d.described,
          events: d.changes.events.map((e) => ({ stage: e.stage, date: toIsoDay(e.date) })),
          stage,
          hearingOn: hearingOn ? toIsoDay(hearingOn) : null,
          version: current.version + 1,
        },
      });
      done += 1;
      if (done % 100 === 0 && done < total) hooks.onProgress?.({ done, total });
    }
    if (updates.length > 0) {
      await refreshDeadlinesForCases(tx, updates.map((d) => d.caseId), today);
      hooks.onProgress?.({ done, total });
    }

    // Audit rows in bulk, in the same transaction (what writeAudit does one row at a time).
    await bulkInsert(
      tx,
      "AuditLog",
      audits.map((a) => ({ id: newId(), at: stamp, userId: a.userId ?? null, action: a.action, entity: a.entity, entityId: a.entityId, caseId: a.caseId ?? null, before: (a.before ?? null) as BulkValue, after: (a.after ?? null) as BulkValue })),
    );

    return {
      batchId,
      totalRows: plan.totalRows,
      createdCount: creates.length,
      updatedCount: updates.length,
      skippedCount: plan.counts.skip,
      rejectedCount: plan.counts.reject,
    };
  }, IMPORT_TRANSACTION_OPTIONS);
}
