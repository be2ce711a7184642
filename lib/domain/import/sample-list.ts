/**
 * A fictitious préfecture list in the documented format (docs/import-format.md):
 * the sample file in public/, the integration tests, the end-to-end journey
 * and the 10 000-row bench all draw their rows from here. Names, addresses
 * and phone numbers are invented (ARCEP keeps 01 99 00 xx xx for fiction).
 */

export const SAMPLE_HEADERS = [
  "Nom du locataire",
  "Prénom du locataire",
  "Nom du co-locataire",
  "Prénom du co-locataire",
  "Adresse",
  "Complément d'adresse",
  "Code postal",
  "Commune",
  "Téléphone",
  "Courriel",
  "Bailleur",
  "Type de bailleur",
  "Adresse du bailleur",
  "Code postal du bailleur",
  "Commune du bailleur",
  "Téléphone du bailleur",
  "Courriel du bailleur",
  "Dette locative",
  "Loyer mensuel",
  "Étape",
  "Date de l'acte",
  "Date d'audience",
  "Tribunal",
  "Référence de la procédure",
  "Déjà suivi",
] as const;

export type SampleHeader = (typeof SAMPLE_HEADERS)[number];
export type SampleRow = Record<SampleHeader, string>;

const LAST = ["LEFÈVRE", "MÜLLER", "DUPRÉ", "BÉNARD", "LEMAÎTRE", "GÉRARD", "ROUSSEAU", "MARTIN", "HÉBERT", "LÉCUYER", "BRÛLÉ", "MERCIER", "NGUYEN", "DIALLO", "TRAORÉ", "BENALI", "DA SILVA", "FERREIRA", "CARON", "RIVIÈRE", "LÉGER", "OUÉDRAOGO", "NOËL"];
const FIRST = ["Élodie", "Hélène", "Jérôme", "François", "Noël", "Gaëlle", "Amélie", "Benoît", "Céline", "Anaïs", "Raphaël", "Loïc", "Chloé", "Agnès", "Karim", "Fatoumata", "Mamadou", "Aïcha", "Inès", "Théo"];
const STREETS = ["rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "allée des Tilleuls", "rue Émile-Zola", "boulevard de la Gare", "rue des Écoles", "square Léon-Blum", "impasse des Châtaigniers", "cours Blaise-Pascal"];
const TOWNS: ReadonlyArray<[string, string]> = [
  ["91000", "Évry-Courcouronnes"],
  ["91100", "Corbeil-Essonnes"],
  ["91200", "Athis-Mons"],
  ["91300", "Massy"],
  ["91170", "Viry-Châtillon"],
  ["91120", "Palaiseau"],
  ["91700", "Sainte-Geneviève-des-Bois"],
];
const LANDLORDS: ReadonlyArray<[string, string, string]> = [
  ["Agence du Val d'Orge", "Agence immobilière", "91000"],
  ["Cabinet Lemaître Gestion", "Administrateur de biens", "91100"],
  ["SCI Les Tilleuls", "SCI familiale", "91300"],
  ["SAS Patrimoine Hélios", "Personne morale", "91200"],
  ["Régie Saint-Éloi", "Agence", "91120"],
];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function frenchDay(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function frenchAmount(cents: number): string {
  const euros = Math.floor(cents / 100);
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${grouped},${pad(cents % 100)}`;
}

/**
 * The i-th row of a sample list (i ≥ 0), valid and distinct from every other
 * i: its household key (name + street number + postcode) and reference are
 * unique. Acts fall in the 90 days before `today`; hearings 30 to 89 days after.
 */
export function sampleRow(i: number, today: Date): SampleRow {
  const [postcode, city] = TOWNS[i % TOWNS.length]!;
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000);
  const assignation = i % 3 !== 0;
  const actDate = day(-(1 + (i % 90)));
  const privatePerson = i % 4 === 0;
  const [landlordName, landlordKind, landlordPostcode] = privatePerson
    ? [`M. ${LAST[(i * 7 + 3) % LAST.length]} ${FIRST[(i * 3 + 5) % FIRST.length]}`, "Particulier", postcode]
    : LANDLORDS[i % LANDLORDS.length]!;
  const rent = 45000 + (i % 40) * 1250;
  const debt = rent * (2 + (i % 6)) + (i % 100);
  const coTenant = i % 5 === 0;
  return {
    "Nom du locataire": LAST[i % LAST.length]!,
    "Prénom du locataire": FIRST[(i + Math.floor(i / LAST.length)) % FIRST.length]!,
    "Nom du co-locataire": coTenant ? LAST[i % LAST.length]! : "",
    "Prénom du co-locataire": coTenant ? FIRST[(i + 7) % FIRST.length]! : "",
    Adresse: `${i + 1} ${STREETS[i % STREETS.length]}`,
    "Complément d'adresse": i % 6 === 0 ? `Bâtiment ${"ABCD"[i % 4]}, ${1 + (i % 9)}e étage` : "",
    "Code postal": postcode,
    Commune: city,
    Téléphone: i % 2 === 0 ? `01 99 00 ${pad(10 + (i % 90))} ${pad(i % 100)}` : "",
    Courriel: i % 3 === 0 ? `locataire.${i}@example.org` : "",
    Bailleur: landlordName,
    "Type de bailleur": landlordKind,
    "Adresse du bailleur": privatePerson ? "" : `${1 + (i % 20)} place de l'Hôtel-de-Ville`,
    "Code postal du bailleur": landlordPostcode,
    "Commune du bailleur": "",
    "Téléphone du bailleur": "",
    "Courriel du bailleur": privatePerson ? "" : `contact@bailleur-${i % LANDLORDS.length}.example.org`,
    "Dette locative": frenchAmount(debt),
    "Loyer mensuel": frenchAmount(rent),
    Étape: assignation ? "Assignation" : "Commandement de payer",
    "Date de l'acte": frenchDay(actDate),
    "Date d'audience": assignation ? frenchDay(day(30 + (i % 60))) : "",
    Tribunal: assignation ? "Tribunal judiciaire d'Évry" : "",
    "Référence de la procédure": `RG 26/${String(10000 + i).padStart(5, "0")}`,
    "Déjà suivi": i % 25 === 0 ? "oui" : "non",
  };
}

/** Rows as arrays of cells in SAMPLE_HEADERS order. */
export function toCells(row: SampleRow): string[] {
  return SAMPLE_HEADERS.map((h) => row[h]);
}

/** A CSV text (";" and quotes where needed, CRLF line ends as Excel writes them). */
export function toCsvText(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter = ";"): string {
  const field = (v: string) => (v.includes(delimiter) || v.includes('"') || /[\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(field).join(delimiter)).join("\r\n") + "\r\n";
}

let cp1252: Map<string, number> | null = null;

/** Text → Windows-1252 bytes (what Excel saves as "CSV" on a French Windows); "?" for what it cannot hold. */
export function encodeWindows1252(text: string): Uint8Array {
  if (!cp1252) {
    cp1252 = new Map();
    const decoder = new TextDecoder("windows-1252");
    for (let b = 0; b < 256; b += 1) cp1252.set(decoder.decode(new Uint8Array([b])), b);
  }
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = cp1252.get(ch) ?? 0x3f;
  return out.subarray(0, n);
}
