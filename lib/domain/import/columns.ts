/**
 * The columns of a préfecture / CCAPEX list (issue 7, docs/import-format.md).
 *
 * Real spreadsheets name their columns in many ways ("Nom", "NOM DU
 * LOCATAIRE", "Nom locataire"), with accents or without, with extra spaces,
 * and carry columns the app does not use. A header matches a column when its
 * normalised form equals the column's name or one of its synonyms; headers
 * that match nothing are ignored (and listed in the preview).
 */

export const IMPORT_COLUMNS = [
  { key: "tenantLastName", label: "Nom du locataire", synonyms: ["nom", "nom locataire", "locataire nom", "nom de famille", "nom du titulaire", "nom titulaire", "nom du locataire principal"] },
  { key: "tenantFirstName", label: "Prénom du locataire", synonyms: ["prenom", "prenom locataire", "locataire prenom", "prenom du titulaire", "prenom titulaire"] },
  { key: "tenants", label: "Locataire(s)", synonyms: ["locataire", "locataires", "locataire s", "occupant", "occupants", "nom et prenom", "nom prenom", "nom prenom locataire", "identite", "identite du locataire", "menage", "titulaire du bail", "titulaires du bail"] },
  { key: "coTenantLastName", label: "Nom du co-locataire", synonyms: ["nom colocataire", "nom co locataire", "nom du colocataire", "nom cotitulaire", "nom du cotitulaire", "nom conjoint"] },
  { key: "coTenantFirstName", label: "Prénom du co-locataire", synonyms: ["prenom colocataire", "prenom co locataire", "prenom du colocataire", "prenom cotitulaire", "prenom du cotitulaire", "prenom conjoint"] },
  { key: "addressLine", label: "Adresse", synonyms: ["adresse du logement", "adresse logement", "adresse locataire", "adresse du locataire", "voie", "rue", "adresse postale", "numero et voie", "adresse des lieux loues", "lieux loues"] },
  { key: "addressExtra", label: "Complément d'adresse", synonyms: ["complement", "complement adresse", "adresse complement", "batiment", "residence", "etage", "appartement", "adresse 2", "adresse ligne 2"] },
  { key: "postcode", label: "Code postal", synonyms: ["cp", "code postal logement", "code postal du logement", "codepostal"] },
  { key: "city", label: "Commune", synonyms: ["ville", "localite", "commune du logement", "ville du logement", "commune logement"] },
  { key: "phone", label: "Téléphone", synonyms: ["tel", "telephone locataire", "telephone du locataire", "tel locataire", "portable", "mobile", "numero de telephone", "telephone menage"] },
  { key: "email", label: "Courriel", synonyms: ["e mail", "email", "mail", "adresse electronique", "adresse mail", "adresse e mail", "courriel locataire", "email locataire", "mail locataire", "courriel du locataire"] },
  { key: "landlordName", label: "Bailleur", synonyms: ["nom du bailleur", "nom bailleur", "bailleur nom", "proprietaire", "nom du proprietaire", "nom proprietaire", "demandeur", "requerant"] },
  { key: "landlordKind", label: "Type de bailleur", synonyms: ["type bailleur", "nature du bailleur", "nature bailleur", "categorie de bailleur", "categorie bailleur", "qualite du bailleur", "statut du bailleur", "type de proprietaire"] },
  { key: "landlordAddress", label: "Adresse du bailleur", synonyms: ["adresse bailleur", "bailleur adresse", "adresse du proprietaire", "adresse proprietaire"] },
  { key: "landlordPostcode", label: "Code postal du bailleur", synonyms: ["cp bailleur", "code postal bailleur", "bailleur code postal"] },
  { key: "landlordCity", label: "Commune du bailleur", synonyms: ["ville bailleur", "ville du bailleur", "commune bailleur", "bailleur ville"] },
  { key: "landlordPhone", label: "Téléphone du bailleur", synonyms: ["tel bailleur", "telephone bailleur", "bailleur telephone"] },
  { key: "landlordEmail", label: "Courriel du bailleur", synonyms: ["email bailleur", "mail bailleur", "e mail bailleur", "courriel bailleur", "bailleur courriel", "bailleur email"] },
  { key: "debt", label: "Dette locative", synonyms: ["dette", "montant de la dette", "montant dette", "impayes", "montant des impayes", "montant impaye", "arrieres", "arriere locatif", "montant de l arriere", "dette en euros", "somme due", "montant du"] },
  { key: "rent", label: "Loyer mensuel", synonyms: ["loyer", "loyer hors charges", "loyer hc", "montant du loyer", "loyer mensuel hors charges", "loyer nu"] },
  { key: "charges", label: "Charges mensuelles", synonyms: ["charges", "provisions sur charges", "montant des charges"] },
  { key: "leaseSignedOn", label: "Date du bail", synonyms: ["date de signature du bail", "date signature bail", "bail signe le", "date bail"] },
  { key: "stage", label: "Étape", synonyms: ["etape de la procedure", "stade", "stade de la procedure", "acte", "nature de l acte", "type d acte", "type acte", "procedure", "etat de la procedure"] },
  { key: "actDate", label: "Date de l'acte", synonyms: ["date acte", "date de signification", "date signification", "date de delivrance", "date du commandement", "date de l assignation", "date assignation", "date de notification", "date notification"] },
  { key: "hearingDate", label: "Date d'audience", synonyms: ["audience", "date audience", "date de l audience", "audience le"] },
  { key: "courtName", label: "Tribunal", synonyms: ["juridiction", "tribunal judiciaire", "tribunal de proximite", "lieu d audience", "lieu de l audience"] },
  { key: "procedureRef", label: "Référence de la procédure", synonyms: ["reference", "ref", "reference procedure", "ref procedure", "numero rg", "n rg", "no rg", "rg", "numero de dossier", "n dossier", "numero dossier", "reference exploc", "numero exploc", "n exploc", "exploc"] },
  { key: "alreadyFollowed", label: "Déjà suivi", synonyms: ["suivi", "suivi social", "suivi en cours", "deja suivi par un travailleur social", "suivi travailleur social", "connu des services sociaux", "accompagnement en cours"] },
] as const satisfies ReadonlyArray<{ key: string; label: string; synonyms: readonly string[] }>;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

