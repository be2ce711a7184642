/**
 * Documents and photos of a case (issue 19): their kinds, the limits, the
 * refusal messages and the hearing file's annex lines. Pure: no Prisma, no
 * clock, no Node.
 */

export const ATTACHMENT_KINDS = [
  "LEASE",
  "COMMANDEMENT",
  "ASSIGNATION",
  "JUDGMENT",
  "CQL",
  "JEX_DECISION",
  "LANDLORD_STATEMENT",
  "CAF_ATTESTATION",
  "TAX_NOTICE",
  "DSF",
  "HOUSING_PHOTO",
  "LETTER_RECEIVED",
  "OTHER",
] as const;

export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The label in lists and forms (capitalised), and in running text (the annex line). */
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  LEASE: "Bail",
  COMMANDEMENT: "Commandement de payer",
  ASSIGNATION: "Assignation",
  JUDGMENT: "Jugement",
  CQL: "Commandement de quitter les lieux (CQL)",
  JEX_DECISION: "Décision du JEX",
  LANDLORD_STATEMENT: "Décompte du bailleur",
  CAF_ATTESTATION: "Attestation CAF",
  TAX_NOTICE: "Avis d'imposition",
  DSF: "Diagnostic social et financier (DSF)",
  HOUSING_PHOTO: "Photo du logement",
  LETTER_RECEIVED: "Courrier reçu",
  OTHER: "Autre document",
};

/** The kind as it reads inside a sentence: "Pièce n° 3 : décompte du bailleur du 22/06/2026". */
export function kindInSentence(kind: AttachmentKind): string {
  const label = ATTACHMENT_KIND_LABELS[kind];
  // Acronyms and proper nouns keep their capitals (CAF, DSF, JEX, CQL).
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Types accepted, decided from the content (lib/server/attachments/inspect.ts), never the name. */
export const ACCEPTED_MIME_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
] as const;

export type AcceptedMimeType = (typeof ACCEPTED_MIME_TYPES)[number];

/** The extension a stored file is offered under, from its (checked) type. */
export const EXTENSION_OF: Record<AcceptedMimeType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.oasis.opendocument.text": "odt",
};

/** The `accept` attribute of the file input: a hint for the picker, the server decides. */
export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,.heic,.heif,.docx,.odt,application/pdf,image/jpeg,image/png,image/heic,image/heif";

/** 20 MB a file: a scanned judgment of 40 pages fits; a photo is resized on the phone first. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** 200 documents a case: far above a real file, a guard against a runaway script. */
export const MAX_ATTACHMENTS_PER_CASE = 200;
/** Longest side of a photo after the on-device resize. */
export const PHOTO_MAX_SIDE = 2000;

export const ATTACHMENT_NOTE_MAX = 1000;

/** Whether a preview may be shown inline (PDF and images); everything else is downloaded. */
export function isPreviewable(mimeType: string): boolean {
  return mimeType === "application/pdf" || mimeType === "image/jpeg" || mimeType === "image/png";
}

export function isImage(mimeType: string): boolean {
  return mimeType === "image/jpeg" || mimeType === "image/png";
}

/** Why a file was refused: the code travels in the URL after a refused upload, the message is shown. */
export const FILE_REFUSALS = {
  missing: "Choisissez un fichier.",
  empty: "Le fichier est vide.",
  tooLarge: `Le fichier dépasse ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} Mo.`,
  tooMany: `Ce dossier a déjà ${MAX_ATTACHMENTS_PER_CASE} documents : supprimez-en avant d'en ajouter.`,
  type: "Ce type de fichier n'est pas accepté : PDF, JPEG, PNG, HEIC, DOCX ou ODT uniquement (le contenu du fichier est vérifié, pas seulement son nom).",
  mismatch: "Le contenu du fichier ne correspond pas à son extension : enregistrez-le au bon format puis recommencez.",
  unreadable: "Ce fichier est illisible ou endommagé.",
} as const;

export type FileRefusal = keyof typeof FILE_REFUSALS;

export function isFileRefusal(code: string): code is FileRefusal {
  return Object.hasOwn(FILE_REFUSALS, code);
}

/**
 * A safe name to show and to offer on download: no path, no control or quote
 * characters, at most 120 characters, and the extension of the checked type
 * (a HEIC photo converted to JPEG becomes ".jpg").
 */
export function safeFileName(original: string, mimeType: AcceptedMimeType): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  const stem = base
    .replace(/\.[^.]*$/, "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"'<>:*?|;]/g, "_")
    .trim()
    .slice(0, 120);
  return `${stem || "document"}.${EXTENSION_OF[mimeType]}`;
}

/** The extensions a name may carry for a type found in the content ("mismatch" otherwise). */
const NAME_EXTENSIONS: Record<AcceptedMimeType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif", "heic", "heif"],
  "image/png": ["png"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.oasis.opendocument.text": ["odt"],
};

/**
 * A name whose extension says one accepted type while the content is another
 * (a PNG renamed ".pdf") is refused: the person meant to attach something else,
 * and a document filed under the wrong type would mislead whoever opens it. A
 * name without an extension (a phone's camera blob) is fine.
 */
export function nameMatchesType(name: string, mimeType: AcceptedMimeType): boolean {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  if (!m) return true;
  return NAME_EXTENSIONS[mimeType].includes(m[1]!.toLowerCase());
}

export interface AnnexSource {
  id: string;
  kind: AttachmentKind;
  /** The document's date, a UTC-midnight calendar day. */
  documentOn: Date;
}

function dayFr(date: Date): string {
  const d = String(date.getUTCDate()).padStart(2, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${d}/${m}/${date.getUTCFullYear()}`;
}

/**
 * The hearing file's numbered annexes, in the order the jurist's list gives
 * them (the page lists documents by date): "Pièce n° 3 : décompte du bailleur
 * du 22/06/2026".
 */
export function annexLines<T extends AnnexSource>(chosen: readonly T[]): Array<{ number: number; line: string; source: T }> {
  return chosen.map((source, i) => ({
    number: i + 1,
    line: `Pièce n° ${i + 1} : ${kindInSentence(source.kind)} du ${dayFr(source.documentOn)}`,
    source,
  }));
}
