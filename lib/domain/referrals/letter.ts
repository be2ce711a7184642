import { householdAddressLine, letterheadLines, teamContactGaps, teamDisplayName, tenantNames, type ComposedLetter, type Letterhead, type LetterCase } from "@/lib/domain/letters/compose";
import { cleanValue } from "@/lib/domain/letters/template";
import { formatDay, formatDayLong } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";

import { PARTNER_KIND_SHORT, type PartnerKind } from "./partners";
import { CONSENT_LABELS, effectiveShared, type ConsentKind, type SharedItem } from "./referral";

/**
 * The referral letter to the partner (issue 20), pure: the PDF, the e-mail and
 * the page say the same. Only what the household agreed to share appears;
 * without consent the letter carries no name, address, date, amount or
 * situation: it announces that a household the team met may contact the
 * partner, and says why nothing more is written.
 */

export interface ReferralLetterInput {
  referral: {
    id: string;
    referredOn: Date;
    reason: string;
    shared: readonly SharedItem[];
    consent: ConsentKind;
    consentOn: Date | null;
    consentCollectedBy: string | null;
  };
  partner: { kind: PartnerKind; name: string; addressLine: string | null; postcode: string | null; city: string | null; contactName: string | null };
  household: Pick<LetterCase, "number" | "caseId" | "tenants" | "address" | "email" | "phone" | "hearingOn" | "courtName" | "debtCents"> & { stageLabel: string | null };
  head: Letterhead;
  /** Who writes (the signed-in worker). */
  author: string;
}

export type PrintableLetter = Omit<ComposedLetter, "kind">;

export const NO_CONSENT_NOTICE =
  "Le ménage n'a pas donné son accord pour que nous vous transmettions des informations le concernant : ce courrier ne contient donc aucune donnée personnelle.";

export function composeReferralLetter(input: ReferralLetterInput, today: Date): PrintableLetter {
  const { referral, partner, household, head } = input;
  const shared = new Set(effectiveShared(referral.consent, referral.shared));
  const consent = referral.consent !== "NONE";
  const city = [cleanValue(partner.postcode), cleanValue(partner.city)].filter(Boolean).join(" ");
  const recipient = [
    cleanValue(partner.name),
    partner.contactName ? `À l'attention de ${cleanValue(partner.contactName)}` : null,
    cleanValue(partner.addressLine),
    city || null,
  ].filter((l): l is string => !!l);

  const body: string[] = ["Madame, Monsieur,", ""];
  if (!consent) {
    body.push(
      `Notre équipe de prévention des expulsions a rencontré un ménage à qui nous avons conseillé de prendre contact avec votre service (${PARTNER_KIND_SHORT[partner.kind]}).`,
      "",
      NO_CONSENT_NOTICE,
      "",
      "Si le ménage se présente à vous, il pourra mentionner notre équipe. Vous pouvez nous joindre aux coordonnées ci-dessus.",
    );
  } else {
    const who = shared.has("IDENTITY") ? tenantNames(household.tenants) || "le ménage" : "un ménage que nous accompagnons";
    body.push(`Nous vous orientons ${who}, avec son accord, pour la raison suivante :`, "");
    body.push(shared.has("REASON") ? `- ${cleanValue(referral.reason) ?? "motif non précisé"}` : "- le motif de l'orientation vous sera précisé par le ménage");
    const facts: string[] = [];
    if (shared.has("CONTACT")) {
      const address = householdAddressLine(household.address);
      if (address) facts.push(`- Adresse : ${address}`);
      if (cleanValue(household.phone)) facts.push(`- Téléphone : ${cleanValue(household.phone)}`);
      if (cleanValue(household.email)) facts.push(`- E-mail : ${cleanValue(household.email)}`);
    }
    if (shared.has("PROCEDURE")) {
      if (household.stageLabel) facts.push(`- Étape de la procédure d'expulsion : ${household.stageLabel}`);
      if (household.hearingOn && household.hearingOn.getTime() >= today.getTime()) {
        facts.push(`- Audience le ${formatDayLong(household.hearingOn)}${household.courtName ? ` (${cleanValue(household.courtName)})` : ""}`);
      }
    }
    if (shared.has("DEBT") && household.debtCents !== null && household.debtCents > 0) facts.push(`- Dette de loyer déclarée : ${formatCents(household.debtCents)}`);
    if (facts.length) body.push("", "Informations transmises avec l'accord du ménage :", ...facts);
    body.push(
      "",
      `${CONSENT_LABELS[referral.consent]} du ménage${referral.consentOn ? ` recueilli le ${formatDay(referral.consentOn)}` : ""}${referral.consentCollectedBy ? ` par ${cleanValue(referral.consentCollectedBy)}` : ""}.`,
      "Merci de nous dire si un rendez-vous a pu être pris : nous faisons le point avec le ménage dans quinze jours.",
    );
  }
  body.push("", "Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.");
  return {
    caseId: household.caseId,
    caseNumber: household.number,
    letterhead: letterheadLines(head),
    recipient,
    dateLine: `Le ${formatDayLong(today)}`,
    subject: consent ? "Orientation d'un ménage menacé d'expulsion" : "Orientation d'un ménage (sans données personnelles)",
    body,
    signature: [cleanValue(input.author), teamDisplayName(head)].filter((l): l is string => !!l),
    // Our reference: without consent, not even the case number (it would let the partner match a later call).
    reference: consent ? `Orientation — dossier n° ${household.number}` : `Orientation ${referral.id.slice(-6)}`,
    // Issue 15: the partner must be able to reach the team, like every letter's recipient.
    missingContact: teamContactGaps(head),
  };
}
