import type { ReferralIndicators } from "./referrals";
import {
  CLOSURE_CATEGORY_LABELS,
  CLOSURE_REASON_LABELS,
  codes,
  type CaseState,
  type ClosureCategory,
  type ClosureReason,
  type LandlordKind,
  type OutreachKind,
  type ProcedureStage,
} from "@/lib/domain/labels";
import { OPEN_STATES, type OpenState } from "@/lib/domain/outreach/states";
import { daysBetween, parisInstant, parisToday } from "@/lib/utils/dates";

import type { IndicatorScope } from "./filter";
import { closureCategories, STAGE_GROUPS, STAGE_OF_STATE, type StageGroup } from "./stages";

/**
 * THE definition of every evaluation indicator (shared/domain/indicators.md),
 * as pure functions over plain case records. The dashboard computes the same
 * numbers in the database (lib/server/queries/indicators.ts, aggregate SQL);
 * tests/integration/indicators.test.ts checks that both agree on a generated
 * caseload. Change a rule here first, then the SQL, then the test will tell.
 *
 * Two kinds of figures, both for a scope (period [from, to], teams, sector,
 * landlord kind):
 *
 * 1. The caseload of the period, as of its last day `to`.
 *    - A case is in the period's caseload when it was opened on or before
 *      `to` and was not already closed before `from`: every case the team
 *      worked on during the period. "Cases" = in progress + closed.
 *    - Its state is the state it was in at the end of `to` (Paris): the
 *      `toState` of its last outreach event dated that day or before, or
 *      IDENTIFIED when it had none yet. A report on 2025 printed in March 2026
 *      shows 2025, not today. Closed = that state is CLOSED (so closed during
 *      the period); the reason is that closure's reason.
 *    - Supported ("accompagné") = the household was in contact on or before
 *      `to` (Case.firstContactOn; a fact that closure does not undo).
 *    - Landlords, joint visits, hearings, first contact: what those cases had
 *      by `to`.
 * 2. Activity in the period: acts dated within [from, to] on those cases
 *    (diagnostics, support weeks; what a funder pays for), and the monthly
 *    inflow (cases opened) and closures.
 *
 * Counts are of cases ("situations"): one case is one household's situation,
 * as in the Essonne report (425 situations). Landlords are counted once each.
 */

export interface IndicatorOutreachEvent {
  id: string;
  kind: OutreachKind;
  occurredAt: Date;
  /** Tie-breaker for events at the same instant (the order they were recorded). */
  createdAt: Date;
  toState: CaseState;
  closureReason: ClosureReason | null;
  jointVisit: boolean;
}

export interface IndicatorProcedureEvent {
  stage: ProcedureStage;
  date: Date;
  householdPresent: boolean | null;
  juristPresent: boolean | null;
}

export interface IndicatorDiagnostic {
  kind: "FLASH" | "IN_DEPTH";
  doneOn: Date;
  jointVisit: boolean;
}

/** A case as the definitions read it: a few columns and its dated facts. */
export interface IndicatorCase {
  id: string;
  teamId: string;
  sectorId: string | null;
  /** The landlord of the case's lease (null: no lease on file). */
  landlordId: string | null;
  landlordKind: LandlordKind | null;
  openedOn: Date;
  eligible: boolean;
  /** Case.supported and Case.firstContactOn: the day the household first took contact. */
  supported: boolean;
  firstContactOn: Date | null;
  outreachEvents: readonly IndicatorOutreachEvent[];
  procedureEvents: readonly IndicatorProcedureEvent[];
  diagnostics: readonly IndicatorDiagnostic[];
  /** SupportWeek.weekOf of every support week of the case. */
  supportWeeks: readonly Date[];
}

export interface MonthCount {
  /** "2025-03". */
  month: string;
  opened: number;
  closed: number;
}

