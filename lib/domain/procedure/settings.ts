import { DEFAULT_PROCEDURE_SETTINGS, RULES, type ProcedureSettings, type RuleId } from "./rules";

/**
 * The team settings of the procedure (issue 13): the "(à vérifier)"
 * interpretations and the CCAPEX thresholds of the département's arrêté. Each
 * team may set them (coordinators and jurists, /parametres); every
 * computation (case page, lists, stored deadlines, hearing-file PDF) reads
 * the team's values. A setting not stored is the default.
 */

export type SettingKey = keyof ProcedureSettings;

type Choice = { value: string; label: string };

export type SettingDefinition = {
  key: SettingKey;
  /** French, as the settings page shows it. */
  label: string;
  /** What the value changes, in French. */
  effect: string;
  /** The rule it configures (its article is shown next to it). */
  ruleId: RuleId;
  input:
    | { kind: "integer"; min: number; max: number; unit: string }
    | { kind: "decimal"; min: number; max: number; unit: string }
    | { kind: "choice"; choices: readonly Choice[] };
};

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: "ccapexUnpaidMonths",
    label: "Seuil CCAPEX : mois de loyer impayés",
    effect: "Nombre de mois de loyer impayés à partir duquel le commandement doit être signalé à la CCAPEX (arrêté préfectoral du département). L'alerte se déclenche si ce seuil ou celui de la dette est atteint.",
    ruleId: "ccapex-threshold",
    input: { kind: "integer", min: 1, max: 24, unit: "mois" },
  },
  {
    key: "ccapexRentMultiple",
    label: "Seuil CCAPEX : dette en multiple du loyer mensuel hors charges",
    effect: "La dette à partir de laquelle le commandement doit être signalé à la CCAPEX, en nombre de loyers mensuels hors charges (arrêté préfectoral du département).",
    ruleId: "ccapex-threshold",
    input: { kind: "decimal", min: 0.5, max: 24, unit: "fois le loyer" },
  },
  {
    key: "legacyLeaseCommandementMonths",
    label: "Délai du commandement de payer pour un bail signé avant le 29 juillet 2023",
    effect: "Le délai contractuel du commandement pour les baux antérieurs à la loi n° 2023-668 (le plus souvent 2 mois).",
    ruleId: "commandement-delay",
    input: { kind: "integer", min: 1, max: 6, unit: "mois" },
  },
  {
    key: "dsfInterviewWorkingDays",
    label: "Diagnostic social et financier : proposition d'entretien",
    effect: "Nombre de jours ouvrés après la saisine par le préfet pour proposer l'entretien au ménage.",
    ruleId: "dsf-interview-offer",
    input: { kind: "integer", min: 1, max: 30, unit: "jours ouvrés" },
  },
  {
    key: "dsfTransmissionWorkingDays",
    label: "Diagnostic social et financier : transmission avant l'audience",
    effect: "Nombre de jours ouvrés avant l'audience au plus tard pour transmettre le diagnostic au juge et à la CCAPEX.",
    ruleId: "dsf-transmission",
    input: { kind: "integer", min: 0, max: 30, unit: "jours ouvrés" },
  },
  {
    key: "provisionalEnforcement",
    label: "Exécution provisoire du jugement",
    effect: "Si le jugement est exécutoire malgré l'appel, le commandement de quitter les lieux peut suivre la signification ; sinon il attend la fin du délai d'appel.",
    ruleId: "appeal-delay",
    input: {
      kind: "choice",
      choices: [
        { value: "true", label: "Oui : l'appel ne suspend pas l'expulsion" },
        { value: "false", label: "Non : attendre la fin du délai d'appel" },
      ],
    },
  },
  {
    key: "cqlDelayStart",
    label: "Point de départ des 2 mois après le commandement de quitter les lieux",
    effect: "Les 2 mois sont suspendus tant que le commandement n'est pas transmis au préfet (CPCE L412-5).",
    ruleId: "cql-delay",
    input: {
      kind: "choice",
      choices: [
        { value: "later_of_cql_and_referral", label: "La plus tardive des deux dates : commandement ou transmission au préfet" },
        { value: "cql", label: "La date du commandement" },
      ],
    },
  },
  {
    key: "hearingAlertDays",
    label: "Alerte avant l'audience si le ménage n'a pas été rencontré",
    effect: "Pratique de l'équipe, pas une règle de droit : nombre de jours avant l'audience à partir duquel l'alerte s'affiche.",
    ruleId: "hearing-countdown",
    input: { kind: "integer", min: 1, max: 120, unit: "jours" },
  },
];

export const SETTING_KEYS = SETTING_DEFINITIONS.map((d) => d.key);

export function settingDefinition(key: string): SettingDefinition | undefined {
  return SETTING_DEFINITIONS.find((d) => d.key === key);
}

/** Parses a value typed in the form (or stored) for a setting; a French error when it is not acceptable. */
export function parseSettingValue(def: SettingDefinition, raw: unknown): { ok: true; value: ProcedureSettings[SettingKey] } | { ok: false; error: string } {
  const text = typeof raw === "string" ? raw.trim().replace(",", ".") : typeof raw === "number" || typeof raw === "boolean" ? String(raw) : "";
  const input = def.input;
  if (input.kind === "choice") {
    if (!input.choices.some((c) => c.value === text)) return { ok: false, error: "Choisissez une des valeurs proposées." };
    if (def.key === "provisionalEnforcement") return { ok: true, value: text === "true" };
    return { ok: true, value: text as ProcedureSettings["cqlDelayStart"] };
  }
  if (text === "") return { ok: false, error: "Indiquez une valeur." };
  const n = Number(text);
  const decimals = input.kind === "integer" ? 0 : 1;
  const factor = 10 ** decimals;
  if (!Number.isFinite(n) || Math.round(n * factor) / factor !== n) {
    return { ok: false, error: input.kind === "integer" ? "Indiquez un nombre entier." : "Indiquez un nombre, avec au plus une décimale (ex. 1,5)." };
  }
  if (n < input.min || n > input.max) return { ok: false, error: `Indiquez une valeur entre ${String(input.min).replace(".", ",")} et ${String(input.max).replace(".", ",")} ${input.unit}.` };
  return { ok: true, value: n };
}

/** The team's settings from its stored rows: a row that no longer parses (an old key, a bad value) falls back to the default. */
export function settingsFromRows(rows: ReadonlyArray<{ key: string; value: unknown }>): ProcedureSettings {
  const settings: Record<string, unknown> = { ...DEFAULT_PROCEDURE_SETTINGS };
  for (const row of rows) {
    const def = settingDefinition(row.key);
    if (!def) continue;
    const parsed = parseSettingValue(def, row.value);
    if (parsed.ok) settings[def.key] = parsed.value;
  }
  return settings as ProcedureSettings;
}

/** The value in French, as the settings page and the audit journal show it. */
export function describeSettingValue(def: SettingDefinition, value: ProcedureSettings[SettingKey]): string {
  const input = def.input;
  if (input.kind === "choice") return input.choices.find((c) => c.value === String(value))?.label ?? String(value);
  return `${String(value).replace(".", ",")} ${input.unit}`;
}

export function settingArticle(def: SettingDefinition): string {
  return RULES[def.ruleId].article;
}
