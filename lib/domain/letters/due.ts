import { isOutreachState, type CaseState } from "@/lib/domain/outreach/states";

import type { LetterKind } from "./kinds";

/**
 * Which cases a batch of letters is for. The rules follow the outreach to-do
 * (lib/domain/outreach/pending-steps.ts), so "Courriers" and "À faire" agree:
 * - first letter: no tenant letter on file and no contact yet (IDENTIFIED, or a
 *   visit made before the letter);
 * - landlord letter: none on file, a landlord known, the case open;
 * - door notices: the cases with a visit to make (notices are printed before a round);
 * - reminder: the second visit failed and its 15 days have passed.
 * The batch query (lib/server/queries/letters.ts) writes the same rules as a
 * database filter; an integration test checks both agree.
 */
export interface LetterDueFacts {
  state: CaseState;
  tenantLetterSentOn: Date | null;
  landlordLetterSentOn: Date | null;
  reminderDueOn: Date | null;
  hasLandlord: boolean;
}

export const VISIT_TO_MAKE_STATES = ["FIRST_LETTER_SENT", "VISIT_1_FAILED"] as const satisfies readonly CaseState[];

export function letterDue(kind: LetterKind, c: LetterDueFacts, today: Date): boolean {
  switch (kind) {
    case "TENANT_FIRST_LETTER":
      return isOutreachState(c.state) && !c.tenantLetterSentOn;
    case "LANDLORD_LETTER":
      return c.state !== "CLOSED" && !c.landlordLetterSentOn && c.hasLandlord;
    case "DOOR_NOTICE":
      return (VISIT_TO_MAKE_STATES as readonly CaseState[]).includes(c.state);
    case "REMINDER":
      return c.state === "VISIT_2_FAILED" && !!c.reminderDueOn && c.reminderDueOn.getTime() <= today.getTime();
  }
}

/** Why a letter of this kind is not (or no longer) due, for the confirmation report. */
export function notDueReason(kind: LetterKind, c: LetterDueFacts, formatDay: (d: Date) => string): string {
  if (c.state === "CLOSED") return "Le dossier est clôturé.";
  switch (kind) {
    case "TENANT_FIRST_LETTER":
      if (c.tenantLetterSentOn) return `Le premier courrier au locataire est déjà enregistré (${formatDay(c.tenantLetterSentOn)}).`;
      return "Le ménage est déjà en contact avec l'équipe : le premier courrier n'a plus lieu d'être.";
    case "LANDLORD_LETTER":
      if (!c.hasLandlord) return "Aucun bailleur n'est renseigné pour ce dossier.";
      return `Le courrier au bailleur est déjà enregistré (${formatDay(c.landlordLetterSentOn!)}).`;
    case "DOOR_NOTICE":
      return "Aucune visite n'est à faire pour ce dossier.";
    case "REMINDER":
      if (c.state === "REMINDER_SENT") return "La relance a déjà été envoyée.";
      if (c.state === "VISIT_2_FAILED" && c.reminderDueOn) return `La relance ne peut être envoyée qu'à partir du ${formatDay(c.reminderDueOn)}.`;
      return "La relance n'est possible qu'après la deuxième visite sans contact.";
  }
}
