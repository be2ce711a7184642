import type { CaseState, ClosureCategory, ClosureReason } from "@/lib/domain/labels";
import type { OpenState } from "@/lib/domain/outreach/states";

/**
 * The funder report's stages of a case in progress (shared/domain/indicators.md:
 * "in progress, at the first-letter stage", "at the reminder stage").
 *
 * IDENTIFIED counts in FIRST_LETTER: a case just identified is at the
 * first-letter step (the letter is the next thing done), and a report that
 * left it out would lose cases between "identified" and "letter sent". The
 * dashboard also shows the count per workflow state, so nothing is hidden.
 */
export const STAGE_GROUPS = ["FIRST_LETTER", "VISITS", "REMINDER", "SUPPORTED"] as const;
export type StageGroup = (typeof STAGE_GROUPS)[number];

/**
 * French names of the report's stages (kept here, next to the grouping: they
 * are the indicators' words, not a stored enum's).
 */
export const STAGE_GROUP_LABELS: Readonly<Record<StageGroup, string>> = {
  FIRST_LETTER: "Premier courrier",
  VISITS: "Visites à domicile",
  REMINDER: "Relance",
  SUPPORTED: "Accompagnement",
};

export const STAGE_OF_STATE: Readonly<Record<OpenState, StageGroup>> = {
  IDENTIFIED: "FIRST_LETTER",
  FIRST_LETTER_SENT: "FIRST_LETTER",
  VISIT_1_FAILED: "VISITS",
  VISIT_2_FAILED: "VISITS",
  REMINDER_SENT: "REMINDER",
  SUPPORTED: "SUPPORTED",
};

export function stageGroupOf(state: CaseState): StageGroup | null {
  return state === "CLOSED" ? null : STAGE_OF_STATE[state];
}

/** Closure reasons that mean the household left (or was never at the address): the report's "left or NPAI". */
export const LEFT_OR_NPAI_REASONS: readonly ClosureReason[] = ["LEFT_DWELLING", "NOT_AT_ADDRESS"];

/**
 * The funder's category of a closed case, from the two dimensions the report
 * mixes (indicators.md): TOOK_CONTACT is "was supported" (Case.supported), and
 * LEFT_OR_NPAI is the closure reason. A supported household that left is in
 * both (the Essonne report's 77 + 64 + 153 = 294 for 292 closures); NO_CONTACT
 * is every closed case in neither. So the categories are counted one by one,
 * and their shares may add up to more than 100 %.
 */
export function closureCategories(supported: boolean, reason: ClosureReason | null): ClosureCategory[] {
  const left = reason !== null && LEFT_OR_NPAI_REASONS.includes(reason);
  const out: ClosureCategory[] = [];
  if (supported) out.push("TOOK_CONTACT");
  if (left) out.push("LEFT_OR_NPAI");
  if (!supported && !left) out.push("NO_CONTACT");
  return out;
}

/** A share to one decimal, half up (26.37 → 26.4); null when there is nothing to divide by. */
export function percent(count: number, base: number): number | null {
  if (base <= 0) return null;
  return Math.round((count * 1000) / base) / 10;
}

/** 26.4 → "26,4 %"; null → "–". Percentages always keep one decimal (indicators.md). */
export function formatPercent(value: number | null): string {
  if (value === null) return "–";
  return `${value.toFixed(1).replace(".", ",")}\u00a0%`;
}