export interface Indicators {
  cases: {
    /** The period's caseload: in progress + closed. */
    total: number;
    /** Opened within [from, to] (the inflow; everything when from is null). */
    opened: number;
    /** Case.eligible: private sector, right stage, not already followed. */
    eligible: number;
    inProgress: number;
    closed: number;
  };
  inProgressByState: Record<OpenState, number>;
  inProgressByStage: Record<StageGroup, number>;
  supported: { total: number; inProgress: number; closed: number };
  closureReasons: Record<ClosureReason, number>;
  /** Not a partition: see closureCategories(). */
  closureCategories: Record<ClosureCategory, number>;
  landlords: {
    /** Distinct landlords of the caseload's leases. */
    concerned: number;
    /** Of those, written to (a LANDLORD_LETTER event by `to`). */
    contacted: number;
    /** Of those contacted, the ones who took contact (a LANDLORD_CONTACT event by `to`). */
    answered: number;
  };
  /**
   * Cases with at least one joint home visit (ADIL jurist + association) by
   * `to`: an outreach VISIT recorded as joint, or a diagnostic made jointly
   * (diagnostics are made at home). Counted once per case, split like the
   * Essonne report (14 in progress, 15 closed).
   */
  jointVisits: { inProgress: number; closed: number };
  hearings: {
    /** Cases with a hearing held by `to` (a HEARING act dated on or before `to`). */
    held: number;
    /** Of those, the household was present at a hearing (householdPresent). */
    householdPresent: number;
    /** Of those present, at a hearing where the ADIL jurist was too. */
    withJurist: number;
    /** The household had taken contact strictly before its first hearing held. */
    metBefore: number;
  };
  firstContact: {
    /** Cases in contact by `to`. */
    count: number;
    /** Median of (firstContactOn − openedOn) in days; halfway between the two middle values for an even count. */
    medianDays: number | null;
  };
  /** Activity within [from, to]. */
  diagnostics: { flash: number; inDepth: number };
  supportWeeks: { weeks: number; cases: number };
  /** Every month of the period (from the first case's month when from is null). */
  monthly: MonthCount[];
  /** Referrals to partners (issue 20), computed apart (./referrals.ts) and added by the dashboard and the exports. */
  referrals?: ReferralIndicators;
}

export const CLOSURE_REASONS: readonly ClosureReason[] = codes(CLOSURE_REASON_LABELS);
export const CLOSURE_CATEGORIES: readonly ClosureCategory[] = codes(CLOSURE_CATEGORY_LABELS);

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The end of the calendar day `day` in Paris: events before this instant happened by `day`. */
export function endOfParisDay(day: Date): Date {
  const next = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1));
  return parisInstant(next, "00:00") as Date;
}

/** The case's workflow state at the end of `to`, and its closure when closed. */
export function stateAsOf(c: Pick<IndicatorCase, "outreachEvents">, to: Date): { state: CaseState; closedOn: Date | null; reason: ClosureReason | null } {
  const end = endOfParisDay(to).getTime();
  let last: IndicatorOutreachEvent | null = null;
  for (const e of c.outreachEvents) {
    if (e.occurredAt.getTime() >= end) continue;
    if (!last || compareEvents(e, last) > 0) last = e;
  }
  if (!last) return { state: "IDENTIFIED", closedOn: null, reason: null };
  const closed = last.toState === "CLOSED";
  return { state: last.toState, closedOn: closed ? parisToday(last.occurredAt) : null, reason: closed ? last.closureReason : null };
}

/** Recording order: instant, then when it was recorded, then id (the SQL's ORDER BY). */
function compareEvents(a: IndicatorOutreachEvent, b: IndicatorOutreachEvent): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface CaseAsOf {
  case: IndicatorCase;
  state: CaseState;
  closedOn: Date | null;
  reason: ClosureReason | null;
  supported: boolean;
}

/** Does the case belong to the scope's slice (teams, sector, landlord kind)? */
export function inSlice(c: IndicatorCase, scope: IndicatorScope): boolean {
  if (!scope.teamIds.includes(c.teamId)) return false;
  if (scope.sectorId !== null && c.sectorId !== scope.sectorId) return false;
  if (scope.landlordKind !== null && c.landlordKind !== scope.landlordKind) return false;
  return true;
}

