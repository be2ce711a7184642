/**
 * The eviction-procedure events (shared/domain/procedure.md) that lead a case
 * to a given stage, with dates that respect the legal delays:
 * - assignation at least 6 weeks after the commandement de payer, 2 months for
 *   leases signed before 29 July 2023 (loi 89-462 art. 24 I, Cass. avis 13 June 2024),
 *   and 2 months after the CCAPEX referral for legal-person landlords (art. 24 II);
 * - préfet notified at least 42 days before the hearing (art. 24 III);
 * - order to vacate (CQL) after the month for appeal, police assistance requested
 *   after the CQL's 2 months (CPCE L412-1), no eviction in the winter truce (L412-6).
 *
 * Convention: `stage` is the procedure's principal stage (the "phase" the case
 * is at, shown in lists). Accompanying events (CCAPEX referral, préfet
 * notification, DSF, CQL referral, JEX delay) are recorded within a phase and
 * do not change it. A HEARING event dated after today is the hearing scheduled
 * by the assignation; Case.hearingOn is the date of the latest HEARING event.
 * Pure: no database, no clock.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JudgmentDecision, ProcedureStage } from "@/lib/generated/prisma/enums";

import { addDays, addMonths, calendarDate, daysBetween, inWinterTruce, minDate, toIsoDate } from "./calendar";
import { newId } from "./ids";
import type { Rng } from "./random";

export { PRINCIPAL_STAGES, type PrincipalStage } from "@/lib/domain/procedure/stages";
import { PRINCIPAL_STAGES, type PrincipalStage } from "@/lib/domain/procedure/stages";

/** loi 89-462 art. 24 III: the assignation reaches the préfet ≥ 6 weeks before the hearing. */
export const PREFET_NOTIFICATION_MIN_DAYS = 42;
/** Leases signed from this day on get the 6-week delay after a commandement de payer. */
export const SIX_WEEK_DELAY_FROM = calendarDate(2023, 7, 29);

export type ProcedureEventRow = Omit<Prisma.ProcedureEventCreateManyInput, "caseId"> & {
  id: string;
  stage: ProcedureStage;
  date: Date;
};

export interface ProcedureOptions {
  stage: PrincipalStage;
  openedOn: Date;
  /** Today in Europe/Paris: events of the stage reached are on or before it. */
  today?: Date;
  /** Hearing date; drawn when absent (in the future before the HEARING stage, in the past from it). */
  hearingOn?: Date;
  /** Record the commissaire's referral to the CCAPEX (default: yes from the assignation on, 50 % before). */
  ccapexReferral?: boolean;
  /** Record a DSF between the préfet's notification and the hearing (default no). */
  dsf?: boolean;
  /** Months of delay granted by the JEX after the CQL (adds a JEX_DELAY event). */
  jexDelayMonths?: number;
  decision?: JudgmentDecision;
  householdPresent?: boolean;
  juristPresent?: boolean;
  leaseSignedOn?: Date | null;
  courtName: string;
  createdById?: string | null;
  rng: Rng;
}

export interface ProcedurePlan {
  events: ProcedureEventRow[];
  stage: PrincipalStage;
  hearingOn: Date | null;
  commandementOn: Date;
  procedureRef: string | null;
  courtName: string | null;
}

function rankOf(stage: PrincipalStage): number {
  return PRINCIPAL_STAGES.indexOf(stage);
}

/** Earliest assignation after a commandement de payer, for a lease signed on `leaseSignedOn`. */
export function commandementDelayEnds(commandementOn: Date, leaseSignedOn: Date | null | undefined): Date {
  const older = leaseSignedOn && leaseSignedOn.getTime() < SIX_WEEK_DELAY_FROM.getTime();
  return older ? addMonths(commandementOn, 2) : addDays(commandementOn, 42);
}

interface AfterHearing {
  judgment: Date;
  served: Date;
  cql: Date;
  cqlReferred: Date;
  jex: Date | null;
  fpRequest: Date;
  fpGranted: Date;
  eviction: Date;
}

type AfterHearingGaps = Record<"judgment" | "served" | "cql" | "cqlReferred" | "jex" | "fpRequest" | "fpGranted" | "eviction", number>;

