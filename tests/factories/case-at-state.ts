import { caseFieldsFromSnapshot } from "@/lib/domain/outreach/case-fields";
import { eventFromRecord, snapshotFromHistory, type OutreachEventRecord } from "@/lib/domain/outreach/history";
/**
 * `caseAtState`: a household, its lease and a case at a given workflow state
 * and procedure stage, with the consistent history that leads there (outreach
 * events, procedure events, support). The seed builds whole caseloads with
 * `planCaseAtState` + `insertCasePlans` (one createMany per table).
 */
import type { Case, Household, Occupant, OutreachEvent, Prisma, ProcedureEvent } from "@/lib/generated/prisma/client";
import type {
  CaseSource,
  CaseState,
  ClosureReason,
  DiagnosticKind,
  JudgmentDecision,
  LandlordKind,
} from "@/lib/generated/prisma/enums";

import { addDays, parisDayOf, toIsoDate } from "./calendar";
import type { Db } from "./db";
import { insertHouseholdPlans, planHousehold, type HouseholdOptions, type HouseholdPlan } from "./household";
import { newId } from "./ids";
import { planLandlord, type LandlordRow } from "./landlord";
import { planOutreachHistory, type OutreachEventRow, type SequenceState } from "./outreach-history";
import { townsOf, type Town } from "./places";
import { planProcedureHistory, type PrincipalStage, type ProcedureEventRow } from "./procedure-history";
import { defaultRng, type Rng } from "./random";
import { planSupportHistory, type AidRequestRow, type DiagnosticRow, type SupportPeriodRow, type SupportWeekRow } from "./support-history";

export interface CaseAtStateOptions {
  teamId: string;
  state: CaseState;
  /** Calendar day (UTC midnight) the case was opened. */
  openedOn: Date;
  /**
   * The current instant. When given, the history ends by the day before it
   * (in Europe/Paris), and a hearing before the HEARING stage is in the future.
   */
  now?: Date;
  /** Required for CLOSED. */
  closureReason?: ClosureReason;
  /** Procedure stage reached (see procedure-history.ts); none when absent. */
  stage?: PrincipalStage | null;
  hearingOn?: Date;
  /** SUPPORTED, or CLOSED after support: the state when the household took contact. */
  contactAfter?: SequenceState;
  /** CLOSED: the state closed from (default derived from the reason). */
  closedFrom?: SequenceState | "SUPPORTED";
  /** CLOSED after support: days from contact to closure. */
  supportDays?: number;
  landlordContact?: boolean;
  jointVisits?: boolean;
  /** Supported cases: diagnostic kind (null for none; drawn when absent). */
  diagnostic?: DiagnosticKind | null;
  /** Supported cases: support weeks recorded (drawn when absent). */
  supportWeeks?: number;
  dsf?: boolean;
  ccapexReferral?: boolean;
  decision?: JudgmentDecision;
  householdPresent?: boolean;
  juristPresent?: boolean;
  /** An existing landlord of the team; a new one is created when absent. */
  landlordId?: string;
  /** Kind of the landlord created when `landlordId` is absent (default PRIVATE_PERSON). */
  landlordKind?: LandlordKind;
  household?: Omit<HouseholdOptions, "teamId" | "rng" | "town" | "departement">;
  town?: Town;
  /** Département whose towns to draw from (default "91"). */
  departement?: string;
  sectorId?: string | null;
  assignedWorkerId?: string | null;
  assignedJuristId?: string | null;
  /** Author of the events when the case has no assignee (e.g. the coordinator). */
  createdById?: string | null;
  source?: CaseSource;
  eligible?: boolean;
  eligibilityNote?: string | null;
  leaseSignedOn?: Date | null;
  rentCents?: number;
  chargesCents?: number;
  debtCents?: number;
  rng?: Rng;
}

type CaseRow = Prisma.CaseCreateManyInput & { id: string; state: CaseState };
type LeaseRow = Prisma.LeaseCreateManyInput & { id: string };
type WithCase<T> = T & { caseId: string };

export interface CasePlan {
  /** A landlord to insert with the case (when no landlordId was given). */
  landlord: LandlordRow | null;
  household: HouseholdPlan;
  lease: LeaseRow;
  case: CaseRow;
  outreachEvents: WithCase<OutreachEventRow>[];
  procedureEvents: WithCase<ProcedureEventRow>[];
  diagnostics: WithCase<DiagnosticRow>[];
  supportPeriods: WithCase<SupportPeriodRow>[];
  supportWeeks: SupportWeekRow[];
  aidRequests: WithCase<AidRequestRow>[];
}

