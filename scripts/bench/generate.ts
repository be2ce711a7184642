// A national-scale caseload for the benchmarks: N cases spread over several
// teams, each with the full history the factories plan (outreach events,
// procedure acts, support), in the proportions of the Essonne report.
//
// Planning 100 000 cases one by one with planCaseAtState takes minutes (it
// draws a random cuid for every row), so a few thousand cases are planned
// once ("templates", coherent histories by construction) and each case of the
// caseload is a copy of one with fresh ids, its own team, sector, landlord and
// staff. Copies keep the template's dates: the histories stay coherent.
import { randomBytes } from "node:crypto";

import type { CaseState } from "@/lib/generated/prisma/enums";
import { essonneSpecs, openedDaysAgo, stageFor, HELD, isSupported, type Spec } from "@/prisma/scenarios/essonne";
import { addDays, parisDayOf } from "@/tests/factories/calendar";
import { planCaseAtState, type CasePlan } from "@/tests/factories/case-at-state";
import { planLandlord } from "@/tests/factories/landlord";
import { ESSONNE_TOWNS } from "@/tests/factories/places";
import { createRng, type Rng } from "@/tests/factories/random";

import type { Row } from "./bulk-insert";

export interface BenchTeam {
  id: string;
  name: string;
  sectors: Array<{ id: string; name: string }>;
  coordinatorId: string;
  workerIds: string[];
  juristId: string;
}

/** Rows per table, in foreign-key order (the order to insert them). */
export type TableRows = Array<[table: string, rows: Row[]]>;

/** Cuid-shaped ids (25 characters, "c" + base 36) drawn from one buffer: millions per second. */
export function idFactory(): () => string {
  let buffer = Buffer.alloc(0);
  let offset = 0;
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  return () => {
    if (offset + 24 > buffer.length) {
      buffer = randomBytes(24 * 65_536);
      offset = 0;
    }
    let id = "c";
    for (let i = 0; i < 24; i++) id += alphabet[(buffer[offset + i] as number) % 36];
    offset += 24;
    return id;
  };
}

const PLACEHOLDER = { team: "<team>", sector: "<sector>", landlord: "<landlord>", worker: "<worker>", jurist: "<jurist>", coordinator: "<coordinator>" };

/** Outcomes in the report's proportions, plus the states the report has none of (just identified, between visits). */
function templateSpecs(count: number, rng: Rng): Spec[] {
  const report = essonneSpecs();
  const extra: Spec[] = [{ state: "IDENTIFIED" }, { state: "VISIT_1_FAILED" }, { state: "VISIT_2_FAILED" }];
  return Array.from({ length: count }, (_, i) => (rng.chance(0.06) ? (extra[i % 3] as Spec) : (report[i % report.length] as Spec)));
}

/** `count` coherent cases planned by the factories, with placeholders for the team's ids. */
export function planTemplates(count: number, now: Date, seed = 600_000): CasePlan[] {
  const rng = createRng(seed);
  const today = parisDayOf(now);
  return templateSpecs(count, rng).map((spec) => {
    const caseRng = rng.fork();
    const daysAgo = spec.state === "IDENTIFIED" ? caseRng.int(1, 6) : spec.state.startsWith("VISIT") ? caseRng.int(20, 60) : openedDaysAgo(spec, caseRng, 540);
    const stage = stageFor(spec, daysAgo, caseRng);
    const held = HELD.includes(stage);
    const supported = isSupported(spec);
    const present = held && supported && caseRng.chance(0.15);
    const town = caseRng.pick(ESSONNE_TOWNS);
    return planCaseAtState({
      teamId: PLACEHOLDER.team,
      state: spec.state as CaseState,
      closureReason: spec.closureReason,
      contactAfter: spec.contactAfter,
      closedFrom: spec.closedFrom,
      stage,
      openedOn: addDays(today, -daysAgo),
      now,
      landlordId: PLACEHOLDER.landlord,
      landlordContact: spec.state !== "IDENTIFIED" && caseRng.chance(0.1),
      town,
      sectorId: town.sector,
      assignedWorkerId: spec.state === "IDENTIFIED" ? null : PLACEHOLDER.worker,
      assignedJuristId: stage !== "COMMANDEMENT_DE_PAYER" && (supported || caseRng.chance(0.4)) ? PLACEHOLDER.jurist : null,
      createdById: PLACEHOLDER.coordinator,
      householdPresent: held ? present : undefined,
      juristPresent: held ? present && caseRng.chance(0.5) : undefined,
      dsf: stage !== "COMMANDEMENT_DE_PAYER" && caseRng.chance(0.3),
      rng: caseRng,
    });
  });
}

