import { DEADLINE_KIND_LABELS, type DeadlineKind } from "@/lib/domain/labels";
import { storedDeadlineSentence } from "@/lib/domain/procedure/wording";
import { formatDayLong } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";

import { DEFAULT_TEMPLATES, type LetterTemplateText } from "./defaults";
import { LETTER_RECIPIENT, type LetterKind } from "./kinds";
import type { MergeValues } from "./merge-fields";
import { cleanValue, renderBody, renderLine } from "./template";

/**
 * From a case's facts and the team's letterhead to a letter ready to print or
 * to send: pure, so the PDF, the e-mail and the page's preview say the same.
 */

export interface Letterhead {
  /** The team's name: the letterhead's name when none is set. */
  teamName: string;
  name: string | null;
  /** Free text, one line per line of the address. */
  address: string | null;
  phone: string | null;
  email: string | null;
  /** Free text, e.g. "Hélène Rousseau\nCoordinatrice". */
  signature: string | null;
}

export interface PostalAddress {
  line: string;
  extra: string | null;
  postcode: string;
  city: string;
}

/** What the letters need to know about one case (lib/server/queries/letters.ts reads it). */
export interface LetterCase {
  caseId: string;
  number: number;
  /** Adult tenants and co-tenants, main tenant first. */
  tenants: ReadonlyArray<{ firstName: string; lastName: string }>;
  address: PostalAddress;
  email: string | null;
  phone: string | null;
  hearingOn: Date | null;
  /** The case's next stored procedure deadline (Case.nextDeadline*), for {{prochain_delai}} (issue 13). */
  nextDeadline?: { kind: DeadlineKind; on: Date; expiresOn: Date | null } | null;
  courtName: string | null;
  procedureRef: string | null;
  debtCents: number | null;
  landlord: { name: string; addressLine: string | null; postcode: string | null; city: string | null } | null;
  referentName: string | null;
}

export interface ComposedLetter {
  kind: LetterKind;
  caseId: string;
  caseNumber: number;
  /** The team's block, top left: name first. */
  letterhead: string[];
  /** The addressee's block, as on the envelope. */
  recipient: string[];
  /** "Le 10 juin 2026". */
  dateLine: string;
  subject: string;
  /** Lines of the body; "" is a paragraph break. */
  body: string[];
  signature: string[];
  /** Our reference, printed small ("Dossier n° 42"). */
  reference: string;
  /**
   * Issue 15: the team's contact details the letter lacks ("le téléphone"…):
   * such a letter is neither printed nor e-mailed (`contactRefusal`).
   */
  missingContact: string[];
}

/**
 * Every letter tells the household how to reach the team (issue 15): the
 * team's phone (households call far more than they write), and an e-mail or
 * a postal address to write to. The French names of what is missing.
 */
export function teamContactGaps(head: Pick<Letterhead, "phone" | "email" | "address">): string[] {
  const gaps: string[] = [];
  if (!cleanValue(head.phone)) gaps.push("le téléphone");
  if (!cleanValue(head.email) && addressLines(head.address).length === 0) gaps.push("l'e-mail ou l'adresse postale");
  return gaps;
}

/** Why these letters may not go out, or null: the first one lacking a way to reach the team. */
export function contactRefusal(letters: ReadonlyArray<Pick<ComposedLetter, "missingContact">>): string | null {
  const gaps = letters.find((l) => l.missingContact.length > 0)?.missingContact;
  if (!gaps) return null;
  const list = gaps.length === 1 ? gaps[0]! : `${gaps.slice(0, -1).join(", ")} et ${gaps[gaps.length - 1]}`;
  return (
    `Ce courrier ne dit pas comment joindre l'équipe : ${list} de l'équipe ${gaps.length > 1 ? "manquent" : "manque"}. ` +
    "Renseignez-les dans l'en-tête des courriers (Courriers › Modèles) avant d'imprimer ou d'envoyer."
  );
}

