import { BILLABLE_ACT_LABELS, type BillableAct } from "@/lib/domain/labels";

/**
 * Billing of a funder agreement over a chosen period (issue 5, shared/domain/
 * indicators.md "Billing"). Pure: the acts and the agreement come in, the
 * amounts come out. Rates are data (FunderRate rows), never constants.
 *
 * Rules:
 * - An act counts from the agreement's first day: acts dated before it belong
 *   to no agreement; acts after the chosen period's last day are not billed yet.
 * - Caps are counted from the agreement's start, not from the chosen period's:
 *   a week inside the period that is the household's 9th since the start is
 *   over the 8-week cap. Acts before the period still count toward the caps and
 *   the budget ceiling, they are just not billed again in this period.
 * - Caps: FunderAgreement.maxSupportWeeks per household (support weeks),
 *   FunderRate.maxPerHousehold per act and household, FunderAgreement.capCents
 *   for the whole agreement (the act that crosses it is billed for what is
 *   left, the next ones for nothing).
 * - Nothing is dropped silently: an act over a cap is listed as not billable
 *   with its reason in French.
 */

export const BILLABLE_ACTS = Object.keys(BILLABLE_ACT_LABELS) as BillableAct[];

export interface AgreementRate {
  act: BillableAct;
  amountCents: number;
  /** At most this many acts of this kind per household over the agreement (null: no cap). */
  maxPerHousehold: number | null;
}

export interface AgreementTerms {
  periodStart: Date;
  periodEnd: Date;
  /** Share paid at signature, in basis points (6000 = 60 %). */
  advanceShareBp: number;
  advanceReceivedCents: number;
  maxSupportWeeks: number;
  /** Ceiling of the agreement's total funding (null: none). */
  capCents: number | null;
  rates: readonly AgreementRate[];
}

export interface Act {
  /** The diagnostic's or the support week's id. */
  id: string;
  householdId: string;
  act: BillableAct;
  /** The diagnostic's day, or the support week's Monday. */
  on: Date;
}

export interface BillingPeriod {
  from: Date;
  to: Date;
}

export interface BilledAct extends Act {
  /** Nth act of this kind for the household since the agreement's start (1-based). */
  rank: number;
  billable: boolean;
  /** What is billed for it (0 when not billable; less than the rate when the ceiling is reached). */
  amountCents: number;
  /** The rate of the act in the agreement (null: not financed by it). */
  rateCents: number | null;
  /** Why it is not billable, or billed only in part; null when billed in full. */
  reason: string | null;
}

export interface HouseholdBilling {
  householdId: string;
  /** Acts of the chosen period, oldest first. */
  acts: BilledAct[];
  billedCents: number;
  notBillable: number;
  /** Acts between the agreement's start and the period's first day: counted for the caps, billed before. */
  earlier: { count: number; amountCents: number };
}

export interface ActTotal {
  act: BillableAct;
  count: number;
  billable: number;
  amountCents: number;
}

export interface Billing {
  period: BillingPeriod;
  households: HouseholdBilling[];
  byAct: ActTotal[];
  /** Amount due for the chosen period. */
  dueCents: number;
  notBillable: number;
  /** Amount due from the agreement's start to the period's last day. */
  dueToDateCents: number;
  advanceShareBp: number;
  /** The advance the agreement provides: its share of the ceiling (null without a ceiling). */
  advanceExpectedCents: number | null;
  advanceReceivedCents: number;
  /** Due to date minus the advance received: what the funder still owes (negative: advance not yet earned). */
  balanceCents: number;
  capCents: number | null;
  /** What the ceiling still allows after the period (null without a ceiling). */
  capLeftCents: number | null;
}

const fr = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
const ordinal = (n: number) => (n === 1 ? "1er" : `${n}e`);
const euros = (cents: number) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);

const ACT_ORDER: Record<BillableAct, number> = { IN_DEPTH_DIAGNOSTIC: 0, FLASH_DIAGNOSTIC: 1, SUPPORT_WEEK: 2 };

/** The chosen period must lie within the agreement; French messages by field, empty when fine. */
export function billingPeriodErrors(agreement: Pick<AgreementTerms, "periodStart" | "periodEnd">, period: BillingPeriod): Record<"from" | "to", string[]> {
  const errors: Record<"from" | "to", string[]> = { from: [], to: [] };
  if (period.from.getTime() < agreement.periodStart.getTime()) errors.from.push(`La période commence avant la convention (le ${fr(agreement.periodStart)}).`);
  if (period.to.getTime() > agreement.periodEnd.getTime()) errors.to.push(`La période finit après la convention (le ${fr(agreement.periodEnd)}).`);
  if (period.to.getTime() < period.from.getTime()) errors.to.push("La fin de la période ne peut pas précéder son début.");
  return errors;
}

/** The per-household limit of an act: the weeks cap and the rate's own cap, the lower one. */
function limitOf(terms: AgreementTerms, rate: AgreementRate): number {
  const own = rate.maxPerHousehold ?? Infinity;
  return rate.act === "SUPPORT_WEEK" ? Math.min(terms.maxSupportWeeks, own) : own;
}

