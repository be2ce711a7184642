/**
 * What follows a household's contact: a diagnostic (flash or in-depth), a
 * support period with its weekly entries, and the aid requests it leads to.
 * Pure: no database, no clock.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AidKind, ClosureReason, DiagnosticKind, SupportOutcome } from "@/lib/generated/prisma/enums";

import { addDays, daysBetween, minDate, mondayOnOrBefore, toIsoDate } from "./calendar";
import { newId } from "./ids";
import type { Rng } from "./random";

type WithoutCase<T> = Omit<T, "caseId">;
export type DiagnosticRow = WithoutCase<Prisma.DiagnosticCreateManyInput> & { id: string; kind: DiagnosticKind; doneOn: Date };
export type SupportPeriodRow = WithoutCase<Prisma.SupportPeriodCreateManyInput> & { id: string; startedOn: Date };
export type SupportWeekRow = Prisma.SupportWeekCreateManyInput & { id: string; weekOf: Date };
export type AidRequestRow = WithoutCase<Prisma.AidRequestCreateManyInput> & { id: string; kind: AidKind };

export interface SupportOptions {
  contactOn: Date;
  closedOn: Date | null;
  closureReason: ClosureReason | null;
  /** Last calendar day anything may be dated. */
  endBy?: Date;
  /** null: no diagnostic yet; absent: drawn (60 % flash, 40 % in-depth). */
  diagnostic?: DiagnosticKind | null;
  /** Support weeks recorded; drawn (1–6, as many as fit) when absent. */
  weeks?: number;
  adults: number;
  children: number;
  rentCents: number;
  debtCents: number;
  workerId?: string | null;
  juristId?: string | null;
  rng: Rng;
}

export interface SupportPlan {
  diagnostics: DiagnosticRow[];
  periods: SupportPeriodRow[];
  weeks: SupportWeekRow[];
  aidRequests: AidRequestRow[];
}

const OUTCOME_BY_REASON: Partial<Record<ClosureReason, SupportOutcome>> = {
  SUPPORT_COMPLETED: "COMPLETED",
  DEBT_PAID_OFF: "COMPLETED",
  REFERRED_TO_MDS: "REFERRED",
  ALREADY_FOLLOWED: "REFERRED",
  DECLINED_TO_CONTINUE: "DECLINED",
  LEFT_DWELLING: "LEFT",
  NOT_AT_ADDRESS: "LEFT",
};

const WEEK_ACTIONS: ReadonlyArray<string> = [
  "Constitution du dossier FSL maintien, pièces demandées au ménage.",
  "Rendez-vous CAF : mise à jour de la situation et de l'APL.",
  "Préparation de la demande de délais pour l'audience avec la juriste ADIL.",
  "Appel au bailleur : proposition d'un plan d'apurement.",
  "Dépôt de la demande de logement social (DLS).",
  "Accompagnement au dossier de surendettement (Banque de France).",
  "Demande d'aide juridictionnelle déposée.",
  "Orientation vers la MDS pour un suivi de droit commun.",
  "Point budgétaire : reste à vivre et reprise du loyer courant.",
];

const AID_KINDS: ReadonlyArray<AidKind> = ["FSL", "APL", "LEGAL_AID", "DELAY_TO_PAY", "OVER_INDEBTEDNESS", "DLS", "ENERGY_AID"];

export function planSupportHistory(opts: SupportOptions): SupportPlan {
  const { rng, contactOn } = opts;
  const lastDay = opts.closedOn ?? opts.endBy ?? null;
  const author = opts.workerId ?? opts.juristId ?? null;
  const periodId = newId();
  const plan: SupportPlan = { diagnostics: [], periods: [], weeks: [], aidRequests: [] };

  plan.periods.push({
    id: periodId,
    startedOn: contactOn,
    endedOn: opts.closedOn,
    outcome: opts.closureReason ? OUTCOME_BY_REASON[opts.closureReason] ?? "OTHER" : null,
  });

  const kind = opts.diagnostic === undefined ? (rng.chance(0.6) ? "FLASH" : "IN_DEPTH") : opts.diagnostic;
  if (kind) {
    let doneOn = addDays(contactOn, rng.int(2, 14));
    if (lastDay) doneOn = minDate(doneOn, lastDay);
    const benefit = rng.chance(0.6) ? rng.int(100, 350) * 100 : 0;
    const income = rng.int(700, 2200) * 100;
    plan.diagnostics.push({
      id: newId(),
      kind,
      doneOn,
      jointVisit: rng.chance(0.2),
      adults: opts.adults,
      children: opts.children,
      resources: rng.chance(0.5) ? { salary: income } : { rsa: Math.round(income / 2), caf: Math.round(income / 4) },
      charges: { energy: rng.int(60, 180) * 100, insurance: rng.int(15, 40) * 100 },
      rentCents: opts.rentCents,
      housingBenefitCents: benefit,
      debtsCents: opts.debtCents,
      housingCondition: rng.pick(["Logement en bon état.", "Humidité dans la chambre.", "Chauffage défaillant."]),
      wishes: rng.pick(["Se maintenir dans le logement.", "Être relogé dans le parc social.", "Obtenir des délais."]),
      analysis: kind === "IN_DEPTH" ? "Baisse de ressources après une perte d'emploi ; reprise du loyer courant possible." : null,
      recommendations: "Reprise du loyer courant, demande FSL, plan d'apurement à proposer au bailleur.",
      authorId: author,
    });
    for (const aid of rng.shuffle(AID_KINDS).slice(0, rng.int(1, 2))) {
      const status = rng.pick(["TO_DO", "FILED"] as const);
      const filedOn = addDays(doneOn, rng.int(1, 10));
      plan.aidRequests.push({
        id: newId(),
        kind: aid,
        status,
        amountCents: aid === "FSL" ? rng.int(5, 30) * 10_000 : null,
        filedOn: status === "FILED" ? (lastDay ? minDate(filedOn, lastDay) : filedOn) : null,
      });
    }
  }

  const firstMonday = mondayOnOrBefore(contactOn);
  const fitting = lastDay ? Math.max(0, Math.floor(daysBetween(firstMonday, lastDay) / 7) + 1) : Infinity;
  const count = opts.weeks ?? Math.min(rng.int(1, 6), fitting);
  if (count > fitting) {
    throw new Error(`support history: ${count} support weeks do not fit between ${toIsoDate(contactOn)} and ${lastDay ? toIsoDate(lastDay) : "?"}`);
  }
  for (let i = 0; i < count; i++) {
    plan.weeks.push({ id: newId(), periodId, weekOf: addDays(firstMonday, 7 * i), actions: rng.pick(WEEK_ACTIONS), authorId: author });
  }
  return plan;
}
