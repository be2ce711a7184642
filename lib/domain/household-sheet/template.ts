/**
 * The editable texts of "Ce qui va se passer" (issue 20): the explanations of
 * the words the household will hear, what they can do, and the closing. A
 * jurist (or the coordinator) reviews and edits them; every saved version is
 * kept (HouseholdSheetTemplate rows, audited). The sentences that carry the
 * procedure's dates are NOT editable: they come from the engine through
 * sheet-dates.ts, so that no edit can make the sheet more precise than the law.
 *
 * Plain text only; short sentences (a test keeps the defaults under 25 words
 * a sentence).
 */

export const SHEET_BLOCKS = {
  intro: "Introduction",
  "word_commissaire": "Mot : commissaire de justice",
  "word_commandement": "Mot : commandement de payer",
  "word_assignation": "Mot : assignation",
  "word_audience": "Mot : audience et juge",
  "word_dsf": "Mot : diagnostic social et financier (DSF)",
  "word_jugement": "Mot : jugement",
  "word_cql": "Mot : commandement de quitter les lieux",
  "word_jex": "Mot : juge de l'exécution (JEX)",
  "word_treve": "Mot : trêve hivernale",
  "word_cfp": "Mot : concours de la force publique",
  "action_rent": "À faire : payer le loyer",
  "action_fsl": "À faire : demander le FSL",
  "action_dsf": "À faire : répondre au DSF",
  "action_hearing": "À faire : aller à l'audience",
  "action_jex": "À faire : demander des délais au JEX",
  "action_rehousing": "À faire : chercher une solution de logement",
  closing: "Fin de la fiche",
} as const;
export type SheetBlock = keyof typeof SHEET_BLOCKS;
export const SHEET_BLOCK_KEYS = Object.keys(SHEET_BLOCKS) as SheetBlock[];
export type SheetBlocks = Record<SheetBlock, string>;

export const MAX_BLOCK_LENGTH = 800;

export const DEFAULT_SHEET_BLOCKS: SheetBlocks = {
  intro: "Cette fiche explique où en est votre dossier et ce qui peut arriver ensuite. Elle est gratuite et confidentielle. Gardez-la avec vos papiers.",
  "word_commissaire": "Le commissaire de justice (avant : l'huissier) apporte les papiers officiels. Il travaille pour le propriétaire.",
  "word_commandement": "Le commandement de payer est une lettre officielle. Elle demande de payer la dette de loyer dans un délai.",
  "word_assignation": "L'assignation est une convocation au tribunal. Elle donne la date et le lieu de l'audience.",
  "word_audience": "L'audience est le rendez-vous au tribunal. Le juge (juge des contentieux de la protection) écoute le propriétaire et vous.",
  "word_dsf": "Le diagnostic social et financier (DSF) est un entretien avec un travailleur social. Il explique votre situation au juge.",
  "word_jugement": "Le jugement est la décision du juge. Il peut donner des délais pour payer, ou mettre fin au bail.",
  "word_cql": "Le commandement de quitter les lieux est la lettre qui demande de partir du logement. Il est apporté par le commissaire de justice.",
  "word_jex": "Le juge de l'exécution (JEX) peut donner du temps avant de partir, de 1 mois à 1 an.",
  "word_treve": "La trêve hivernale va du 1er novembre au 31 mars. Pendant cette période, personne ne peut être expulsé.",
  "word_cfp": "Le concours de la force publique : le préfet autorise la police à faire partir les occupants.",
  "action_rent": "Payez le loyer du mois, même une partie de la dette seulement. Le juge peut donner jusqu'à 3 ans pour payer si vous avez repris le paiement du loyer avant l'audience.",
  "action_fsl": "Demandez une aide du FSL (fonds de solidarité logement) pour la dette. Nous pouvons faire la demande avec vous.",
  "action_dsf": "Si on vous propose un entretien pour le diagnostic social et financier, répondez. C'est votre chance d'expliquer votre situation au juge.",
  "action_hearing": "Allez à l'audience. Vous avez le droit d'être présent et assisté (par un avocat, ou une personne de votre choix selon le tribunal). L'aide juridictionnelle peut payer l'avocat.",
  "action_jex": "Vous pouvez demander des délais au juge de l'exécution. Nous pouvons vous aider à écrire la demande.",
  "action_rehousing": "Faites ou renouvelez votre demande de logement social. Parlez-nous d'un recours DALO.",
  closing: "Vous n'êtes pas seul. Appelez-nous : nous pouvons vous aider à chaque étape.",
};

/** A saved template's blocks over the defaults: a block added to the app later keeps its default. */
export function blocksFrom(saved: unknown): SheetBlocks {
  const out: SheetBlocks = { ...DEFAULT_SHEET_BLOCKS };
  if (saved && typeof saved === "object") {
    for (const key of SHEET_BLOCK_KEYS) {
      const v = (saved as Record<string, unknown>)[key];
      if (typeof v === "string" && v.trim()) out[key] = v;
    }
  }
  return out;
}

/**
 * The hotline of the Fondation pour le logement (ex-Fondation Abbé Pierre),
 * "Allô Prévention Expulsion", from the seed (shared/seeds/002, 2024 leaflet):
 * "Dès juin 2024, la plateforme … est désormais joignable au 0805 299 049 du
 * lundi au vendredi, de 14 heures à 17 heures." The same leaflet's contact
 * block prints "Numéro vert : 0805 299 249" for the délégation générale: the
 * platform's own sentence is used, and the number is a setting
 * (HOTLINE_PHONE), to be checked (docs/decisions/039).
 */
export const DEFAULT_HOTLINE = {
  name: "Allô Prévention Expulsion (Fondation pour le logement)",
  phone: "0805 299 049",
  hours: "numéro vert gratuit, du lundi au vendredi, de 14 h à 17 h",
} as const;
