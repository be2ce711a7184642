import "server-only";
import type { ProcedureStage } from "@/lib/domain/labels";
import { canViewCases } from "@/lib/domain/permissions";
import { computeProcedure, type ProcedureComputation } from "@/lib/domain/procedure/compute-procedure";
import { procedureFacts } from "@/lib/domain/procedure/facts";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { canRecordProcedure } from "@/lib/domain/permissions";
import { parisToday } from "@/lib/utils/dates";
import type { JudgmentDecision } from "@/lib/domain/labels";
import { recordableStages } from "@/lib/validation/procedure";
import { unpaidRentMonths } from "@/lib/domain/hearing/ledger";
import { loadTeamProcedureSettings } from "@/lib/server/procedure-settings";

export interface ProcedureEventView {
  id: string;
  stage: ProcedureStage;
  date: Date;
  reference: string | null;
  courtName: string | null;
  householdPresent: boolean | null;
  juristPresent: boolean | null;
  decision: JudgmentDecision | null;
  delayMonths: number | null;
  /** JEX decision: the last day of the delay granted. */
  delayEndsOn: Date | null;
  note: string | null;
  authorName: string | null;
  recordedAt: Date;
}

export interface CaseProcedure {
  caseId: string;
  version: number;
  /** Today in Paris, the day the deadlines were computed for. */
  today: Date;
  /** The timeline, the next step and the alerts (lib/domain/procedure, decision 006). */
  computation: ProcedureComputation;
  /** Every act on file, oldest first. */
  events: ProcedureEventView[];
  /** Whether the actor may record an act, and which stages the form offers (the same rule as the service). */
  canRecord: boolean;
  recordableStages: ProcedureStage[];
  /**
   * Issue 13: jurists and coordinators see the "à vérifier" badges and notes
   * and the jurist's information alerts (Code pénal 315-2); social workers see
   * the dates and their articles.
   */
  showVerify: boolean;
}

/**
 * The case's procedure for the case page: the acts on file and what the
 * deadline engine computes from them for today. Null when the case does not
 * exist or the actor may not see it.
 */
export async function getCaseProcedure(db: Db, actor: Actor, caseId: string, now: Date): Promise<CaseProcedure | null> {
  if (caseId.length > 64) return null;
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      teamId: true,
      version: true,
      supported: true,
      debtCents: true,
      lease: { select: { signedOn: true, rentCents: true, landlord: { select: { kind: true } } } },
      procedureEvents: {
        orderBy: [{ date: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          stage: true,
          date: true,
          reference: true,
          courtName: true,
          householdPresent: true,
          juristPresent: true,
          decision: true,
          delayMonths: true,
          delayEndsOn: true,
          note: true,
          createdAt: true,
          createdBy: { select: { name: true } },
        },
      },
      // The 45-day alert: has the team ever met the household (a visit that found them, or support)?
      outreachEvents: { where: { kind: "VISIT", visitOutcome: "MET" }, select: { id: true }, take: 1 },
      // The CCAPEX threshold in months of unpaid rent (issue 13).
      ledgerLines: { select: { month: true, rentDueCents: true, chargesDueCents: true, paidCents: true, housingBenefitCents: true } },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) return null;

  const today = parisToday(now);
  const facts = procedureFacts({
    events: c.procedureEvents,
    leaseSignedOn: c.lease?.signedOn ?? null,
    landlordKind: c.lease?.landlord.kind ?? null,
    monthlyRentCents: c.lease?.rentCents ?? null,
    debtCents: c.debtCents,
    unpaidMonths: c.ledgerLines.length ? unpaidRentMonths(c.ledgerLines) : null,
    householdMet: c.supported || c.outreachEvents.length > 0,
  });
  const canRecord = canRecordProcedure(actor, c.teamId);
  const settings = await loadTeamProcedureSettings(db, c.teamId);
  const showVerify = actor.role === "JURIST" || actor.role === "COORDINATOR";
  const computation = computeProcedure(facts, { today, settings });
  if (!showVerify) computation.alerts = computation.alerts.filter((a) => a.audience !== "jurist");
  return {
    caseId: c.id,
    version: c.version,
    today,
    computation,
    events: c.procedureEvents.map((e) => ({
      id: e.id,
      stage: e.stage,
      date: e.date,
      reference: e.reference,
      courtName: e.courtName,
      householdPresent: e.householdPresent,
      juristPresent: e.juristPresent,
      decision: e.decision,
      delayMonths: e.delayMonths,
      delayEndsOn: e.delayEndsOn,
      note: e.note,
      authorName: e.createdBy?.name ?? null,
      recordedAt: e.createdAt,
    })),
    canRecord,
    recordableStages: canRecord ? recordableStages(new Set(c.procedureEvents.map((e) => e.stage))) : [],
    showVerify,
  };
}
