import type { DueSection } from "@/lib/domain/outreach/urgency";
import { formatDay, formatDayLong } from "@/lib/utils/dates";

/**
 * The daily e-mail digest of a worker's due work (issue 20). Counts and case
 * numbers only: an e-mail leaves the app's protection (a phone's lock screen,
 * a forwarded message), so no household name, address or situation is
 * written in it. The worker opens the app to see who it is.
 */

export const DIGEST_SECTION_LABELS: Record<DueSection | "REFERRAL_NO_NEWS", string> = {
  HEARING_SOON: "Audience dans 15 jours ou moins, sans contact",
  REMINDER_DUE: "Relances à envoyer",
  VISIT: "Visites à faire",
  LETTER: "Courriers à envoyer",
  CLOSURE: "Clôtures à décider",
  HEARING_LATER: "Audience dans 16 à 45 jours, sans contact",
  REMINDER_UPCOMING: "Relances à venir",
  REFERRAL_NO_NEWS: "Orientations sans nouvelles depuis 15 jours",
};

export interface DigestSection {
  key: keyof typeof DIGEST_SECTION_LABELS;
  total: number;
  caseNumbers: number[];
}

export interface DigestInput {
  today: Date;
  teamName: string;
  sections: readonly DigestSection[];
  /** The app's address, for the link to "À faire" (APP_URL); none: no link. */
  appUrl: string | null;
}

/** Case numbers shown per section; the rest is counted. */
export const DIGEST_NUMBERS_SHOWN = 20;

export function composeDigest(input: DigestInput): { subject: string; text: string; total: number } | null {
  const sections = input.sections.filter((s) => s.total > 0);
  if (!sections.length) return null;
  const total = sections.reduce((n, s) => n + s.total, 0);
  const lines = [`À faire au ${formatDayLong(input.today)} — ${input.teamName}`, ""];
  for (const s of sections) {
    const shown = s.caseNumbers.slice(0, DIGEST_NUMBERS_SHOWN).map((n) => `n° ${n}`);
    const more = s.total > shown.length ? ` et ${s.total - shown.length} autre(s)` : "";
    lines.push(`${DIGEST_SECTION_LABELS[s.key]} : ${s.total}`, `  Dossiers ${shown.join(", ")}${more}`, "");
  }
  if (input.appUrl) lines.push(`Ouvrir « À faire » : ${input.appUrl.replace(/\/$/, "")}/a-faire`, "");
  lines.push(
    "Ce message ne contient volontairement aucun nom : ouvrez l'application pour le détail.",
    "Vous le recevez car vous l'avez demandé dans « Mon compte » ; vous pouvez l'arrêter au même endroit.",
  );
  return { subject: `Maintien — ${total} chose(s) à faire le ${formatDay(input.today)}`, text: lines.join("\n"), total };
}
