import { formatCents } from "@/lib/utils/money";
import { addMonths, formatMonth, monthKey, monthsBetween, monthStart } from "./month";

/**
 * The rent ledger of the hearing file (issue 4): month by month, what the
 * lease made due (rent and charges) and what the landlord received (the
 * tenant's payments and the housing benefit paid directly to the landlord,
 * "tiers payant" of the APL/ALS). The jurist rebuilds it from the rent
 * receipts and the CAF statements to check the debt the landlord claims in
 * the commandement or the assignation: a claim that includes fees, penalties
 * or months already covered by the housing benefit is a common error.
 *
 * Money is integer cents. A balance is what the tenant owes: positive is a
 * debt, negative a credit.
 */

export interface LedgerLine {
  /** First day of the month, UTC midnight. */
  month: Date;
  rentDueCents: number;
  chargesDueCents: number;
  paidCents: number;
  /** Housing benefit paid to the landlord for the month: counted as paid. */
  housingBenefitCents: number;
}

export interface LedgerRow<T extends LedgerLine = LedgerLine> {
  line: T;
  /** Rent + charges due for the month. */
  dueCents: number;
  /** What the landlord received for the month: the tenant's payments + the housing benefit. */
  creditedCents: number;
  /** Due − credited for this month alone. */
  monthBalanceCents: number;
  /** The debt at the end of this month, from the first month of the ledger. */
  runningBalanceCents: number;
}

export interface LedgerTotals {
  rentDueCents: number;
  chargesDueCents: number;
  dueCents: number;
  paidCents: number;
  housingBenefitCents: number;
  creditedCents: number;
  /** The debt computed from the ledger. */
  balanceCents: number;
}

export interface Ledger<T extends LedgerLine = LedgerLine> {
  /** Oldest month first. */
  rows: LedgerRow<T>[];
  totals: LedgerTotals;
  /** Months between the first and the last line that have no line: the ledger is incomplete. */
  missingMonths: Date[];
}

export const dueOf = (line: LedgerLine): number => line.rentDueCents + line.chargesDueCents;
export const creditedOf = (line: LedgerLine): number => line.paidCents + line.housingBenefitCents;

/** Rows with the running balance, totals and gaps, oldest month first. */
export function computeLedger<T extends LedgerLine>(lines: readonly T[]): Ledger<T> {
  const sorted = [...lines].sort((a, b) => a.month.getTime() - b.month.getTime());
  const totals: LedgerTotals = { rentDueCents: 0, chargesDueCents: 0, dueCents: 0, paidCents: 0, housingBenefitCents: 0, creditedCents: 0, balanceCents: 0 };
  const rows = sorted.map((line) => {
    const dueCents = dueOf(line);
    const creditedCents = creditedOf(line);
    totals.rentDueCents += line.rentDueCents;
    totals.chargesDueCents += line.chargesDueCents;
    totals.dueCents += dueCents;
    totals.paidCents += line.paidCents;
    totals.housingBenefitCents += line.housingBenefitCents;
    totals.creditedCents += creditedCents;
    totals.balanceCents += dueCents - creditedCents;
    return { line, dueCents, creditedCents, monthBalanceCents: dueCents - creditedCents, runningBalanceCents: totals.balanceCents };
  });
  return { rows, totals, missingMonths: missingMonths(sorted) };
}

function missingMonths(sorted: readonly LedgerLine[]): Date[] {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const present = new Set(sorted.map((l) => monthKey(l.month)));
  const missing: Date[] = [];
  for (let i = 1; i < monthsBetween(first.month, last.month); i++) {
    const month = addMonths(first.month, i);
    if (!present.has(monthKey(month))) missing.push(month);
  }
  return missing;
}

export type DebtCheckStatus = "MATCHES" | "CLAIM_TOO_HIGH" | "CLAIM_TOO_LOW" | "NOT_COVERED";

export interface DebtCheck {
  claimedDebtCents: number;
  /** The debt the ledger shows up to the claim's "arrêtée au" month (every month when the claim has no date). */
  computedDebtCents: number;
  /** Claimed − computed: positive when the landlord claims more than the ledger shows (in the tenant's favour). */
  differenceCents: number;
  status: DebtCheckStatus;
  /** NOT_COVERED: the months up to the claim's date the ledger lacks, oldest first. */
  uncoveredMonths?: Date[];
  /** NOT_COVERED with no ledger month up to the claim's date: the months before the first uncovered one are lacking too. */
  uncoveredIncludesEarlier?: boolean;
  /** Ledger months after the claim's date, left out of the comparison. */
  monthsAfterClaim?: number;
}

/**
 * Compares the debt the landlord claims with the debt the ledger shows
 * (issue 13): only the ledger months up to the claim's "arrêtée au" month
 * count, and when the ledger does not cover every month up to that date
 * (a gap, or it stops before, or starts after), the comparison is refused
 * (NOT_COVERED) rather than printed as a false difference. The housing
 * benefit paid to the landlord counts as paid: the landlord received it.
 * Cents are exact, so only an equal amount matches.
 */