/** "Gaëlle LEFÈVRE et Marc LEFÈVRE"; "Ménage" when no tenant is on file. */
export function tenantNames(tenants: LetterCase["tenants"]): string {
  const names = tenants.map((t) => [cleanValue(t.firstName), cleanValue(t.lastName)?.toLocaleUpperCase("fr-FR")].filter(Boolean).join(" ")).filter(Boolean);
  if (names.length === 0) return "";
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(", ")} et ${names[names.length - 1]}`;
}

function oneLine(parts: ReadonlyArray<string | null | undefined>): string | null {
  return cleanValue(parts.map(cleanValue).filter(Boolean).join(", "));
}

function addressLines(text: string | null): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((l) => cleanValue(l))
    .filter((l): l is string => l !== null);
}

/** The household's address on one line: "12 rue des Lilas, bâtiment B, 91000 Évry-Courcouronnes". */
export function householdAddressLine(a: PostalAddress): string {
  return oneLine([a.line, a.extra, [cleanValue(a.postcode), cleanValue(a.city)].filter(Boolean).join(" ")]) ?? "";
}

export function teamDisplayName(h: Letterhead): string {
  return cleanValue(h.name) ?? cleanValue(h.teamName) ?? "";
}

/** Every merge value of a letter for this case, on this day (`today`: the Paris calendar day). */
export function mergeValuesFor(c: LetterCase, head: Letterhead, today: Date): MergeValues {
  const landlordAddress = c.landlord
    ? oneLine([c.landlord.addressLine, [cleanValue(c.landlord.postcode), cleanValue(c.landlord.city)].filter(Boolean).join(" ")])
    : null;
  return {
    nom_locataire: tenantNames(c.tenants) || null,
    adresse: householdAddressLine(c.address) || null,
    code_postal: c.address.postcode,
    ville: c.address.city,
    // A hearing that has passed is not announced to the household as if it were to come.
    date_audience: c.hearingOn && c.hearingOn.getTime() >= today.getTime() ? formatDayLong(c.hearingOn) : null,
    // Issue 13: a delay to come, with both its dates (CPC 641-642); nothing for a plain date or one that has passed.
    prochain_delai:
      c.nextDeadline && c.nextDeadline.expiresOn && c.nextDeadline.on.getTime() >= today.getTime()
        ? storedDeadlineSentence({ ...c.nextDeadline, ruleId: null }, DEADLINE_KIND_LABELS[c.nextDeadline.kind], today)
        : null,
    tribunal: c.courtName,
    reference_procedure: c.procedureRef,
    montant_dette: c.debtCents !== null && c.debtCents > 0 ? formatCents(c.debtCents) : null,
    bailleur: c.landlord?.name ?? null,
    adresse_bailleur: landlordAddress,
    equipe: teamDisplayName(head) || null,
    adresse_equipe: oneLine(addressLines(head.address)),
    telephone_equipe: head.phone,
    email_equipe: head.email,
    referent: c.referentName,
    numero_dossier: String(c.number),
    date_du_jour: formatDayLong(today),
  };
}

export function letterheadLines(h: Letterhead): string[] {
  const lines = [teamDisplayName(h), ...addressLines(h.address)];
  const phone = cleanValue(h.phone);
  const email = cleanValue(h.email);
  if (phone) lines.push(`Tél. : ${phone}`);
  if (email) lines.push(`E-mail : ${email}`);
  return lines.filter(Boolean);
}

function recipientLines(kind: LetterKind, c: LetterCase): string[] {
  if (LETTER_RECIPIENT[kind] === "LANDLORD") {
    if (!c.landlord) return [];
    const cityLine = [cleanValue(c.landlord.postcode), cleanValue(c.landlord.city)].filter(Boolean).join(" ");
    return [cleanValue(c.landlord.name), cleanValue(c.landlord.addressLine), cityLine || null].filter((l): l is string => !!l);
  }
  const names = c.tenants.length ? c.tenants.map((t) => tenantNames([t])) : [];
  return [
    ...names,
    cleanValue(c.address.line),
    cleanValue(c.address.extra),
    [cleanValue(c.address.postcode), cleanValue(c.address.city)].filter(Boolean).join(" ") || null,
  ].filter((l): l is string => !!l);
}

/** Why this letter cannot be written for this case, or null. */
export function letterUnavailable(kind: LetterKind, c: Pick<LetterCase, "landlord">): string | null {
  if (LETTER_RECIPIENT[kind] === "LANDLORD" && !c.landlord) return "Aucun bailleur n'est renseigné pour ce dossier.";
  return null;
}

/** One letter, from the team's template (or the app's default) and the case's facts. */
export function composeLetter(kind: LetterKind, template: LetterTemplateText | null, c: LetterCase, head: Letterhead, today: Date): ComposedLetter {
  const text = template ?? DEFAULT_TEMPLATES[kind];
  const values = mergeValuesFor(c, head, today);
  return {
    kind,
    caseId: c.caseId,
    caseNumber: c.number,
    letterhead: letterheadLines(head),
    recipient: recipientLines(kind, c),
    dateLine: `Le ${formatDayLong(today)}`,
    subject: renderLine(text.subject, values),
    body: renderBody(text.body, values),
    signature: addressLines(head.signature).length ? addressLines(head.signature) : [teamDisplayName(head)].filter(Boolean),
    reference: `Dossier n° ${c.number}`,
    missingContact: teamContactGaps(head),
  };
}

/** The letter as plain text (the e-mail's body). */
export function letterAsText(letter: ComposedLetter): string {
  const contact = letter.letterhead.slice(1);
  return [...letter.body, "", ...letter.signature, ...(contact.length ? ["", "—", letter.letterhead[0]!, ...contact] : []), "", `Référence : ${letter.reference}`].join("\n");
}

/** A fictitious household for the template page's preview: the hearing two months ahead. */
export function exampleCase(today: Date): LetterCase {
  return {
    caseId: "exemple",
    number: 42,
    tenants: [
      { firstName: "Gaëlle", lastName: "Lefèvre" },
      { firstName: "Marc", lastName: "Lefèvre" },
    ],
    address: { line: "12 rue des Lilas", extra: "Bâtiment B", postcode: "91000", city: "Évry-Courcouronnes" },
    email: null,
    phone: null,
    hearingOn: new Date(today.getTime() + 60 * 86_400_000),
    nextDeadline: { kind: "ASSIGNATION_POSSIBLE", expiresOn: new Date(today.getTime() + 20 * 86_400_000), on: new Date(today.getTime() + 21 * 86_400_000) },
    courtName: "Tribunal de proximité de Juvisy-sur-Orge",
    procedureRef: "26/01234",
    debtCents: 3250_00,
    landlord: { name: "SCI Les Tilleuls", addressLine: "4 avenue de la Gare", postcode: "91100", city: "Corbeil-Essonnes" },
    referentName: "Jérôme Lefèvre",
  };
}
