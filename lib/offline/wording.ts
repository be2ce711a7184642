// Issue 18: the French wording of the offline states (pure: no browser API).
import { CONTACT_CHANNEL_LABELS, OUTREACH_KIND_LABELS, VISIT_OUTCOME_LABELS } from "@/lib/domain/labels";

/** "Enregistrée sur le téléphone : sera envoyée au retour du réseau (3 en attente)." */
export function savedOnPhoneMessage(pending: number): string {
  return `Enregistrée sur le téléphone : sera envoyée au retour du réseau (${pending} en attente).`;
}

export function pendingMessage(pending: number): string {
  return pending === 1
    ? "1 saisie enregistrée sur le téléphone : elle sera envoyée au retour du réseau (1 en attente)."
    : `${pending} saisies enregistrées sur le téléphone : elles seront envoyées au retour du réseau (${pending} en attente).`;
}

export function sentMessage(sent: number): string {
  return sent === 1 ? "La saisie faite hors ligne a été envoyée et enregistrée." : `Les ${sent} saisies faites hors ligne ont été envoyées et enregistrées.`;
}

/** Asked before a sign-out would delete entries the server has not recorded. */
export function signOutLossQuestion(left: number): string {
  const what = left === 1 ? "1 saisie faite hors ligne n'est pas encore enregistrée" : `${left} saisies faites hors ligne ne sont pas encore enregistrées`;
  return `${what} (en attente d'envoi ou à revoir). Si vous vous déconnectez maintenant, ${left === 1 ? "elle sera effacée" : "elles seront effacées"} de ce téléphone.\n\nOK : se déconnecter et effacer.\nAnnuler : rester connecté·e, les envoyer au retour du réseau ou les revoir.`;
}

const PARIS_DAY = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long", year: "numeric" });
const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });

/** "données du lundi 7 décembre 2026 à 13:05" */
export function copiedAtText(at: Date): string {
  return `données du ${PARIS_DAY.format(at)} à ${PARIS_TIME.format(at)}`;
}

/** What the worker typed, in words, for the "à revoir" list. */
export function typedValues(fields: Record<string, string>): string[] {
  const out: string[] = [];
  const kind = fields.kind as keyof typeof OUTREACH_KIND_LABELS | undefined;
  if (kind && kind in OUTREACH_KIND_LABELS) out.push(OUTREACH_KIND_LABELS[kind]);
  if (fields.day) out.push(`le ${fields.day.split("-").reverse().join("/")}${fields.time ? ` à ${fields.time}` : ""}`);
  const outcome = fields.outcome as keyof typeof VISIT_OUTCOME_LABELS | undefined;
  if (outcome && outcome in VISIT_OUTCOME_LABELS) out.push(`Résultat : ${VISIT_OUTCOME_LABELS[outcome]}`);
  if (fields.noticeLeft === "on" && outcome === "ABSENT") out.push("Avis de passage déposé");
  if (fields.jointVisit === "on") out.push("Visite conjointe");
  if (fields.indecentHousing === "on") out.push("Logement indécent constaté");
  const channel = fields.channel as keyof typeof CONTACT_CHANNEL_LABELS | undefined;
  if (channel && channel in CONTACT_CHANNEL_LABELS) out.push(`Contact par : ${CONTACT_CHANNEL_LABELS[channel]}`);
  if (fields.note) out.push(`Remarque : ${fields.note}`);
  return out;
}
