/**
 * The fields a letter template may merge ({{nom_locataire}} …), with what each
 * one means for the coordinator who edits the text and an example value for
 * the preview. Any other name in a template is an error when it is saved
 * (template.ts), so a typo never reaches a household as "{{bailleurr}}".
 */

export const MERGE_FIELDS = [
  { name: "nom_locataire", label: "Nom du ou des locataires", example: "Gaëlle LEFÈVRE et Marc LEFÈVRE" },
  { name: "adresse", label: "Adresse du logement, sur une ligne", example: "12 rue des Lilas, bâtiment B, 91000 Évry-Courcouronnes" },
  { name: "code_postal", label: "Code postal du logement", example: "91000" },
  { name: "ville", label: "Commune du logement", example: "Évry-Courcouronnes" },
  { name: "date_audience", label: "Date de l'audience, si elle est connue et à venir", example: "15 septembre 2026" },
  {
    name: "prochain_delai",
    label: "Prochain délai de la procédure, avec sa date d'expiration et la date à partir de laquelle l'acte suivant est possible",
    example: "Le délai expire le 31 mars 2026 ; assignation possible à partir du 1er avril 2026",
  },
  { name: "tribunal", label: "Tribunal saisi", example: "Tribunal de proximité de Juvisy-sur-Orge" },
  { name: "reference_procedure", label: "Référence de la procédure (n° RG)", example: "26/01234" },
  { name: "montant_dette", label: "Dette locative connue", example: "3 250,00 €" },
  { name: "bailleur", label: "Nom du bailleur", example: "SCI Les Tilleuls" },
  { name: "adresse_bailleur", label: "Adresse du bailleur, sur une ligne", example: "4 avenue de la Gare, 91100 Corbeil-Essonnes" },
  { name: "equipe", label: "Nom de l'équipe (en-tête des courriers)", example: "Équipe mobile de prévention des expulsions de l'Essonne" },
  { name: "adresse_equipe", label: "Adresse de l'équipe, sur une ligne", example: "1 place de l'Hôtel de ville, 91000 Évry-Courcouronnes" },
  { name: "telephone_equipe", label: "Téléphone de l'équipe", example: "01 60 00 00 00" },
  { name: "email_equipe", label: "Adresse e-mail de l'équipe", example: "prevention@exemple.fr" },
  { name: "referent", label: "Travailleur social référent du dossier", example: "Jérôme Lefèvre" },
  { name: "numero_dossier", label: "Numéro du dossier", example: "42" },
  { name: "date_du_jour", label: "Date du jour (date du courrier)", example: "10 juin 2026" },
] as const;

export type MergeFieldName = (typeof MERGE_FIELDS)[number]["name"];

export const MERGE_FIELD_NAMES: readonly MergeFieldName[] = MERGE_FIELDS.map((f) => f.name);

const NAMES: ReadonlySet<string> = new Set(MERGE_FIELD_NAMES);

export function isMergeField(name: string): name is MergeFieldName {
  return NAMES.has(name);
}

/** The values merged into one letter; absent or blank means "not known". */
export type MergeValues = Partial<Record<MergeFieldName, string | null>>;

/** The example values, for the template page's preview. */
export const EXAMPLE_VALUES: MergeValues = Object.fromEntries(MERGE_FIELDS.map((f) => [f.name, f.example]));