const ID_KEYS = ["id", "caseId", "householdId", "leaseId", "periodId"] as const;
const USER_KEYS = ["createdById", "authorId", "assignedWorkerId", "assignedJuristId"] as const;

/**
 * The rows of `count` cases for one team, copies of the templates (taken in
 * turn from `offset`) with fresh ids. `landlords` are the team's landlord ids.
 */
export function caseRows(opts: {
  templates: ReadonlyArray<CasePlan>;
  offset: number;
  count: number;
  team: BenchTeam;
  landlords: ReadonlyArray<string>;
  now: Date;
  rng: Rng;
  newId: () => string;
}): TableRows {
  const { templates, team, landlords, now, rng, newId } = opts;
  const sectorByName = new Map(team.sectors.map((s) => [s.name, s.id]));
  const tables = {
    Household: [] as Row[],
    Occupant: [] as Row[],
    Lease: [] as Row[],
    Case: [] as Row[],
    OutreachEvent: [] as Row[],
    ProcedureEvent: [] as Row[],
    SupportPeriod: [] as Row[],
    SupportWeek: [] as Row[],
    Diagnostic: [] as Row[],
    AidRequest: [] as Row[],
  };
  for (let i = 0; i < opts.count; i++) {
    const plan = templates[(opts.offset + i) % templates.length] as CasePlan;
    const ids = new Map<string, string>();
    const worker = rng.pick(team.workerIds);
    const users: Record<string, string> = { [PLACEHOLDER.worker]: worker, [PLACEHOLDER.jurist]: team.juristId, [PLACEHOLDER.coordinator]: team.coordinatorId };
    const copy = (row: object, extra: Row = {}): Row => {
      const out: Row = { ...row, ...extra };
      for (const key of ID_KEYS) {
        const value = out[key];
        if (typeof value === "string") {
          let fresh = ids.get(value);
          if (!fresh) ids.set(value, (fresh = newId()));
          out[key] = fresh;
        }
      }
      for (const key of USER_KEYS) {
        const value = out[key];
        if (typeof value === "string") out[key] = users[value] ?? value;
      }
      if (out.teamId === PLACEHOLDER.team) out.teamId = team.id;
      return out;
    };
    tables.Household.push(copy(plan.household.household, { updatedAt: now }));
    for (const o of plan.household.occupants) tables.Occupant.push(copy(o));
    tables.Lease.push(copy(plan.lease, { landlordId: rng.pick(landlords) }));
    const sector = plan.case.sectorId ? (sectorByName.get(plan.case.sectorId) ?? null) : null;
    tables.Case.push(copy(plan.case, { sectorId: sector, updatedAt: now }));
    for (const e of plan.outreachEvents) tables.OutreachEvent.push(copy(e));
    for (const e of plan.procedureEvents) tables.ProcedureEvent.push(copy(e));
    for (const p of plan.supportPeriods) tables.SupportPeriod.push(copy(p));
    for (const w of plan.supportWeeks) tables.SupportWeek.push(copy(w));
    for (const d of plan.diagnostics) tables.Diagnostic.push(copy(d, { updatedAt: now }));
    for (const a of plan.aidRequests) tables.AidRequest.push(copy(a, { updatedAt: now }));
  }
  return Object.entries(tables);
}

/** The team's landlords: about one for 1.2 households, so agencies manage several. */
export function landlordRows(teamId: string, count: number, now: Date, rng: Rng, newId: () => string): Row[] {
  const kinds = ["PRIVATE_PERSON", "PRIVATE_PERSON", "PRIVATE_PERSON", "FAMILY_SCI", "AGENCY", "LEGAL_PERSON"] as const;
  return Array.from({ length: count }, () => ({
    ...planLandlord({ teamId, kind: rng.pick(kinds), town: rng.pick(ESSONNE_TOWNS), rng }),
    id: newId(),
    updatedAt: now,
  }));
}
