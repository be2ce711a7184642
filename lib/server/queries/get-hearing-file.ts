import "server-only";
import { checkClaimedDebt, computeLedger, ledgerLineToken, unpaidRentMonths, type DebtCheck, type Ledger } from "@/lib/domain/hearing/ledger";
import { computeProcedure, type ProcedureComputation } from "@/lib/domain/procedure/compute-procedure";
import { frenchDay } from "@/lib/domain/procedure/calendar";
import { procedureFacts } from "@/lib/domain/procedure/facts";
import { loadTeamProcedureSettings } from "@/lib/server/procedure-settings";
import { canEditHearingFile } from "@/lib/domain/hearing/permissions";
import { currentRentFrom, debtToRepay, simulateRepaymentPlan, type RepaymentPlan, type RepaymentSettings } from "@/lib/domain/hearing/repayment-plan";
import { HEARING_REQUEST_KINDS, type HearingRequestKind, type HearingRequestStatus } from "@/lib/domain/hearing/requests";
import type { LandlordKind, ProcedureStage } from "@/lib/domain/labels";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { parisToday } from "@/lib/utils/dates";
import type { SimulationQuery } from "@/lib/validation/hearing";

export interface HearingLedgerLine {
  id: string;
  month: Date;
  rentDueCents: number;
  chargesDueCents: number;
  paidCents: number;
  housingBenefitCents: number;
  note: string | null;
  /** The fingerprint an edit or a deletion sends back (optimistic concurrency). */
  token: string;
}

export interface HearingRequestView {
  id: string;
  kind: HearingRequestKind;
  status: HearingRequestStatus;
  filedOn: Date | null;
  decidedOn: Date | null;
  note: string | null;
  /** The last update, sent back by the form (optimistic concurrency). */
  token: string;
}

export interface HearingProcedureEvent {
  stage: ProcedureStage;
  date: Date;
  reference: string | null;
  courtName: string | null;
  householdPresent: boolean | null;
  juristPresent: boolean | null;
  decision: string | null;
  delayMonths: number | null;
  delayEndsOn: Date | null;
}

export interface HearingFile {
  caseId: string;
  number: number;
  version: number;
  /** Today in Paris, the day the file was computed for. */
  today: Date;
  canEdit: boolean;
  teamName: string;
  juristName: string | null;
  workerName: string | null;
  household: {
    /** "Gaëlle MARTIN" (the tenant), or "Ménage" when unknown. */
    displayName: string;
    occupants: { firstName: string; lastName: string; role: "TENANT" | "CO_TENANT" | "OTHER"; isChild: boolean; birthYear: number | null }[];
    address: string;
  };
  landlord: { name: string; kind: LandlordKind; address: string | null } | null;
  lease: { signedOn: Date | null; rentCents: number; chargesCents: number } | null;
  procedure: {
    stage: ProcedureStage | null;
    reference: string | null;
    courtName: string | null;
    hearingOn: Date | null;
    /** Every act on file, oldest first (hearings with attendance, judgments with the decision). */
    events: HearingProcedureEvent[];
  };
  claimedDebt: { cents: number; on: Date | null } | null;
  /** Oldest month first. */
  ledger: Ledger<HearingLedgerLine>;
  debtCheck: DebtCheck | null;
  /** The debt the simulator repays, and where it comes from. */
  debtToRepay: { debtCents: number; source: "LEDGER" | "CLAIM" } | null;
  /** The procedure's deadlines in French, each with both dates where both matter (issue 13), for the PDF. */
  procedureDeadlines: string[];
  /** Rent + charges − housing benefit of the latest month, else the lease's rent and charges. */
  currentRentCents: number | null;
  /** The latest request of each of the four kinds, or null when none is on file. */
  requests: Record<HearingRequestKind, HearingRequestView | null>;
  /** The latest diagnostic's budget, to prefill the simulator. */
  diagnostic: { doneOn: Date; resourcesCents: number | null; chargesCents: number | null; persons: number | null } | null;
}

/** Sum of a diagnostic's amounts by source ({"salary": 120000, "caf": 30000}); null when absent or not amounts. */
function sumOfAmounts(json: unknown): number | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const values = Object.values(json as Record<string, unknown>).filter((v): v is number => typeof v === "number" && Number.isSafeInteger(v));
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

/**
 * The hearing file of a case: who, the lease, the procedure, the ledger with
 * its running balance, the debt check, the requests. Null when the case does
 * not exist or the actor may not see it (the page answers "not found").
 */
