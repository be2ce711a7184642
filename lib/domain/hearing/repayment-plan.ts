import { formatCents } from "@/lib/utils/money";
import { creditedOf, dueOf, type LedgerLine } from "./ledger";
import { addMonths, formatMonth, monthKey, monthStart } from "./month";

/**
 * The repayment-plan simulator of the hearing file (issue 4).
 *
 * The juge des contentieux de la protection may grant the tenant up to three
 * years to pay the debt, which suspends the clause résolutoire, "à la
 * condition que le locataire ait repris le versement intégral du loyer
 * courant avant la date de l'audience" (loi n° 89-462 du 6 juillet 1989,
 * art. 24 V, as amended by loi n° 2023-668 du 27 juillet 2023). The jurist
 * proposes a monthly instalment the household can keep up: what is left of
 * its resources after the current rent and its charges, minus a remaining
 * income ("reste à vivre") kept for each person.
 */

/** The longest plan the judge may grant: 3 years (art. 24 V; CC art. 1343-5). */
export const LEGAL_MAX_MONTHS = 36;

/**
 * The choices the law leaves to the team, with the values used by default.
 * They are settings, never silent constants: a team (or later its FSL
 * regulation) may override them, and the explanation quotes them.
 */
export type RepaymentSettings = {
  /**
   * Monthly remaining income ("reste à vivre") kept for each person of the
   * household after rent, charges and the instalment. Not law: team practice.
   * Département FSL regulations and CCAS often reason in a daily amount per
   * person, about 10 € a day; 300 € a month is that order of magnitude.
   * (verify, 2026-11-26: align with the département's FSL regulation.)
   */
  remainingIncomeFloorPerPersonCents: number;
  /**
   * How many of the latest months of the ledger must be paid in full for the
   * current rent to count as resumed. The law asks for the full current rent
   * to have been resumed before the hearing, without a number of months; two
   * months show a resumption rather than one payment. (verify, 2026-11-26)
   */
  rentResumedMonths: number;
  /** Instalments rounded up to whole euros: a judge and a household read "121 €", not "120,42 €". */
  roundToWholeEuros: boolean;
};

export const DEFAULT_REPAYMENT_SETTINGS: Readonly<RepaymentSettings> = Object.freeze({
  remainingIncomeFloorPerPersonCents: 300_00,
  rentResumedMonths: 2,
  roundToWholeEuros: true,
});

// ───────────────────────────── Has the current rent been resumed?

export type RentResumptionStatus = "RESUMED" | "NOT_RESUMED" | "UNKNOWN";

export interface RecentMonth {
  month: Date;
  dueCents: number;
  creditedCents: number;
  paidInFull: boolean;
}

export interface RentResumption {
  status: RentResumptionStatus;
  /** The months checked, oldest first (those on file). */
  months: RecentMonth[];
  /** RESUMED: the first month of the unbroken run of fully paid months that ends with the latest one. */
  resumedSince: Date | null;
  /** French, one sentence. */
  message: string;
}

const ART_24_V = "condition posée par l'article 24 V de la loi du 6 juillet 1989 pour que le juge accorde des délais de paiement";

/**
 * Whether the current rent has been paid again in full over the latest
 * months of the ledger, as of `today` (a calendar date). A month is paid in
 * full when the tenant's payments plus the housing benefit paid to the
 * landlord cover its rent and charges. The ledger must reach the current or
 * the previous month; otherwise nothing can be said.
 */