export function checkClaimedDebt(lines: readonly LedgerLine[], claimedCents: number, claimedOn: Date | null = null): DebtCheck {
  const upTo = claimedOn ? monthStart(claimedOn) : null;
  const relevant = upTo ? lines.filter((l) => l.month.getTime() <= upTo.getTime()) : [...lines];
  const sorted = relevant.sort((a, b) => a.month.getTime() - b.month.getTime());
  const computedDebtCents = sorted.reduce((sum, line) => sum + dueOf(line) - creditedOf(line), 0);
  const differenceCents = claimedCents - computedDebtCents;
  const monthsAfterClaim = lines.length - sorted.length;
  const base = { claimedDebtCents: claimedCents, computedDebtCents, differenceCents, ...(monthsAfterClaim ? { monthsAfterClaim } : {}) };
  if (upTo) {
    const last = sorted[sorted.length - 1];
    if (!last) return { ...base, status: "NOT_COVERED", uncoveredMonths: [upTo], uncoveredIncludesEarlier: true };
    const uncovered = [...missingMonths(sorted)];
    for (let i = 1; i <= monthsBetween(last.month, upTo); i++) uncovered.push(addMonths(last.month, i));
    if (uncovered.length) return { ...base, status: "NOT_COVERED", uncoveredMonths: uncovered };
  }
  const status: DebtCheckStatus = differenceCents === 0 ? "MATCHES" : differenceCents > 0 ? "CLAIM_TOO_HIGH" : "CLAIM_TOO_LOW";
  return { ...base, status };
}

/** "juin 2025", "avril 2026 et mai 2026", "janvier, février et mars 2026" are not merged: each month is named with its year. */
function monthList(months: readonly Date[]): string {
  const names = months.map(formatMonth);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} et ${names[names.length - 1]}`;
}

/** "de juin 2025", "d'avril 2026": French elision before a vowel. */
function deMonths(list: string): string {
  return /^[aeiouyàâéèêîôû]/i.test(list) ? `d'${list}` : `de ${list}`;
}

/**
 * The debt check in French, as the page and the printed file show it:
 * "360,00 € en faveur du locataire" when the landlord claims more than the
 * ledger shows, "… en faveur du bailleur" when less, and, when the ledger
 * does not cover the claim's months, "Le relevé ne couvre pas les mois de … :
 * la comparaison n'est pas possible."
 */
export function describeDebtCheck(check: DebtCheck): { difference: string; sentence: string } {
  const amount = formatCents(Math.abs(check.differenceCents));
  switch (check.status) {
    case "NOT_COVERED": {
      const list = monthList(check.uncoveredMonths ?? []);
      const months = check.uncoveredIncludesEarlier ? `${list} et des mois précédents` : list;
      return {
        difference: "comparaison impossible",
        sentence: `Le relevé ne couvre pas les mois ${deMonths(months)} : la comparaison n'est pas possible. Complétez le relevé jusqu'à la date d'arrêté de la dette réclamée.`,
      };
    }
    case "MATCHES":
      return { difference: "aucun", sentence: "La dette réclamée correspond au relevé des loyers." };
    case "CLAIM_TOO_HIGH":
      return {
        difference: `${amount} en faveur du locataire`,
        sentence: `Le bailleur réclame ${amount} de plus que ce que fait apparaître le relevé des loyers (aide au logement versée au bailleur comptée comme payée) : à faire justifier (frais, pénalités, mois déjà réglés).`,
      };
    case "CLAIM_TOO_LOW":
      return {
        difference: `${amount} en faveur du bailleur`,
        sentence: `Le relevé des loyers fait apparaître ${amount} de plus que la dette réclamée : vérifier les mois saisis et la date d'arrêté de la dette.`,
      };
  }
}

/**
 * A short fingerprint of a line's stored values. A form that edits or deletes
 * a line sends back the fingerprint of the values it showed; the service
 * changes the line only if it still has them, so two people editing the same
 * month cannot overwrite each other without knowing.
 */
export function ledgerLineToken(line: LedgerLine & { note: string | null }): string {
  const numbers = [line.rentDueCents, line.chargesDueCents, line.paidCents, line.housingBenefitCents].join(".");
  return `${monthKey(line.month)}.${numbers}.${fnv1a(line.note ?? "")}`;
}

/** FNV-1a, 32 bits, in base 36: enough to notice that a note changed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * Months of unpaid rent, for the CCAPEX threshold of the département's arrêté
 * (loi 89-462 art. 24 I, issue 13): the months of the ledger in which the
 * landlord received less than what was due.
 */
export function unpaidRentMonths(lines: readonly LedgerLine[]): number {
  return lines.filter((line) => dueOf(line) - creditedOf(line) > 0).length;
}
