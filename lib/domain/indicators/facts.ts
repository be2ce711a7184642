import type { CaseState, ClosureReason, LandlordKind } from "@/lib/domain/labels";
import { parisToday } from "@/lib/utils/dates";

import type { IndicatorCase, IndicatorOutreachEvent } from "./definitions";

/**
 * The facts the indicators need, one narrow row per case (issue 17,
 * decision 035): what the `CaseFacts` table holds. The database keeps that
 * table with triggers (migration issue17_case_facts, function
 * maintien_refresh_case_facts); this function is the reference it is tested
 * against (tests/integration/case-facts.test.ts): the facts of a case are a
 * function of its columns and its events, nothing else.
 *
 * Instants and days are kept, never "as of today" flags, so every period's
 * "as of its last day" still holds: e.g. the landlord was written to by `to`
 * when `landlordLetterAt` is before the end of `to`.
 */
export interface CaseFacts {
  caseId: string;
  teamId: string;
  sectorId: string | null;
  landlordId: string | null;
  landlordKind: LandlordKind | null;
  openedOn: Date;
  eligible: boolean;
  supported: boolean;
  firstContactOn: Date | null;
  firstLetterAt: Date | null;
  visits: number;
  firstVisitAt: Date | null;
  jointVisitAt: Date | null;
  landlordLetterAt: Date | null;
  landlordContactAt: Date | null;
  /** The latest occurredAt of the outreach events: before the end of a period, `state` is the state as of it. */
  lastEventAt: Date | null;
  /** toState of the last event in recording order (IDENTIFIED with none), and its closure. */
  state: CaseState;
  closedOn: Date | null;
  closureReason: ClosureReason | null;
  supportStartedOn: Date | null;
  /** endedOn of the latest support period (null while it runs). */
  supportEndedOn: Date | null;
  flashDiagnosticDays: Date[];
  inDepthDiagnosticDays: Date[];
  jointDiagnosticOn: Date | null;
  supportWeekDays: Date[];
  firstHearingOn: Date | null;
  presentHearingOn: Date | null;
  juristHearingOn: Date | null;
}

export interface CaseFactsSource extends IndicatorCase {
  supportPeriods: ReadonlyArray<{ id: string; startedOn: Date; endedOn: Date | null }>;
}

const minDate = (dates: ReadonlyArray<Date>): Date | null =>
  dates.reduce<Date | null>((a, b) => (a === null || b.getTime() < a.getTime() ? b : a), null);
const maxDate = (dates: ReadonlyArray<Date>): Date | null =>
  dates.reduce<Date | null>((a, b) => (a === null || b.getTime() > a.getTime() ? b : a), null);
const sortedDays = (dates: ReadonlyArray<Date>): Date[] => [...dates].sort((a, b) => a.getTime() - b.getTime());

/** Recording order, as the SQL's ORDER BY "occurredAt", "createdAt", id. */
function compareEvents(a: IndicatorOutreachEvent, b: IndicatorOutreachEvent): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function lastEvent(events: readonly IndicatorOutreachEvent[]): IndicatorOutreachEvent | null {
  let last: IndicatorOutreachEvent | null = null;
  for (const e of events) if (!last || compareEvents(e, last) > 0) last = e;
  return last;
}

/** The facts row of one case, computed from its columns and its events. */
export function caseFactsOf(c: CaseFactsSource): CaseFacts {
  const ev = c.outreachEvents;
  const at = (pred: (e: IndicatorOutreachEvent) => boolean) => minDate(ev.filter(pred).map((e) => e.occurredAt));
  const last = lastEvent(ev);
  const closed = last?.toState === "CLOSED";
  const hearings = c.procedureEvents.filter((p) => p.stage === "HEARING");
  const latestPeriod = [...c.supportPeriods].sort(
    (a, b) => b.startedOn.getTime() - a.startedOn.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0),
  )[0];
  return {
    caseId: c.id,
    teamId: c.teamId,
    sectorId: c.sectorId,
    landlordId: c.landlordId,
    landlordKind: c.landlordKind,
    openedOn: c.openedOn,
    eligible: c.eligible,
    supported: c.supported,
    firstContactOn: c.firstContactOn,
    firstLetterAt: at((e) => e.kind === "LETTER_TENANT"),
    visits: ev.filter((e) => e.kind === "VISIT").length,
    firstVisitAt: at((e) => e.kind === "VISIT"),
    jointVisitAt: at((e) => e.kind === "VISIT" && e.jointVisit),
    landlordLetterAt: at((e) => e.kind === "LETTER_LANDLORD"),
    landlordContactAt: at((e) => e.kind === "LANDLORD_CONTACT"),
    lastEventAt: maxDate(ev.map((e) => e.occurredAt)),
    state: last?.toState ?? "IDENTIFIED",
    closedOn: closed && last ? parisToday(last.occurredAt) : null,
    closureReason: closed && last ? last.closureReason : null,
    supportStartedOn: minDate(c.supportPeriods.map((p) => p.startedOn)),
    supportEndedOn: latestPeriod?.endedOn ?? null,
    flashDiagnosticDays: sortedDays(c.diagnostics.filter((d) => d.kind === "FLASH").map((d) => d.doneOn)),
    inDepthDiagnosticDays: sortedDays(c.diagnostics.filter((d) => d.kind === "IN_DEPTH").map((d) => d.doneOn)),
    jointDiagnosticOn: minDate(c.diagnostics.filter((d) => d.jointVisit).map((d) => d.doneOn)),
    supportWeekDays: sortedDays(c.supportWeeks),
    firstHearingOn: minDate(hearings.map((h) => h.date)),
    presentHearingOn: minDate(hearings.filter((h) => h.householdPresent === true).map((h) => h.date)),
    juristHearingOn: minDate(hearings.filter((h) => h.householdPresent === true && h.juristPresent === true).map((h) => h.date)),
  };
}