export function rentResumption(lines: readonly LedgerLine[], today: Date, settings: Pick<RepaymentSettings, "rentResumedMonths"> = DEFAULT_REPAYMENT_SETTINGS): RentResumption {
  const count = Math.max(1, Math.trunc(settings.rentResumedMonths));
  const currentMonth = monthStart(today);
  const byMonth = new Map(lines.filter((l) => l.month.getTime() <= currentMonth.getTime()).map((l) => [monthKey(l.month), l]));
  const latest = [...byMonth.values()].sort((a, b) => b.month.getTime() - a.month.getTime())[0];
  if (!latest) {
    return { status: "UNKNOWN", months: [], resumedSince: null, message: "Le relevé ne contient aucun mois : impossible de dire si le loyer courant est de nouveau payé." };
  }
  if (latest.month.getTime() < addMonths(currentMonth, -1).getTime()) {
    return {
      status: "UNKNOWN",
      months: [],
      resumedSince: null,
      message: `Le relevé s'arrête en ${formatMonth(latest.month)} : ajoutez les mois suivants pour vérifier si le loyer courant est de nouveau payé.`,
    };
  }

  const months: RecentMonth[] = [];
  const missing: Date[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const month = addMonths(latest.month, -i);
    const line = byMonth.get(monthKey(month));
    if (!line) missing.push(month);
    else months.push({ month, dueCents: dueOf(line), creditedCents: creditedOf(line), paidInFull: creditedOf(line) >= dueOf(line) });
  }

  const unpaid = months.filter((m) => !m.paidInFull);
  if (unpaid.length > 0) {
    const detail = unpaid.map((m) => `${formatMonth(m.month)} (manque ${formatCents(m.dueCents - m.creditedCents)})`).join(", ");
    return {
      status: "NOT_RESUMED",
      months,
      resumedSince: null,
      message: `Le loyer courant n'est pas intégralement payé : ${detail}. La reprise du paiement intégral du loyer courant avant l'audience est la ${ART_24_V}.`,
    };
  }
  if (missing.length > 0) {
    return {
      status: "UNKNOWN",
      months,
      resumedSince: null,
      message: `Mois absent${missing.length > 1 ? "s" : ""} du relevé : ${missing.map(formatMonth).join(", ")}. Complétez le relevé pour vérifier si le loyer courant est de nouveau payé.`,
    };
  }

  // Walk back from the latest month while the months are on file and paid in full.
  let resumedSince = latest.month;
  for (let month = addMonths(latest.month, -1); ; month = addMonths(month, -1)) {
    const line = byMonth.get(monthKey(month));
    if (!line || creditedOf(line) < dueOf(line)) break;
    resumedSince = month;
  }
  return {
    status: "RESUMED",
    months,
    resumedSince,
    message: `Le loyer courant est payé intégralement depuis ${formatMonth(resumedSince)} : c'est la ${ART_24_V}.`,
  };
}

// ───────────────────────────── The plan

export interface RepaymentInput {
  /** All the household's monthly resources (wages, benefits…), without the housing benefit paid to the landlord. */
  monthlyResourcesCents: number;
  /** Number of people living in the household (adults and children). */
  householdSize: number;
  /** Monthly charges other than the rent (energy, insurance, transport, credits…). */
  monthlyChargesCents: number;
  /** The current rent left to the household: rent + charges − housing benefit paid to the landlord. */
  currentRentCents: number;
  /** The debt to repay. */
  debtCents: number;
  /** The duration the jurist would like to propose (1 to 36 months); the shortest sustainable plan when absent. */
  desiredMonths?: number;
}

export type RepaymentStatus =
  /** Nothing to repay. */
  | "NO_DEBT"
  /** A plan within 36 months that leaves the remaining income floor. */
  | "FEASIBLE"
  /** Resources do not cover rent, charges and the floor: no instalment is sustainable. */
  | "NO_CAPACITY"
  /** Even the whole capacity would need more than 36 months. */
  | "OVER_MAX_MONTHS";

export interface RepaymentPlan {
  status: RepaymentStatus;
  input: RepaymentInput;
  /** Resources − charges − current rent. */
  availableCents: number;
  /** Floor per person × household size. */
  remainingIncomeFloorCents: number;
  /** Available − floor: the most the household can put towards the debt each month (0 or more). */
  capacityCents: number;
  /** The smallest instalment that clears the debt in 36 months. */
  minimumInstalmentCents: number;
  /** FEASIBLE: the proposed monthly instalment. */
  monthlyInstalmentCents: number | null;
  /** FEASIBLE: number of instalments; OVER_MAX_MONTHS: the months the whole capacity would need (null if none). */
  months: number | null;
  /** FEASIBLE: the last instalment (the remainder), which may be smaller. */
  lastInstalmentCents: number | null;
  /** FEASIBLE: what the household keeps each month once rent, charges and instalment are paid. */
  remainingAfterPlanCents: number | null;
  /** The desired duration was not sustainable and a longer plan is proposed instead. */
  desiredMonthsRefused: boolean;
  rentResumption: RentResumption;
  /** French paragraphs, for the page and the PDF. */
  explanation: string[];
}