function afterHearing(hearing: Date, gaps: AfterHearingGaps, jexMonths: number | undefined): AfterHearing {
  const judgment = addDays(hearing, gaps.judgment);
  const served = addDays(judgment, gaps.served);
  // The CQL follows the month for appeal after service.
  const cql = addDays(addMonths(served, 1), gaps.cql);
  const cqlReferred = addDays(cql, gaps.cqlReferred);
  const jex = jexMonths ? addDays(cql, gaps.jex) : null;
  // Police assistance only once the CQL's 2 months (and any JEX delay) have run.
  const fpRequest = addDays(addMonths(cql, 2 + (jexMonths ?? 0)), gaps.fpRequest);
  const fpGranted = addDays(fpRequest, gaps.fpGranted);
  let eviction = addDays(fpGranted, gaps.eviction);
  if (inWinterTruce(eviction)) {
    const year = eviction.getUTCMonth() >= 10 ? eviction.getUTCFullYear() + 1 : eviction.getUTCFullYear();
    eviction = addDays(calendarDate(year, 4, 1), gaps.eviction % 10);
  }
  return { judgment, served, cql, cqlReferred, jex, fpRequest, fpGranted, eviction };
}

function lastDateOf(stage: PrincipalStage, hearing: Date, after: AfterHearing): Date {
  switch (stage) {
    case "HEARING": return hearing;
    case "JUDGMENT": return after.judgment;
    case "JUDGMENT_SERVED": return after.served;
    case "COMMANDEMENT_QUITTER_LIEUX": return after.jex && after.jex > after.cqlReferred ? after.jex : after.cqlReferred;
    case "FORCE_PUBLIQUE_REQUEST": return after.fpRequest;
    case "FORCE_PUBLIQUE_GRANTED": return after.fpGranted;
    default: return after.eviction;
  }
}

