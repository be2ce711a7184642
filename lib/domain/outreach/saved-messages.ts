import type { OutreachKind } from "@/lib/domain/labels";

/** What the case page says once an outreach event is saved (issue 16 §3). */
export const OUTREACH_SAVED_MESSAGES: Record<OutreachKind, string> = {
  LETTER_TENANT: "Courrier au locataire enregistré.",
  LETTER_LANDLORD: "Courrier au bailleur enregistré.",
  SMS: "SMS enregistré.",
  EMAIL: "Courriel enregistré.",
  PHONE_CALL: "Appel sans réponse enregistré.",
  VISIT: "Visite enregistrée.",
  REMINDER: "Relance enregistrée.",
  HOUSEHOLD_CONTACT: "Contact enregistré : le ménage est accompagné.",
  LANDLORD_CONTACT: "Contact du bailleur enregistré.",
  CLOSURE: "Dossier clôturé.",
  REOPENING: "Dossier rouvert.",
};