function defaultSource(stage: PrincipalStage | null): CaseSource {
  if (!stage) return "MANUAL";
  return stage === "COMMANDEMENT_DE_PAYER" ? "CCAPEX" : "PREFECTURE_LIST";
}

/** Everything `caseAtState` writes, without writing it. */
export function planCaseAtState(opts: CaseAtStateOptions): CasePlan {
  const rng = opts.rng ?? defaultRng();
  // Independent streams: an option that changes one part leaves the others as they were.
  const [householdRng, leaseRng, outreachRng, procedureRng, supportRng] = [rng.fork(), rng.fork(), rng.fork(), rng.fork(), rng.fork()];
  const today = opts.now ? parisDayOf(opts.now) : undefined;
  if (today && opts.openedOn > today) {
    throw new Error(`caseAtState: opened on ${toIsoDate(opts.openedOn)}, after today (${toIsoDate(today)})`);
  }
  const endBy = today ? addDays(today, -1) : undefined;
  const stage = opts.stage ?? null;
  const caseId = newId();

  const town = opts.town ?? householdRng.pick(townsOf(opts.departement ?? "91"));
  const household = planHousehold({
    ...opts.household,
    teamId: opts.teamId,
    town,
    referenceYear: opts.household?.referenceYear ?? opts.openedOn.getUTCFullYear(),
    rng: householdRng,
  });

  const landlord = opts.landlordId
    ? null
    : planLandlord({ teamId: opts.teamId, kind: opts.landlordKind ?? "PRIVATE_PERSON", departement: opts.departement, rng: leaseRng.fork() });
  const rentCents = opts.rentCents ?? leaseRng.int(45, 110) * 1000;
  const chargesCents = opts.chargesCents ?? leaseRng.int(3, 15) * 1000;
  const debtCents = opts.debtCents ?? (rentCents + chargesCents) * leaseRng.int(2, 10) + leaseRng.int(0, 99) * 1000;
  const signedOn = opts.leaseSignedOn !== undefined ? opts.leaseSignedOn : addDays(opts.openedOn, -leaseRng.int(365, 15 * 365));
  const lease: LeaseRow = {
    id: newId(),
    householdId: household.household.id,
    landlordId: opts.landlordId ?? (landlord as LandlordRow).id,
    signedOn,
    rentCents,
    chargesCents,
  };

  const workerId = opts.assignedWorkerId ?? null;
  const juristId = opts.assignedJuristId ?? null;
  const authorId = workerId ?? juristId ?? opts.createdById ?? null;
  const outreach = planOutreachHistory({
    state: opts.state,
    openedOn: opts.openedOn,
    endBy,
    closureReason: opts.closureReason,
    contactAfter: opts.contactAfter,
    closedFrom: opts.closedFrom,
    supportDays: opts.supportDays,
    landlordContact: opts.landlordContact,
    jointVisits: opts.jointVisits,
    workerId: workerId ?? authorId,
    juristId,
    rng: outreachRng,
  });

  const procedure = stage
    ? planProcedureHistory({
        stage,
        openedOn: opts.openedOn,
        today,
        hearingOn: opts.hearingOn,
        ccapexReferral: opts.ccapexReferral,
        dsf: opts.dsf,
        decision: opts.decision,
        householdPresent: opts.householdPresent,
        juristPresent: opts.juristPresent,
        leaseSignedOn: signedOn,
        courtName: town.court,
        createdById: juristId ?? authorId,
        rng: procedureRng,
      })
    : null;
  if (!stage && opts.hearingOn) throw new Error("caseAtState: hearingOn needs a procedure stage (ASSIGNATION or later)");

  const adults = household.occupants.filter((o) => !o.isChild).length;
  const support = outreach.firstContactOn
    ? planSupportHistory({
        contactOn: outreach.firstContactOn,
        closedOn: outreach.closedOn,
        closureReason: outreach.closureReason,
        endBy,
        diagnostic: opts.diagnostic,
        weeks: opts.supportWeeks,
        adults,
        children: household.occupants.length - adults,
        rentCents,
        debtCents,
        workerId: workerId ?? authorId,
        juristId,
        rng: supportRng,
      })
    : { diagnostics: [], periods: [], weeks: [], aidRequests: [] };

  const withCase = <T,>(rows: T[]): WithCase<T>[] => rows.map((row) => ({ ...row, caseId }));
  return {
    landlord,
    household,
    lease,
    case: {
      id: caseId,
      teamId: opts.teamId,
      householdId: household.household.id,
      leaseId: lease.id,
      sectorId: opts.sectorId ?? null,
      state: opts.state,
      stage,
      hearingOn: procedure?.hearingOn ?? null,
      assignedWorkerId: workerId,
      assignedJuristId: juristId,
      source: opts.source ?? defaultSource(stage),
      openedOn: opts.openedOn,
      closedOn: outreach.closedOn,
      closureReason: outreach.closureReason,
      supported: outreach.supported,
      firstContactOn: outreach.firstContactOn,
      ...denormalisedOutreach(outreach.events, opts.state),
      eligible: opts.eligible ?? true,
      eligibilityNote: opts.eligibilityNote ?? null,
      debtCents,
      debtOn: procedure?.commandementOn ?? opts.openedOn,
      procedureRef: procedure?.procedureRef ?? null,
      courtName: procedure?.courtName ?? null,
    },
    outreachEvents: withCase(outreach.events),
    procedureEvents: withCase(procedure?.events ?? []),
    diagnostics: withCase(support.diagnostics),
    supportPeriods: withCase(support.periods),
    supportWeeks: support.weeks,
    aidRequests: withCase(support.aidRequests),
  };
}

