import type { DeadlineKind } from "@/lib/domain/labels";
import { frenchDay, isBeforeDay } from "./calendar";
import type { CommandementDelay } from "./deadlines";
import type { RuleId } from "./rules";

/**
 * "Expires" and "possible from" in French (CPC 641-642, issue 13): a delay
 * expires at the end of its last day; the act it holds back is possible from
 * the next day. Every place that shows such a deadline (case page, "À faire",
 * caseload, hearing-file PDF, letters) words it with these functions, so they
 * cannot disagree.
 */

/** The name of the delay a rule sets, for "le délai … expire le …". */
export function delayName(ruleId: RuleId, commandement?: CommandementDelay): string {
  switch (ruleId) {
    case "commandement-delay":
      if (commandement?.basis === "six_weeks") return "délai de 6 semaines du commandement de payer";
      if (commandement?.basis === "contractual") return `délai de ${commandement.months} mois du commandement de payer`;
      return "délai du commandement de payer";
    case "ccapex-legal-person-delay":
      return "délai de 2 mois après la saisine de la CCAPEX";
    case "cql-delay":
      return "délai de 2 mois après le commandement de quitter les lieux";
    case "jex-delay":
      return "délai accordé par le juge de l'exécution";
    case "winter-truce":
      return "délai";
    case "appeal-delay":
      return "délai d'appel";
    default:
      return "délai";
  }
}

/** The act a "possible from" deadline holds back, in lower case. */
export const POSSIBLE_ACT: Partial<Record<DeadlineKind, string>> = {
  ASSIGNATION_POSSIBLE: "assignation",
  CQL_POSSIBLE: "commandement de quitter les lieux",
  EXPULSION_POSSIBLE: "expulsion",
};

export type TwoDates = {
  /** The delay's name ("délai de 6 semaines du commandement de payer"). */
  delay: string;
  /** Its last day. */
  expiresOn: Date;
  /** The act it holds back ("assignation"). */
  act: string;
  /** The first day the act is possible (the next day, or 1 April after the winter truce). */
  possibleFrom: Date;
};

/**
 * "Le délai de 6 semaines du commandement de payer expire le 31 mars 2025 ;
 * assignation possible à partir du 1er avril 2025." With `today`, a past date
 * reads "a expiré le …" / "possible depuis le …".
 */
export function expiresThenPossible(d: TwoDates, today?: Date): string {
  const past = (day: Date) => today !== undefined && isBeforeDay(day, today);
  const expires = past(d.expiresOn) ? `a expiré le ${frenchDay(d.expiresOn)}` : `expire le ${frenchDay(d.expiresOn)}`;
  const truce = isBeforeDay(addOneDay(d.expiresOn), d.possibleFrom) ? " (trêve hivernale)" : "";
  const from =
    today !== undefined && !isBeforeDay(today, d.possibleFrom)
      ? `possible depuis le ${frenchDay(d.possibleFrom)}`
      : `possible à partir du ${frenchDay(d.possibleFrom)}`;
  return `Le ${d.delay} ${expires} ; ${d.act} ${from}${truce}`;
}

function addOneDay(day: Date): Date {
  return new Date(day.getTime() + 86_400_000);
}

/** A stored deadline (CaseDeadline, Case.nextDeadline*) in words, with both dates when it has an expiry. */
export function storedDeadlineSentence(
  d: { kind: DeadlineKind; on: Date; expiresOn: Date | null; ruleId?: RuleId | null },
  label: string,
  today?: Date,
): string {
  const act = POSSIBLE_ACT[d.kind];
  if (!act || !d.expiresOn) return `${label} : ${frenchDay(d.on)}`;
  // Without the rule (the caseload keeps only the kind), the delay is not named rather than guessed.
  const delay = d.ruleId ? delayName(d.ruleId) : "délai";
  return expiresThenPossible({ delay, expiresOn: d.expiresOn, act, possibleFrom: d.on }, today);
}
