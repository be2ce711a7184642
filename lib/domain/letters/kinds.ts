import type { OutreachKind } from "@/lib/domain/labels";

/**
 * The four letters of the outreach sequence (shared/domain/outreach.md, issue
 * 7), mirror of Prisma's `LetterKind`. Their French labels live here with the
 * rest of the letters' vocabulary.
 */
export const LETTER_KINDS = ["TENANT_FIRST_LETTER", "LANDLORD_LETTER", "DOOR_NOTICE", "REMINDER"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  TENANT_FIRST_LETTER: "Premier courrier au locataire",
  LANDLORD_LETTER: "Courrier au bailleur",
  DOOR_NOTICE: "Avis de passage",
  REMINDER: "Relance",
};

/** Plural, for batches ("Télécharger les premiers courriers aux locataires"). */
export const LETTER_KIND_PLURALS: Record<LetterKind, string> = {
  TENANT_FIRST_LETTER: "premiers courriers aux locataires",
  LANDLORD_LETTER: "courriers aux bailleurs",
  DOOR_NOTICE: "avis de passage",
  REMINDER: "relances",
};

/** French URL segments (`/courriers/dossiers/<id>/pdf?courrier=premier-courrier`). */
export const LETTER_KIND_SLUGS: Record<LetterKind, string> = {
  TENANT_FIRST_LETTER: "premier-courrier",
  LANDLORD_LETTER: "bailleur",
  DOOR_NOTICE: "avis-de-passage",
  REMINDER: "relance",
};

export function letterKindFromSlug(slug: string | null | undefined): LetterKind | null {
  const found = LETTER_KINDS.find((k) => LETTER_KIND_SLUGS[k] === slug);
  return found ?? null;
}

/** Who the letter goes to: the household's address, or the landlord's. */
export const LETTER_RECIPIENT: Record<LetterKind, "HOUSEHOLD" | "LANDLORD"> = {
  TENANT_FIRST_LETTER: "HOUSEHOLD",
  LANDLORD_LETTER: "LANDLORD",
  DOOR_NOTICE: "HOUSEHOLD",
  REMINDER: "HOUSEHOLD",
};

/**
 * The outreach event that confirming the letter as sent records; the workflow's
 * transition table decides whether it is allowed. The door notice records
 * nothing of its own: it is left during a visit, and the visit's form has
 * "avis de passage laissé".
 */
export const LETTER_OUTREACH_EVENT: Record<LetterKind, Extract<OutreachKind, "LETTER_TENANT" | "LETTER_LANDLORD" | "REMINDER"> | null> = {
  TENANT_FIRST_LETTER: "LETTER_TENANT",
  LANDLORD_LETTER: "LETTER_LANDLORD",
  DOOR_NOTICE: null,
  REMINDER: "REMINDER",
};
