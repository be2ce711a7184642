import "server-only";
import type { AidKind, AidStatus, CaseState, DiagnosticKind, SupportOutcome } from "@/lib/domain/labels";
import { canRecordSupport, canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { isSupportAidKind, supportStepRefusal, type SupportStep } from "@/lib/domain/support/access";
import { supportWeekToken } from "@/lib/domain/support/fingerprint";
import { readAmounts, remainingIncome, type AmountsBySource, type RemainingIncome } from "@/lib/domain/support/budget";
import { suggestedWeek, weeksUsage, mondayOf, addDays, type WeeksUsage } from "@/lib/domain/support/weeks";
import type { Db } from "@/lib/server/db";
import { parisToday } from "@/lib/utils/dates";

export interface DiagnosticView {
  id: string;
  token: string;
  kind: DiagnosticKind;
  doneOn: Date;
  jointVisit: boolean;
  adults: number | null;
  children: number | null;
  resources: AmountsBySource;
  charges: AmountsBySource;
  /** Stored keys whose value is not an amount: shown, never silently dropped. */
  invalidAmounts: string[];
  rentCents: number | null;
  housingBenefitCents: number | null;
  debtsCents: number | null;
  housingCondition: string | null;
  wishes: string | null;
  analysis: string | null;
  recommendations: string | null;
  authorName: string | null;
  remaining: RemainingIncome | null;
}

export interface SupportWeekView {
  id: string;
  token: string;
  weekOf: Date;
  actions: string;
  authorName: string | null;
}

export interface SupportPeriodView {
  id: string;
  startedOn: Date;
  endedOn: Date | null;
  outcome: SupportOutcome | null;
  outcomeNote: string | null;
  /** Oldest first. */
  weeks: SupportWeekView[];
  /** Mondays that may still be recorded in this period (not recorded for the household, not in the future). */
  weekChoices: Date[];
  suggestedWeek: Date | null;
}

export interface AidRequestView {
  id: string;
  token: string;
  kind: AidKind;
  status: AidStatus;
  amountCents: number | null;
  filedOn: Date | null;
  decidedOn: Date | null;
  note: string | null;
  /** The hearing file's requests are shown here but kept there. */
  inHearingFile: boolean;
}

export interface CaseSupport {
  caseId: string;
  number: number;
  version: number;
  state: CaseState;
  today: Date;
  householdName: string;
  /** Persons on file, to prefill a first diagnostic. */
  occupants: { adults: number; children: number };
  leaseRentCents: number | null;
  firstContactOn: Date | null;
  canRecord: boolean;
  /** Why each step is refused now (state or role), null when allowed. */
  refusals: Record<SupportStep, string | null>;
  diagnostics: DiagnosticView[];
  /** Newest first. */
  periods: SupportPeriodView[];
  /** Weeks of the household, all cases: the 8-week cap. */
  usage: WeeksUsage;
  /** Weeks recorded for the household under its other cases. */
  otherCasesWeeks: number;
  aidRequests: AidRequestView[];
  /** Hearings on file with the attendance recorded in the procedure section (issue 4). */
  hearings: { date: Date; householdPresent: boolean | null; juristPresent: boolean | null }[];
}

const ROLE_REFUSAL = "Consultation seule : l'accompagnement est saisi par les travailleurs sociaux et les juristes de l'équipe.";

/**
 * The support tab of a case: diagnostics with the computed remaining income,
 * support periods and weeks with the household's cap, aid requests. Null when
 * the case does not exist or the actor may not see it.
 */
export async function getCaseSupport(db: Db, actor: Actor, caseId: string, now: Date): Promise<CaseSupport | null> {
  if (caseId.length > 64) return null;
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      teamId: true,
      number: true,
      version: true,
      state: true,
      supported: true,
      firstContactOn: true,
      householdId: true,
      lease: { select: { rentCents: true, chargesCents: true } },
      household: { select: { occupants: { orderBy: { position: "asc" }, select: { firstName: true, lastName: true, role: true, isChild: true } } } },
      diagnostics: {
        orderBy: [{ doneOn: "desc" }, { createdAt: "desc" }],
        select: {
          id: true,
          updatedAt: true,
          kind: true,
          doneOn: true,
          jointVisit: true,
          adults: true,
          children: true,
          resources: true,
          charges: true,
          rentCents: true,
          housingBenefitCents: true,
          debtsCents: true,
          housingCondition: true,
          wishes: true,
          analysis: true,
          recommendations: true,
          author: { select: { name: true } },
        },
      },
      supportPeriods: {
        orderBy: [{ startedOn: "desc" }],
        select: {
          id: true,
          startedOn: true,
          endedOn: true,
          outcome: true,
          outcomeNote: true,
          weeks: { orderBy: { weekOf: "asc" }, select: { id: true, weekOf: true, actions: true, author: { select: { name: true } } } },
        },
      },
      aidRequests: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, status: true, amountCents: true, filedOn: true, decidedOn: true, note: true, updatedAt: true },
      },
      procedureEvents: { where: { stage: "HEARING" }, orderBy: { date: "asc" }, select: { date: true, householdPresent: true, juristPresent: true } },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) return null;

  const today = parisToday(now);
  const householdWeeks = await db.supportWeek.findMany({ where: { period: { case: { householdId: c.householdId } } }, select: { weekOf: true, period: { select: { caseId: true } } } });
  const allWeeks = householdWeeks.map((w) => w.weekOf);
  const usage = weeksUsage(allWeeks);
  const taken = new Set(allWeeks.map((w) => mondayOf(w).getTime()));

  const canRecord = canRecordSupport(actor, c.teamId);
  const steps: SupportStep[] = ["DIAGNOSTIC", "START_PERIOD", "WEEK", "END_PERIOD", "AID_REQUEST"];
  const refusals = Object.fromEntries(steps.map((s) => [s, canRecord ? supportStepRefusal(s, c) : ROLE_REFUSAL])) as Record<SupportStep, string | null>;

  const tenant = c.household.occupants.find((o) => o.role === "TENANT") ?? c.household.occupants[0];
  const diagnostics: DiagnosticView[] = c.diagnostics.map((d) => {
    const resources = readAmounts(d.resources);
    const charges = readAmounts(d.charges);
    const remaining =
      d.adults !== null || d.children !== null
        ? remainingIncome({
            resources: resources.amounts,
            charges: charges.amounts,
            rentCents: d.rentCents ?? 0,
            housingBenefitCents: d.housingBenefitCents ?? 0,
            adults: d.adults ?? 0,
            children: d.children ?? 0,
          })
        : null;
    return {
      id: d.id,
      token: d.updatedAt.toISOString(),
      kind: d.kind,
      doneOn: d.doneOn,
      jointVisit: d.jointVisit,
      adults: d.adults,
      children: d.children,
      resources: resources.amounts,
      charges: charges.amounts,
      invalidAmounts: [...resources.invalid.map((k) => `ressources : ${k}`), ...charges.invalid.map((k) => `charges : ${k}`)],
      rentCents: d.rentCents,
      housingBenefitCents: d.housingBenefitCents,
      debtsCents: d.debtsCents,
      housingCondition: d.housingCondition,
      wishes: d.wishes,
      analysis: d.analysis,
      recommendations: d.recommendations,
      authorName: d.author?.name ?? null,
      remaining,
    };
  });

  const periods: SupportPeriodView[] = c.supportPeriods.map((p) => {
    const weeks = p.weeks.map((w) => w.weekOf);
    const choices: Date[] = [];
    const last = mondayOf(p.endedOn && p.endedOn.getTime() < today.getTime() ? p.endedOn : today);
    for (let w = mondayOf(p.startedOn); w.getTime() <= last.getTime() && choices.length < 60; w = addDays(w, 7)) {
      if (!taken.has(w.getTime())) choices.push(w);
    }
    const suggestion = suggestedWeek(p, weeks, today);
    return {
      id: p.id,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      outcome: p.outcome,
      outcomeNote: p.outcomeNote,
      weeks: p.weeks.map((w) => ({ id: w.id, token: supportWeekToken(w), weekOf: w.weekOf, actions: w.actions, authorName: w.author?.name ?? null })),
      weekChoices: choices.reverse(),
      suggestedWeek: suggestion && !taken.has(suggestion.getTime()) ? suggestion : (choices[0] ?? null),
    };
  });

  return {
    caseId: c.id,
    number: c.number,
    version: c.version,
    state: c.state,
    today,
    householdName: tenant ? `${tenant.firstName} ${tenant.lastName.toUpperCase()}` : "Ménage",
    occupants: { adults: c.household.occupants.filter((o) => !o.isChild).length, children: c.household.occupants.filter((o) => o.isChild).length },
    leaseRentCents: c.lease ? c.lease.rentCents + c.lease.chargesCents : null,
    firstContactOn: c.firstContactOn,
    canRecord,
    refusals,
    diagnostics,
    periods,
    usage,
    otherCasesWeeks: householdWeeks.filter((w) => w.period.caseId !== c.id).length,
    aidRequests: c.aidRequests.map((r) => ({
      id: r.id,
      token: r.updatedAt.toISOString(),
      kind: r.kind,
      status: r.status,
      amountCents: r.amountCents,
      filedOn: r.filedOn,
      decidedOn: r.decidedOn,
      note: r.note,
      inHearingFile: !isSupportAidKind(r.kind),
    })),
    hearings: c.procedureEvents,
  };
}
