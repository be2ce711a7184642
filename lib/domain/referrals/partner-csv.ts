import { normaliseForSearch } from "@/lib/domain/search-text";
import { PARTNER_KIND_SHORT, PARTNER_KINDS, type PartnerKind } from "./partners";

/**
 * The partner directory as a CSV (issue 20): one partner a line, semicolon or
 * comma separated, headers in French. Pure: papaparse's rows in, partners or
 * French errors per line out (the line number as the spreadsheet shows it).
 * A cell that a spreadsheet would run as a formula (=, +, -, @ first) is
 * refused, so an exported directory can never carry one.
 */

export const PARTNER_CSV_HEADERS = {
  kind: ["type"],
  name: ["nom"],
  addressLine: ["adresse"],
  postcode: ["code postal", "cp"],
  city: ["ville", "commune"],
  phone: ["telephone", "tel"],
  email: ["e mail", "email", "courriel", "mail"],
  openingHours: ["horaires", "horaires d ouverture"],
  communes: ["communes couvertes", "communes"],
  contactName: ["contact", "personne a contacter", "interlocuteur"],
} as const;
export type PartnerCsvField = keyof typeof PARTNER_CSV_HEADERS;

export interface PartnerCsvRow {
  kind: PartnerKind;
  name: string;
  addressLine?: string;
  postcode?: string;
  city?: string;
  phone?: string;
  email?: string;
  openingHours?: string;
  communes?: string;
  contactName?: string;
}

export type PartnerCsvPlan = { ok: true; rows: Array<{ line: number; row: PartnerCsvRow }> } | { ok: false; errors: string[] };

const KIND_WORDS: Record<string, PartnerKind> = {
  ...Object.fromEntries(PARTNER_KINDS.map((k) => [normaliseForSearch(k.replace(/_/g, " ")), k])),
  ...Object.fromEntries(PARTNER_KINDS.map((k) => [normaliseForSearch(PARTNER_KIND_SHORT[k]), k])),
  "banque de france": "BANQUE_DE_FRANCE",
  fap: "FAP_ASSOCIATION",
  "association fap": "FAP_ASSOCIATION",
  "fondation pour le logement": "FAP_ASSOCIATION",
  "fondation abbe pierre": "FAP_ASSOCIATION",
  association: "FAP_ASSOCIATION",
  autre: "OTHER",
};

const FORMULA = /^[=+\-@\t\r]/;
const LIMITS: Record<PartnerCsvField, number> = { kind: 60, name: 200, addressLine: 200, postcode: 5, city: 100, phone: 40, email: 254, openingHours: 300, communes: 2000, contactName: 120 };

export function planPartnerCsv(table: readonly (readonly string[])[], maxRows = 500): PartnerCsvPlan {
  const [header, ...lines] = table;
  if (!header) return { ok: false, errors: ["Le fichier est vide."] };
  const columns = new Map<PartnerCsvField, number>();
  header.forEach((cell, i) => {
    const key = normaliseForSearch(cell);
    for (const [field, names] of Object.entries(PARTNER_CSV_HEADERS) as [PartnerCsvField, readonly string[]][]) {
      if ((names as readonly string[]).includes(key) && !columns.has(field)) columns.set(field, i);
    }
  });
  const missing = (["kind", "name"] as const).filter((f) => !columns.has(f));
  if (missing.length) return { ok: false, errors: [`Ligne 1 : colonne${missing.length > 1 ? "s" : ""} obligatoire${missing.length > 1 ? "s" : ""} manquante${missing.length > 1 ? "s" : ""} : ${missing.map((f) => (f === "kind" ? "« Type »" : "« Nom »")).join(" et ")}.`] };
  const rows: Array<{ line: number; row: PartnerCsvRow }> = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const data = lines.filter((l) => l.some((c) => c.trim() !== ""));
  if (data.length > maxRows) return { ok: false, errors: [`Le fichier compte ${data.length} partenaires : ${maxRows} au plus par import.`] };
  lines.forEach((cells, index) => {
    const line = index + 2;
    if (!cells.some((c) => c.trim() !== "")) return;
    const problems: string[] = [];
    const value = (field: PartnerCsvField): string | undefined => {
      const i = columns.get(field);
      const raw = i === undefined ? "" : (cells[i] ?? "").trim();
      if (!raw) return undefined;
      if (FORMULA.test(raw) && !(field === "phone" && /^\+\d[\d\s.]*$/.test(raw))) problems.push(`la colonne « ${field === "kind" ? "Type" : header[columns.get(field)!]} » commence par « ${raw[0]} » (formule de tableur refusée)`);
      if (raw.length > LIMITS[field]) problems.push(`« ${header[columns.get(field)!]} » dépasse ${LIMITS[field]} caractères`);
      return raw;
    };
    const kindText = value("kind");
    const kind = kindText ? KIND_WORDS[normaliseForSearch(kindText)] : undefined;
    if (!kindText) problems.push("le type est vide");
    else if (!kind) problems.push(`type « ${kindText} » inconnu (MDS, CCAS, ADIL, CAF, FSL, Banque de France, Association FAP ou Autre)`);
    const name = value("name");
    if (!name) problems.push("le nom est vide");
    const postcode = value("postcode");
    if (postcode && !/^\d{5}$/.test(postcode)) problems.push(`code postal « ${postcode} » invalide (5 chiffres)`);
    const email = value("email");
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push(`adresse e-mail « ${email} » invalide`);
    const row: PartnerCsvRow = {
      kind: kind ?? "OTHER",
      name: name ?? "",
      addressLine: value("addressLine"),
      postcode,
      city: value("city"),
      phone: value("phone"),
      email: email?.toLowerCase(),
      openingHours: value("openingHours"),
      communes: value("communes"),
      contactName: value("contactName"),
    };
    const key = `${row.kind}|${normaliseForSearch(row.name)}`;
    if (name && kind && seen.has(key)) problems.push("ce partenaire figure déjà plus haut dans le fichier");
    seen.add(key);
    if (problems.length) errors.push(`Ligne ${line} : ${problems.join(" ; ")}.`);
    else rows.push({ line, row });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
