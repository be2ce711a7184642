import { CHARGE_SOURCE_LABELS, RESOURCE_SOURCE_LABELS, type ChargeSource, type ResourceSource } from "@/lib/domain/labels";

/**
 * The household's budget in an in-depth diagnostic (DSF) and its remaining
 * income ("reste à vivre", shared/domain/glossary.md). Amounts are monthly,
 * in integer cents.
 *
 *   remaining = resources − charges − (rent − housing benefit)
 *
 * Resources exclude the housing benefit (APL), which is taken off the rent it
 * pays: the hearing file's simulator reads the same amounts (resources and
 * charges summed, rent net of benefit from the ledger).
 */

export const RESOURCE_SOURCES = Object.keys(RESOURCE_SOURCE_LABELS) as ResourceSource[];
export const CHARGE_SOURCES = Object.keys(CHARGE_SOURCE_LABELS) as ChargeSource[];

/**
 * Days in a month for the daily remaining income: the 30-day month of the
 * social services' budget grids (CAF, FSL, Banque de France budgets count a
 * month as 30 days). A named convention, not a law.
 */
export const DAYS_PER_MONTH = 30;

export type AmountsBySource = Record<string, number>;

export interface Budget {
  /** Monthly amounts by source, in cents; missing sources are 0. */
  resources: AmountsBySource;
  charges: AmountsBySource;
  /** Rent and service charges paid to the landlord each month. */
  rentCents: number;
  housingBenefitCents: number;
  adults: number;
  children: number;
}

export interface RemainingIncome {
  resourcesCents: number;
  chargesCents: number;
  /** Rent minus housing benefit: what the household itself pays for housing. */
  netRentCents: number;
  monthlyCents: number;
  persons: number;
  perPersonMonthlyCents: number;
  perPersonDailyCents: number;
}

/** The total of an {source: cents} object. */
export function sumAmounts(amounts: AmountsBySource): number {
  return Object.values(amounts).reduce((a, b) => a + b, 0);
}

/**
 * Monthly, per person and per day remaining income. Null when the household
 * counts nobody (the composition is not filled in yet): no division by zero,
 * no invented figure. Per-person figures are rounded down to the cent: the
 * app never overstates what a household has left to live on.
 */
export function remainingIncome(budget: Budget): RemainingIncome | null {
  const persons = budget.adults + budget.children;
  if (!Number.isInteger(persons) || persons <= 0) return null;
  const resourcesCents = sumAmounts(budget.resources);
  const chargesCents = sumAmounts(budget.charges);
  const netRentCents = budget.rentCents - budget.housingBenefitCents;
  const monthlyCents = resourcesCents - chargesCents - netRentCents;
  return {
    resourcesCents,
    chargesCents,
    netRentCents,
    monthlyCents,
    persons,
    perPersonMonthlyCents: Math.floor(monthlyCents / persons),
    perPersonDailyCents: Math.floor(monthlyCents / persons / DAYS_PER_MONTH),
  };
}

/**
 * Reads a stored {source: cents} object (Diagnostic.resources / charges, a
 * JSON column) back. Keys outside the known list are kept (older or seeded
 * rows), so that no amount silently disappears from a total; values that are
 * not non-negative whole cents are reported, not dropped.
 */
export function readAmounts(json: unknown): { amounts: AmountsBySource; invalid: string[] } {
  const amounts: AmountsBySource = {};
  const invalid: string[] = [];
  if (json === null || json === undefined) return { amounts, invalid };
  if (typeof json !== "object" || Array.isArray(json)) return { amounts, invalid: ["*"] };
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) amounts[key] = value;
    else invalid.push(key);
  }
  return { amounts, invalid };
}

/** The label of a resource or charge key, the key itself when it is not a known source. */
export function sourceLabel(kind: "resources" | "charges", key: string): string {
  const labels: Record<string, string> = kind === "resources" ? RESOURCE_SOURCE_LABELS : CHARGE_SOURCE_LABELS;
  return labels[key] ?? key;
}