export const COLUMN_LABELS: Record<ImportColumnKey, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.label])) as Record<ImportColumnKey, string>;

// Small words that vary between spreadsheets without changing the meaning.
const STOP_WORDS = new Set(["de", "du", "des", "la", "le", "les", "l", "d", "en", "a", "au", "aux", "et"]);

/**
 * "Date de l'Acte " → "date acte"; "N° RG" → "n rg"; "E-mail" → "e mail".
 * Accents, case, punctuation, repeated spaces and small words do not count.
 */
export function normaliseHeader(header: string): string {
  const words = header
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return (kept.length > 0 ? kept : words).join(" ");
}

const HEADER_INDEX: ReadonlyMap<string, ImportColumnKey> = (() => {
  const index = new Map<string, ImportColumnKey>();
  for (const column of IMPORT_COLUMNS) {
    for (const name of [column.label, ...column.synonyms]) {
      const key = normaliseHeader(name);
      const known = index.get(key);
      if (known && known !== column.key) throw new Error(`Import column synonym "${name}" is used by ${known} and ${column.key}`);
      index.set(key, column.key);
    }
  }
  return index;
})();

/** The column a header names, or null for a column the app does not use. */
export function matchHeader(header: string): ImportColumnKey | null {
  return HEADER_INDEX.get(normaliseHeader(header)) ?? null;
}

export interface HeaderMapping {
  /** Column key → index of the spreadsheet column that holds it. */
  columns: Partial<Record<ImportColumnKey, number>>;
  /** Headers that match no column (kept in the preview, ignored by the import). */
  ignored: string[];
  /** A column named twice: the first one is used. */
  duplicates: { key: ImportColumnKey; header: string }[];
}

export function mapHeaders(headers: ReadonlyArray<string>): HeaderMapping {
  const columns: Partial<Record<ImportColumnKey, number>> = {};
  const ignored: string[] = [];
  const duplicates: HeaderMapping["duplicates"] = [];
  headers.forEach((header, index) => {
    if (header.trim() === "") return;
    const key = matchHeader(header);
    if (!key) ignored.push(header.trim());
    else if (columns[key] !== undefined) duplicates.push({ key, header: header.trim() });
    else columns[key] = index;
  });
  return { columns, ignored, duplicates };
}

/**
 * What the file must name, as French messages (empty: the file can be read).
 * A tenant is named either by "Nom du locataire" or by "Locataire(s)".
 */
export function missingColumns(mapping: HeaderMapping): string[] {
  const has = (key: ImportColumnKey) => mapping.columns[key] !== undefined;
  const missing: string[] = [];
  if (!has("tenantLastName") && !has("tenants")) missing.push(`« ${COLUMN_LABELS.tenantLastName} » (ou « ${COLUMN_LABELS.tenants} »)`);
  for (const key of REQUIRED_COLUMNS) if (!has(key)) missing.push(`« ${COLUMN_LABELS[key]} »`);
  return missing;
}

/** Columns every row must fill (besides the tenant's name). */
export const REQUIRED_COLUMNS = ["addressLine", "postcode", "city", "landlordName", "landlordKind", "rent", "actDate"] as const satisfies readonly ImportColumnKey[];

/**
 * The header row: préfecture spreadsheets often carry a title line or two
 * above it. The first of the first rows that names at least three known
 * columns; null when none does.
 */
export function findHeaderRow(rows: ReadonlyArray<ReadonlyArray<string>>, lookAhead = 10): number | null {
  for (let i = 0; i < Math.min(rows.length, lookAhead); i += 1) {
    const known = new Set(rows[i]!.map(matchHeader).filter((k) => k !== null));
    if (known.size >= 3) return i;
  }
  return null;
}