export interface SimulationContext {
  /** The ledger, for whether the current rent has been resumed. */
  lines: readonly LedgerLine[];
  /** Today in Europe/Paris, a calendar date. */
  today: Date;
  settings?: Partial<RepaymentSettings>;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/** Simulates the plan to propose to the judge. Pure: amounts in cents, `today` given. */
export function simulateRepaymentPlan(input: RepaymentInput, context: SimulationContext): RepaymentPlan {
  if (!Number.isInteger(input.householdSize) || input.householdSize < 1) throw new RangeError("householdSize must be a positive integer");
  if (input.desiredMonths !== undefined && (!Number.isInteger(input.desiredMonths) || input.desiredMonths < 1 || input.desiredMonths > LEGAL_MAX_MONTHS)) {
    throw new RangeError(`desiredMonths must be an integer from 1 to ${LEGAL_MAX_MONTHS}`);
  }
  const settings = { ...DEFAULT_REPAYMENT_SETTINGS, ...context.settings };
  const resumption = rentResumption(context.lines, context.today, settings);
  const availableCents = input.monthlyResourcesCents - input.monthlyChargesCents - input.currentRentCents;
  const remainingIncomeFloorCents = settings.remainingIncomeFloorPerPersonCents * input.householdSize;
  const capacityCents = Math.max(0, availableCents - remainingIncomeFloorCents);
  const debt = input.debtCents;
  const minimumInstalmentCents = debt > 0 ? ceilDiv(debt, LEGAL_MAX_MONTHS) : 0;
  const roundUp = (cents: number) => (settings.roundToWholeEuros ? ceilDiv(cents, 100) * 100 : cents);
  const roundDown = (cents: number) => (settings.roundToWholeEuros && cents >= 100 ? Math.floor(cents / 100) * 100 : cents);

  const base = {
    input,
    availableCents,
    remainingIncomeFloorCents,
    capacityCents,
    minimumInstalmentCents,
    monthlyInstalmentCents: null,
    months: null,
    lastInstalmentCents: null,
    remainingAfterPlanCents: null,
    desiredMonthsRefused: false,
    rentResumption: resumption,
  };
  const budget = budgetParagraph(input, availableCents, settings.remainingIncomeFloorPerPersonCents, remainingIncomeFloorCents, capacityCents);

  if (debt <= 0) {
    return { ...base, status: "NO_DEBT", explanation: ["Aucune dette à apurer : aucun plan n'est nécessaire.", resumption.message] };
  }
  if (capacityCents <= 0) {
    return {
      ...base,
      status: "NO_CAPACITY",
      explanation: [
        budget,
        "Les ressources ne couvrent pas le loyer courant, les charges et le reste à vivre minimal : aucune mensualité n'est soutenable. " +
          "Pistes : aide du FSL pour réduire la dette, dossier de surendettement, demande de délais pour quitter les lieux, relogement.",
        resumption.message,
      ],
    };
  }

  // The instalment: the desired duration's, if the household can bear it; else the whole capacity.
  let instalment: number;
  let desiredMonthsRefused = false;
  if (input.desiredMonths !== undefined) {
    const exact = ceilDiv(debt, input.desiredMonths);
    const rounded = Math.min(roundUp(exact), debt);
    if (rounded <= capacityCents) instalment = rounded;
    else if (exact <= capacityCents) instalment = exact;
    else {
      desiredMonthsRefused = true;
      instalment = Math.min(roundDown(capacityCents), debt);
    }
  } else {
    instalment = Math.min(roundDown(capacityCents), debt);
  }
  const months = ceilDiv(debt, instalment);

  if (months > LEGAL_MAX_MONTHS) {
    return {
      ...base,
      status: "OVER_MAX_MONTHS",
      months,
      desiredMonthsRefused,
      explanation: [
        budget,
        `En y consacrant toute sa capacité de remboursement (${formatCents(capacityCents)} par mois), le ménage solderait la dette de ${formatCents(debt)} en ${months} mois, ` +
          `au-delà des ${LEGAL_MAX_MONTHS} mois que le juge peut accorder (art. 24 V) : il faudrait au moins ${formatCents(minimumInstalmentCents)} par mois. ` +
          "Pistes : aide du FSL pour réduire la dette, dossier de surendettement, demande de délais pour quitter les lieux.",
        resumption.message,
      ],
    };
  }

  const lastInstalmentCents = debt - instalment * (months - 1);
  const remainingAfterPlanCents = availableCents - instalment;
  const plan = [
    `Mensualité proposée : ${formatCents(instalment)} pendant ${months} mois` +
      (lastInstalmentCents !== instalment ? ` (dernière échéance : ${formatCents(lastInstalmentCents)})` : "") +
      `, en plus du loyer courant, pour apurer une dette de ${formatCents(debt)}.`,
    `Après le loyer, les charges et la mensualité, il reste au ménage ${formatCents(remainingAfterPlanCents)} par mois, ` +
      `au-dessus du reste à vivre minimal de ${formatCents(remainingIncomeFloorCents)}.`,
  ].join(" ");
  const refused = desiredMonthsRefused
    ? [
        `Un plan sur ${input.desiredMonths} mois demanderait ${formatCents(ceilDiv(debt, input.desiredMonths!))} par mois, ` +
          `plus que la capacité de remboursement du ménage (${formatCents(capacityCents)}) : le plan le plus court soutenable est proposé.`,
      ]
    : [];
  return {
    ...base,
    status: "FEASIBLE",
    monthlyInstalmentCents: instalment,
    months,
    lastInstalmentCents,
    remainingAfterPlanCents,
    desiredMonthsRefused,
    explanation: [budget, ...refused, plan, resumption.message],
  };
}

function budgetParagraph(input: RepaymentInput, availableCents: number, floorPerPerson: number, floorCents: number, capacityCents: number): string {
  const persons = `${input.householdSize} personne${input.householdSize > 1 ? "s" : ""}`;
  return (
    `Ressources mensuelles : ${formatCents(input.monthlyResourcesCents)} ; charges : ${formatCents(input.monthlyChargesCents)} ; ` +
    `loyer courant restant à charge (loyer et charges locatives, aide au logement déduite) : ${formatCents(input.currentRentCents)}. ` +
    `Disponible : ${formatCents(availableCents)}. Reste à vivre minimal : ${formatCents(floorPerPerson)} par personne × ${persons} = ${formatCents(floorCents)}. ` +
    `Capacité de remboursement : ${formatCents(capacityCents)} par mois.`
  );
}

/**
 * The current rent left to the household: the latest month of the ledger
 * (rent + charges − housing benefit paid to the landlord), or the lease's
 * rent and charges when the ledger is empty. Null when neither is known.
 */
export function currentRentFrom(lines: readonly LedgerLine[], lease: { rentCents: number; chargesCents: number } | null): number | null {
  const latest = [...lines].sort((a, b) => b.month.getTime() - a.month.getTime())[0];
  if (latest) return Math.max(0, dueOf(latest) - latest.housingBenefitCents);
  return lease ? lease.rentCents + lease.chargesCents : null;
}

/**
 * The debt proposed to the simulator: the one the ledger shows when there is
 * a ledger (it is what the jurist argues before the judge), else the one
 * claimed. Issue 13: when the ledger does not cover the claim's months, the
 * ledger's total is not a debt, so the claim is proposed; the jurist confirms
 * (or corrects) it in the simulator, which repays the confirmed amount.
 */
export function debtToRepay(
  lines: readonly LedgerLine[],
  claimedCents: number | null,
  coverage: { covered: boolean } = { covered: true },
): { debtCents: number; source: "LEDGER" | "CLAIM" } | null {
  if (lines.length > 0 && (coverage.covered || claimedCents === null)) return { debtCents: lines.reduce((sum, l) => sum + dueOf(l) - creditedOf(l), 0), source: "LEDGER" };
  return claimedCents === null ? null : { debtCents: claimedCents, source: "CLAIM" };
}
