import {
  CLOSURE_CATEGORY_LABELS,
  CLOSURE_REASON_LABELS,
  codes,
  type ClosureCategory,
  type ClosureReason,
} from "@/lib/domain/labels";

import type { CaseSnapshot } from "./snapshot";

/**
 * Closure reasons (the Essonne report's detailed reasons), the funder's
 * category each one counts in, and the case situations each one may close.
 *
 * "Was supported" and "closure reason" are two dimensions (indicators.md): a
 * supported household that left is counted supported AND left-or-NPAI. The
 * category is a function of the reason only.
 */

export type { ClosureCategory, ClosureReason };

export const CLOSURE_REASONS: readonly ClosureReason[] = codes(CLOSURE_REASON_LABELS);
export const CLOSURE_CATEGORIES: readonly ClosureCategory[] = codes(CLOSURE_CATEGORY_LABELS);

interface ReasonRule {
  category: ClosureCategory;
  /** May this reason close a case in this situation? */
  allows: (s: CaseSnapshot) => boolean;
  /** French explanation when it may not. */
  refusal: (s: CaseSnapshot) => string;
}

const isSupported = (s: CaseSnapshot) => s.state === "SUPPORTED";

/**
 * Reasons that describe the end of a support relationship: they need one.
 * They count as "took contact" in the report, so allowing them before contact
 * would inflate that figure.
 */
const afterSupport: Pick<ReasonRule, "allows" | "refusal"> = {
  allows: isSupported,
  refusal: () => "Ce motif suppose que le ménage a été accompagné : il n'est possible que pour un dossier en accompagnement.",
};

/**
 * "Gone" reasons need evidence of the departure, because they cut the outreach
 * sequence short and count in the report's "left or NPAI": a visit that found
 * the household gone (provedGone), or the household's own word (SUPPORTED: two
 * supported Essonne households left). Once the reminder is sent the sequence
 * is complete and the team picks the reason that fits what it learned (a
 * reminder returned "NPAI"). A letter returned NPAI earlier is checked by a
 * visit, as the Essonne team does.
 */
const gone: Pick<ReasonRule, "allows" | "refusal"> = {
  allows: (s) => s.provedGone || s.state === "REMINDER_SENT" || s.state === "SUPPORTED",
  refusal: () =>
    "Le départ du ménage doit être constaté : enregistrez d'abord la visite qui l'a constaté " +
    "(ménage parti ou inconnu à l'adresse), ou attendez l'envoi de la relance.",
};

export const CLOSURE_REASON_RULES: Readonly<Record<ClosureReason, ReasonRule>> = {
  /**
   * Any open state: "not already followed by social services" is an
   * eligibility criterion, and finding it wrong (at the list check or later)
   * must take the case out of the caseload at once, to avoid two services
   * going to the same household. Counts as "took contact" (the report's
   * grouping: the household is known and followed).
   */
  ALREADY_FOLLOWED: {
    category: "TOOK_CONTACT",
    allows: (s) => s.state !== "CLOSED",
    refusal: () => "Le dossier est déjà clôturé.",
  },
  SUPPORT_COMPLETED: { category: "TOOK_CONTACT", ...afterSupport },
  REFERRED_TO_MDS: { category: "TOOK_CONTACT", ...afterSupport },
  /** The team learns the debt is paid through the support; a landlord's word alone is a LANDLORD_CONTACT note. */
  DEBT_PAID_OFF: { category: "TOOK_CONTACT", ...afterSupport },
  /**
   * "Declined to continue after first agreeing": only after support began. A
   * household that refused at the door (visit REFUSED) never agreed; it
   * follows the no-contact sequence and gets the reminder.
   */
  DECLINED_TO_CONTINUE: { category: "TOOK_CONTACT", ...afterSupport },
  LEFT_DWELLING: { category: "LEFT_OR_NPAI", ...gone },
  NOT_AT_ADDRESS: { category: "LEFT_OR_NPAI", ...gone },
  /**
   * Only at the end of the sequence (the reminder sent), or when a visit
   * proved the household gone (waiting for a reminder nobody will read is
   * pointless). Never once the household has been in contact: the reason
   * would be false and the report's "never took contact" wrong.
   */
  NO_CONTACT: {
    category: "NO_CONTACT",
    allows: (s) => !s.supported && (s.state === "REMINDER_SENT" || s.provedGone),
    refusal: (s) =>
      s.supported
        ? "Le ménage a été en contact avec l'équipe : la clôture « aucun contact » n'est pas possible."
        : "La clôture « aucun contact » n'est possible qu'après l'envoi de la relance, " +
          "ou si une visite a constaté que le ménage est parti.",
  },
};

/** The report's category of a closure reason. */
export function closureCategory(reason: ClosureReason): ClosureCategory {
  return CLOSURE_REASON_RULES[reason].category;
}

/** Why `reason` may not close this case, in French; null when it may. */
export function closureReasonRefusal(s: CaseSnapshot, reason: ClosureReason): string | null {
  const rule = CLOSURE_REASON_RULES[reason];
  return rule.allows(s) ? null : rule.refusal(s);
}

/** The reasons to offer in the closure form, in the labels' order. */
export function allowedClosureReasons(s: CaseSnapshot): ClosureReason[] {
  return CLOSURE_REASONS.filter((reason) => CLOSURE_REASON_RULES[reason].allows(s));
}