export async function getHearingFile(db: Db, actor: Actor, caseId: string, now: Date): Promise<HearingFile | null> {
  if (caseId.length > 64) return null;
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      teamId: true,
      number: true,
      version: true,
      stage: true,
      hearingOn: true,
      procedureRef: true,
      courtName: true,
      debtCents: true,
      debtOn: true,
      team: { select: { name: true } },
      assignedJurist: { select: { name: true } },
      assignedWorker: { select: { name: true } },
      household: {
        select: {
          addressLine: true,
          addressExtra: true,
          postcode: true,
          city: true,
          occupants: { orderBy: { position: "asc" }, select: { firstName: true, lastName: true, role: true, isChild: true, birthYear: true } },
        },
      },
      lease: {
        select: {
          signedOn: true,
          rentCents: true,
          chargesCents: true,
          landlord: { select: { name: true, kind: true, addressLine: true, postcode: true, city: true } },
        },
      },
      procedureEvents: {
        orderBy: [{ date: "asc" }, { createdAt: "asc" }],
        select: { stage: true, date: true, reference: true, courtName: true, householdPresent: true, juristPresent: true, decision: true, delayMonths: true, delayEndsOn: true },
      },
      ledgerLines: {
        orderBy: { month: "asc" },
        select: { id: true, month: true, rentDueCents: true, chargesDueCents: true, paidCents: true, housingBenefitCents: true, note: true },
      },
      aidRequests: {
        where: { kind: { in: [...HEARING_REQUEST_KINDS] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true, kind: true, status: true, filedOn: true, decidedOn: true, note: true, updatedAt: true },
      },
      diagnostics: {
        orderBy: [{ doneOn: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: { doneOn: true, resources: true, charges: true, adults: true, children: true },
      },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) return null;

  const lines: HearingLedgerLine[] = c.ledgerLines.map((l) => ({ ...l, token: ledgerLineToken(l) }));
  const requests = Object.fromEntries(HEARING_REQUEST_KINDS.map((k) => [k, null])) as Record<HearingRequestKind, HearingRequestView | null>;
  for (const r of c.aidRequests) {
    const kind = r.kind as HearingRequestKind;
    requests[kind] ??= { id: r.id, kind, status: r.status, filedOn: r.filedOn, decidedOn: r.decidedOn, note: r.note, token: r.updatedAt.toISOString() };
  }
  const tenant = c.household.occupants.find((o) => o.role === "TENANT") ?? c.household.occupants[0];
  const h = c.household;
  const landlord = c.lease?.landlord;
  const diagnostic = c.diagnostics[0];
  const persons = diagnostic && (diagnostic.adults !== null || diagnostic.children !== null) ? (diagnostic.adults ?? 0) + (diagnostic.children ?? 0) : null;
  // Issue 13: the ledger months up to the claim's "arrêtée au" date only, and a refusal when they are not all there.
  const debtCheck = c.debtCents !== null && lines.length > 0 ? checkClaimedDebt(lines, c.debtCents, c.debtOn) : null;
  // The procedure's deadlines, with the team's settings (issue 13), for the printed file.
  const today = parisToday(now);
  const settings = await loadTeamProcedureSettings(db, c.teamId);
  const computation = computeProcedure(
    procedureFacts({
      events: c.procedureEvents,
      leaseSignedOn: c.lease?.signedOn ?? null,
      landlordKind: c.lease?.landlord.kind ?? null,
      monthlyRentCents: c.lease?.rentCents ?? null,
      debtCents: c.debtCents,
      unpaidMonths: lines.length ? unpaidRentMonths(lines) : null,
      householdMet: true,
    }),
    { today, settings },
  );

  return {
    caseId: c.id,
    number: c.number,
    version: c.version,
    today,
    canEdit: canEditHearingFile(actor, c.teamId),
    teamName: c.team.name,
    juristName: c.assignedJurist?.name ?? null,
    workerName: c.assignedWorker?.name ?? null,
    household: {
      displayName: tenant ? `${tenant.firstName} ${tenant.lastName.toUpperCase()}` : "Ménage",
      occupants: h.occupants,
      address: `${h.addressLine}${h.addressExtra ? `, ${h.addressExtra}` : ""}, ${h.postcode} ${h.city}`,
    },
    landlord: landlord
      ? { name: landlord.name, kind: landlord.kind, address: landlord.addressLine ? [landlord.addressLine, [landlord.postcode, landlord.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") : null }
      : null,
    lease: c.lease ? { signedOn: c.lease.signedOn, rentCents: c.lease.rentCents, chargesCents: c.lease.chargesCents } : null,
    procedure: { stage: c.stage, reference: c.procedureRef, courtName: c.courtName, hearingOn: c.hearingOn, events: c.procedureEvents },
    claimedDebt: c.debtCents === null ? null : { cents: c.debtCents, on: c.debtOn },
    ledger: computeLedger(lines),
    debtCheck,
    debtToRepay: debtToRepay(lines, c.debtCents, { covered: debtCheck?.status !== "NOT_COVERED" }),
    procedureDeadlines: deadlineLines(computation),
    currentRentCents: currentRentFrom(lines, c.lease),
    requests,
    diagnostic: diagnostic
      ? { doneOn: diagnostic.doneOn, resourcesCents: sumOfAmounts(diagnostic.resources), chargesCents: sumOfAmounts(diagnostic.charges), persons: persons && persons > 0 ? persons : null }
      : null,
  };
}

/** The lines the printed file gives about the procedure's deadlines: the next step, then the alerts' dates. */
function deadlineLines(computation: ProcedureComputation): string[] {
  const lines: string[] = [];
  if (computation.nextStep) lines.push(`Prochaine étape : ${computation.nextStep.label}`);
  if (computation.latestNotificationDate) lines.push(`Notification au préfet au plus tard le ${frenchDay(computation.latestNotificationDate)}`);
  for (const a of computation.alerts) {
    if (a.code === "EXPULSION_POSSIBLE_FROM" || a.code === "LEASE_DATE_UNKNOWN" || a.code === "APPEAL_DELAY_RUNNING" || a.code === "PENAL_RISK" || a.code === "PENAL_RISK_SUSPENDED") {
      lines.push(a.message);
    }
  }
  return lines;
}

/**
 * The repayment plan for the simulator's values, on this file's debt and
 * current rent. Null when the file has neither a debt nor a rent to plan on.
 */
export function simulateForHearingFile(file: HearingFile, query: SimulationQuery, settings?: Partial<RepaymentSettings>): RepaymentPlan | null {
  if (!file.debtToRepay || file.currentRentCents === null) return null;
  return simulateRepaymentPlan(
    // Issue 13: the plan repays the debt the jurist confirmed in the simulator, the proposal otherwise.
    { ...query, currentRentCents: file.currentRentCents, debtCents: query.confirmedDebtCents ?? file.debtToRepay.debtCents },
    { lines: file.ledger.rows.map((r) => r.line), today: file.today, settings },
  );
}