function overCapReason(terms: AgreementTerms, act: BillableAct, rank: number, limit: number): string {
  if (act === "SUPPORT_WEEK") {
    return `${rank}e semaine d'accompagnement du ménage depuis le début de la convention (le ${fr(terms.periodStart)}) : au-delà du plafond de ${limit} semaine${limit > 1 ? "s" : ""} par ménage.`;
  }
  const label = BILLABLE_ACT_LABELS[act].toLowerCase();
  return `${ordinal(rank)} ${label} du ménage depuis le début de la convention : la convention en finance ${limit} au plus par ménage.`;
}

export function computeBilling(terms: AgreementTerms, acts: readonly Act[], period: BillingPeriod): Billing {
  const rates = new Map(terms.rates.map((r) => [r.act, r]));
  const lastDay = Math.min(period.to.getTime(), terms.periodEnd.getTime());
  const considered = acts
    .filter((a) => a.on.getTime() >= terms.periodStart.getTime() && a.on.getTime() <= lastDay)
    .sort((a, b) => a.on.getTime() - b.on.getTime() || ACT_ORDER[a.act] - ACT_ORDER[b.act] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const ranks = new Map<string, number>();
  const weeksSeen = new Set<string>();
  const households = new Map<string, HouseholdBilling>();
  const household = (id: string) => {
    let h = households.get(id);
    if (!h) households.set(id, (h = { householdId: id, acts: [], billedCents: 0, notBillable: 0, earlier: { count: 0, amountCents: 0 } }));
    return h;
  };
  let billedToDate = 0;
  let due = 0;

  for (const act of considered) {
    const rate = rates.get(act.act);
    let billable = false;
    let amountCents = 0;
    let reason: string | null = null;
    let rank = ranks.get(`${act.householdId}|${act.act}`) ?? 0;

    const weekKey = `${act.householdId}|${act.on.getTime()}`;
    if (act.act === "SUPPORT_WEEK" && weeksSeen.has(weekKey)) {
      reason = `La semaine du ${fr(act.on)} est déjà comptée pour ce ménage.`;
    } else {
      if (act.act === "SUPPORT_WEEK") weeksSeen.add(weekKey);
      rank += 1;
      ranks.set(`${act.householdId}|${act.act}`, rank);
      const limit = rate ? limitOf(terms, rate) : Infinity;
      if (!rate) {
        reason = "Acte non financé par cette convention (aucun tarif).";
      } else if (rank > limit) {
        reason = overCapReason(terms, act.act, rank, limit);
      } else if (terms.capCents !== null && billedToDate + rate.amountCents > terms.capCents) {
        const left = Math.max(0, terms.capCents - billedToDate);
        if (left > 0) {
          billable = true;
          amountCents = left;
          reason = `Facturé en partie (${euros(left)} sur ${euros(rate.amountCents)}) : le plafond de la convention (${euros(terms.capCents)}) est atteint.`;
        } else {
          reason = `Plafond de la convention atteint (${euros(terms.capCents)}).`;
        }
      } else {
        billable = true;
        amountCents = rate.amountCents;
      }
    }
    billedToDate += amountCents;

    const h = household(act.householdId);
    if (act.on.getTime() < period.from.getTime()) {
      h.earlier.count += 1;
      h.earlier.amountCents += amountCents;
      continue;
    }
    h.acts.push({ ...act, rank, billable, amountCents, rateCents: rate?.amountCents ?? null, reason });
    h.billedCents += amountCents;
    if (!billable) h.notBillable += 1;
    due += amountCents;
  }

  const inPeriod = [...households.values()].filter((h) => h.acts.length > 0);
  const byAct: ActTotal[] = BILLABLE_ACTS.map((act) => {
    const all = inPeriod.flatMap((h) => h.acts.filter((a) => a.act === act));
    return { act, count: all.length, billable: all.filter((a) => a.billable).length, amountCents: all.reduce((s, a) => s + a.amountCents, 0) };
  });
  const advanceExpectedCents = terms.capCents === null ? null : Math.round((terms.capCents * terms.advanceShareBp) / 10_000);
  return {
    period,
    households: inPeriod,
    byAct,
    dueCents: due,
    notBillable: inPeriod.reduce((s, h) => s + h.notBillable, 0),
    dueToDateCents: billedToDate,
    advanceShareBp: terms.advanceShareBp,
    advanceExpectedCents,
    advanceReceivedCents: terms.advanceReceivedCents,
    balanceCents: billedToDate - terms.advanceReceivedCents,
    capCents: terms.capCents,
    capLeftCents: terms.capCents === null ? null : Math.max(0, terms.capCents - billedToDate),
  };
}

/** The billable act of a diagnostic. */
export function actOfDiagnostic(kind: "FLASH" | "IN_DEPTH"): BillableAct {
  return kind === "FLASH" ? "FLASH_DIAGNOSTIC" : "IN_DEPTH_DIAGNOSTIC";
}