export function planProcedureHistory(opts: ProcedureOptions): ProcedurePlan {
  const { rng, stage, openedOn, today } = opts;
  const rank = rankOf(stage);
  if (rank < 0) throw new Error(`procedure history: ${stage} is not a principal stage (${PRINCIPAL_STAGES.join(", ")})`);
  const by = opts.createdById ?? null;
  const events: ProcedureEventRow[] = [];
  const add = (row: Omit<ProcedureEventRow, "id" | "createdById">) => events.push({ id: newId(), createdById: by, ...row });

  if (stage === "COMMANDEMENT_DE_PAYER") {
    if (opts.hearingOn) throw new Error("procedure history: no hearing date before the assignation");
    const commandementOn = addDays(openedOn, -rng.int(3, 30));
    add({ stage: "COMMANDEMENT_DE_PAYER", date: commandementOn, note: "Commandement de payer visant la clause résolutoire." });
    const referral = addDays(commandementOn, rng.int(3, 14));
    if ((opts.ccapexReferral ?? rng.chance(0.5)) && (!today || referral <= today)) {
      add({ stage: "CCAPEX_REFERRAL", date: referral });
    }
    return { events, stage, hearingOn: null, commandementOn, procedureRef: null, courtName: null };
  }

  const gaps: AfterHearingGaps = {
    judgment: rng.int(14, 42), served: rng.int(7, 30), cql: rng.int(2, 30), cqlReferred: rng.int(0, 4),
    jex: rng.int(15, 40), fpRequest: rng.int(3, 30), fpGranted: rng.int(20, 55), eviction: rng.int(10, 40),
  };
  const held = rank >= rankOf("HEARING");
  let hearing: Date;
  if (opts.hearingOn) {
    hearing = opts.hearingOn;
  } else if (!held) {
    hearing = addDays(today ?? openedOn, rng.int(20, 100));
  } else {
    hearing = addDays(openedOn, rng.int(14, 45));
    if (today) {
      // Move the hearing back so that every later stage has happened by today.
      const overflow = daysBetween(today, lastDateOf(stage, hearing, afterHearing(hearing, gaps, opts.jexDelayMonths)));
      if (overflow > 0) hearing = addDays(hearing, -overflow - rng.int(0, 10));
    }
  }
  if (today && !held && hearing < today) {
    throw new Error(`procedure history: hearing on ${toIsoDate(hearing)} is past; use stage HEARING or later`);
  }

  // Work back from the hearing: préfet notified ≥ 42 days before it, and before
  // the case was opened (Essonne cases come from the préfecture's list).
  const notification = minDate(
    addDays(openedOn, -rng.int(1, 10)),
    addDays(hearing, -PREFET_NOTIFICATION_MIN_DAYS - rng.int(0, 20)),
  );
  const assignation = addDays(notification, -rng.int(0, 3));
  // 80+ days: beyond both the commandement's delay (6 weeks or 2 months) and
  // 2 months after a CCAPEX referral made within 14 days of the commandement.
  const commandementOn = addDays(assignation, -rng.int(80, 150));
  const reference = `RG ${String(assignation.getUTCFullYear()).slice(2)}/${String(rng.int(1, 9999)).padStart(5, "0")}`;
  const court = opts.courtName;

  add({ stage: "COMMANDEMENT_DE_PAYER", date: commandementOn, note: "Commandement de payer visant la clause résolutoire." });
  if (opts.ccapexReferral ?? true) add({ stage: "CCAPEX_REFERRAL", date: addDays(commandementOn, rng.int(3, 14)) });
  add({ stage: "ASSIGNATION", date: assignation, reference, courtName: court, note: "Assignation devant le juge des contentieux de la protection." });
  add({ stage: "PREFET_NOTIFICATION", date: notification, reference });
  if (opts.dsf) {
    let dsfOn = addDays(notification, rng.int(10, 25));
    if (today) dsfOn = minDate(dsfOn, today);
    if (dsfOn > notification && dsfOn < hearing) add({ stage: "DSF", date: dsfOn });
  }
  const householdPresent = held ? opts.householdPresent ?? rng.chance(0.47) : null;
  add({
    stage: "HEARING",
    date: hearing,
    reference,
    courtName: court,
    householdPresent,
    juristPresent: held ? opts.juristPresent ?? (householdPresent === true && rng.chance(0.5)) : null,
  });

  if (rank >= rankOf("JUDGMENT")) {
    const after = afterHearing(hearing, gaps, opts.jexDelayMonths);
    const mustTerminate = rank >= rankOf("COMMANDEMENT_QUITTER_LIEUX");
    const decision: JudgmentDecision =
      opts.decision ?? (mustTerminate ? "LEASE_TERMINATED" : rng.pick(["LEASE_TERMINATED", "TERMINATION_SUSPENDED_WITH_PLAN"] as const));
    if (mustTerminate && decision !== "LEASE_TERMINATED") {
      throw new Error(`procedure history: ${stage} needs a judgment terminating the lease, not ${decision}`);
    }
    add({ stage: "JUDGMENT", date: after.judgment, reference, courtName: court, decision });
    if (rank >= rankOf("JUDGMENT_SERVED")) add({ stage: "JUDGMENT_SERVED", date: after.served, reference });
    if (rank >= rankOf("COMMANDEMENT_QUITTER_LIEUX")) {
      add({ stage: "COMMANDEMENT_QUITTER_LIEUX", date: after.cql, reference });
      add({ stage: "CQL_REFERRED_TO_PREFET", date: after.cqlReferred, reference });
      if (after.jex) add({ stage: "JEX_DELAY", date: after.jex, delayMonths: opts.jexDelayMonths ?? null });
    }
    if (rank >= rankOf("FORCE_PUBLIQUE_REQUEST")) add({ stage: "FORCE_PUBLIQUE_REQUEST", date: after.fpRequest, reference });
    if (rank >= rankOf("FORCE_PUBLIQUE_GRANTED")) add({ stage: "FORCE_PUBLIQUE_GRANTED", date: after.fpGranted, reference });
    if (rank >= rankOf("EVICTION")) add({ stage: "EVICTION", date: after.eviction, reference });
  }

  events.sort((a, b) => a.date.getTime() - b.date.getTime());
  if (today) {
    const late = events.find((e) => e.date > today && !(e.stage === "HEARING" && !held));
    if (late) {
      throw new Error(`procedure history: ${late.stage} would fall on ${toIsoDate(late.date)}, after today (${toIsoDate(today)}); open the case earlier or give an earlier hearingOn`);
    }
  }
  return { events, stage, hearingOn: hearing, commandementOn, procedureRef: reference, courtName: court };
}