/**
 * The Case columns that mirror the outreach history, computed by the domain
 * from the planned events exactly as the recording service does.
 */
function denormalisedOutreach(events: ReadonlyArray<OutreachEventRecord>, expected: CaseState) {
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const fields = caseFieldsFromSnapshot(snapshotFromHistory(ordered.map((e, i) => eventFromRecord(e, i))));
  if (fields.state !== expected) throw new Error(`factory: events lead to ${fields.state}, expected ${expected}`);
  return {
    tenantLetterSentOn: fields.tenantLetterSentOn,
    landlordLetterSentOn: fields.landlordLetterSentOn,
    reminderDueOn: fields.reminderDueOn,
    provedGone: fields.provedGone,
  };
}

/** Writes planned cases with one createMany per table, in foreign-key order. */
export async function insertCasePlans(db: Db, plans: ReadonlyArray<CasePlan>): Promise<void> {
  if (!plans.length) return;
  const landlords = plans.flatMap((p) => (p.landlord ? [p.landlord] : []));
  if (landlords.length) await db.landlord.createMany({ data: landlords });
  await insertHouseholdPlans(db, plans.map((p) => p.household));
  await db.lease.createMany({ data: plans.map((p) => p.lease) });
  // Case numbers follow the order of `plans` (one INSERT, the sequence in row order).
  await db.case.createMany({ data: plans.map((p) => p.case) });
  const many = async <T,>(rows: T[], insert: (data: T[]) => Promise<unknown>) => {
    if (rows.length) await insert(rows);
  };
  await many(plans.flatMap((p) => p.outreachEvents), (data) => db.outreachEvent.createMany({ data }));
  await many(plans.flatMap((p) => p.procedureEvents), (data) => db.procedureEvent.createMany({ data }));
  await many(plans.flatMap((p) => p.supportPeriods), (data) => db.supportPeriod.createMany({ data }));
  await many(plans.flatMap((p) => p.supportWeeks), (data) => db.supportWeek.createMany({ data }));
  await many(plans.flatMap((p) => p.diagnostics), (data) => db.diagnostic.createMany({ data }));
  await many(plans.flatMap((p) => p.aidRequests), (data) => db.aidRequest.createMany({ data }));
}

export type CaseWithHistory = Case & {
  household: Household & { occupants: Occupant[] };
  outreachEvents: OutreachEvent[];
  procedureEvents: ProcedureEvent[];
};

/** Creates a case at `state` (and `stage`) with the history that leads there. */
export async function caseAtState(db: Db, opts: CaseAtStateOptions): Promise<CaseWithHistory> {
  const plan = planCaseAtState(opts);
  await insertCasePlans(db, [plan]);
  return db.case.findUniqueOrThrow({
    where: { id: plan.case.id },
    include: {
      household: { include: { occupants: { orderBy: { position: "asc" } } } },
      outreachEvents: { orderBy: { occurredAt: "asc" } },
      procedureEvents: { orderBy: [{ date: "asc" }, { createdAt: "asc" }] },
    },
  });
}