/** The period's caseload (see the header), each case with its situation as of `to`. */
export function caseloadOf(cases: readonly IndicatorCase[], scope: IndicatorScope): CaseAsOf[] {
  const out: CaseAsOf[] = [];
  for (const c of cases) {
    if (!inSlice(c, scope) || c.openedOn > scope.to) continue;
    const s = stateAsOf(c, scope.to);
    if (s.state === "CLOSED" && scope.from && (s.closedOn as Date) < scope.from) continue;
    out.push({ case: c, ...s, supported: c.supported && c.firstContactOn !== null && c.firstContactOn <= scope.to });
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** "2025-03" of a calendar day. */
export function monthOf(day: Date): string {
  return day.toISOString().slice(0, 7);
}

/**
 * Every month from `from` (or the earliest month with a count) to `to`, with
 * the given counts and zeroes elsewhere. Shared by the definition and the SQL
 * path, so both fill the same months.
 */
export function fillMonths(from: Date | null, to: Date, counts: readonly MonthCount[]): MonthCount[] {
  const byMonth = new Map(counts.map((m) => [m.month, m]));
  const first = from ? monthOf(from) : counts.map((m) => m.month).sort()[0];
  if (!first) return [];
  const last = monthOf(to);
  const out: MonthCount[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > last) break;
    out.push({ month: key, opened: byMonth.get(key)?.opened ?? 0, closed: byMonth.get(key)?.closed ?? 0 });
    m += 1;
    if (m > 12) {
      y += 1;
      m = 1;
    }
  }
  return out;
}

/** Every indicator of the scope, from plain case records. The reference the SQL is tested against. */
export function computeIndicatorsFromCases(cases: readonly IndicatorCase[], scope: IndicatorScope): Indicators {
  const { from, to } = scope;
  const end = endOfParisDay(to).getTime();
  const inPeriod = (day: Date) => (!from || day >= from) && day <= to;
  const caseload = caseloadOf(cases, scope);

  const result: Indicators = {
    cases: { total: caseload.length, opened: 0, eligible: 0, inProgress: 0, closed: 0 },
    inProgressByState: zeroes(OPEN_STATES),
    inProgressByStage: zeroes(STAGE_GROUPS),
    supported: { total: 0, inProgress: 0, closed: 0 },
    closureReasons: zeroes(CLOSURE_REASONS),
    closureCategories: zeroes(CLOSURE_CATEGORIES),
    landlords: { concerned: 0, contacted: 0, answered: 0 },
    jointVisits: { inProgress: 0, closed: 0 },
    hearings: { held: 0, householdPresent: 0, withJurist: 0, metBefore: 0 },
    firstContact: { count: 0, medianDays: null },
    diagnostics: { flash: 0, inDepth: 0 },
    supportWeeks: { weeks: 0, cases: 0 },
    monthly: [],
  };
  const concerned = new Set<string>();
  const contacted = new Set<string>();
  const answered = new Set<string>();
  const contactDays: number[] = [];
  const months = new Map<string, MonthCount>();
  const month = (day: Date) => {
    const key = monthOf(day);
    let m = months.get(key);
    if (!m) months.set(key, (m = { month: key, opened: 0, closed: 0 }));
    return m;
  };

  for (const { case: c, state, closedOn, reason, supported } of caseload) {
    const closed = state === "CLOSED";
    if (inPeriod(c.openedOn)) {
      result.cases.opened += 1;
      month(c.openedOn).opened += 1;
    }
    if (c.eligible) result.cases.eligible += 1;
    if (closed) {
      result.cases.closed += 1;
      month(closedOn as Date).closed += 1;
      if (reason) result.closureReasons[reason] += 1;
      for (const category of closureCategories(supported, reason)) result.closureCategories[category] += 1;
    } else {
      result.cases.inProgress += 1;
      result.inProgressByState[state as OpenState] += 1;
      result.inProgressByStage[STAGE_OF_STATE[state as OpenState]] += 1;
    }
    if (supported) {
      result.supported.total += 1;
      result.supported[closed ? "closed" : "inProgress"] += 1;
      result.firstContact.count += 1;
      contactDays.push(daysBetween(c.openedOn, c.firstContactOn as Date));
    }

    const byTo = c.outreachEvents.filter((e) => e.occurredAt.getTime() < end);
    if (c.landlordId) {
      concerned.add(c.landlordId);
      if (byTo.some((e) => e.kind === "LETTER_LANDLORD")) contacted.add(c.landlordId);
      if (byTo.some((e) => e.kind === "LANDLORD_CONTACT")) answered.add(c.landlordId);
    }
    const joint =
      byTo.some((e) => e.kind === "VISIT" && e.jointVisit) || c.diagnostics.some((d) => d.jointVisit && d.doneOn <= to);
    if (joint) result.jointVisits[closed ? "closed" : "inProgress"] += 1;

    const hearings = c.procedureEvents.filter((p) => p.stage === "HEARING" && p.date <= to);
    if (hearings.length) {
      result.hearings.held += 1;
      if (hearings.some((h) => h.householdPresent === true)) result.hearings.householdPresent += 1;
      if (hearings.some((h) => h.householdPresent === true && h.juristPresent === true)) result.hearings.withJurist += 1;
      const first = hearings.reduce((a, b) => (b.date < a ? b.date : a), (hearings[0] as IndicatorProcedureEvent).date);
      if (supported && (c.firstContactOn as Date) < first) result.hearings.metBefore += 1;
    }

    for (const d of c.diagnostics) {
      if (inPeriod(d.doneOn)) result.diagnostics[d.kind === "FLASH" ? "flash" : "inDepth"] += 1;
    }
    const weeks = c.supportWeeks.filter(inPeriod).length;
    result.supportWeeks.weeks += weeks;
    if (weeks) result.supportWeeks.cases += 1;
  }

  result.landlords = { concerned: concerned.size, contacted: contacted.size, answered: [...answered].filter((id) => contacted.has(id)).length };
  result.firstContact.medianDays = median(contactDays);
  result.monthly = fillMonths(from, to, [...months.values()]);
  return result;
}
