import { formatDay } from "@/lib/utils/dates";

/**
 * What the team did with a landlord and whether the landlord answered, in the
 * same words on the landlord pages and the dashboard (issue 15): a letter
 * sent is not an answer. "Courrier envoyé le …" counts the landlord letters
 * (the dashboard's "Bailleurs à qui l'équipe a écrit"); "A répondu le …" the
 * landlord's own contacts ("Bailleurs ayant répondu").
 */
export interface LandlordStatus {
  lastLetterOn: Date | null;
  lastAnswerOn: Date | null;
}

export function letterLine(s: LandlordStatus): string {
  return s.lastLetterOn ? `Courrier envoyé le ${formatDay(s.lastLetterOn)}` : "Aucun courrier envoyé";
}

export function answerLine(s: LandlordStatus): string {
  return s.lastAnswerOn ? `A répondu le ${formatDay(s.lastAnswerOn)}` : "N'a pas répondu";
}
