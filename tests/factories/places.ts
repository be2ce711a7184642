/**
 * Real towns and postcodes for fictitious addresses, with the sector a demo
 * team would file them under, and the court that hears their tenancy cases.
 */

export interface Town {
  city: string;
  postcode: string;
  /** Demo sector ("Nord", "Centre", "Sud" in Essonne). */
  sector: string;
  court: string;
}

const TJ_EVRY = "Tribunal judiciaire d'Évry-Courcouronnes";
const TP_JUVISY = "Tribunal de proximité de Juvisy-sur-Orge";
const TP_LONGJUMEAU = "Tribunal de proximité de Longjumeau";
const TP_PALAISEAU = "Tribunal de proximité de Palaiseau";

export const ESSONNE_TOWNS: ReadonlyArray<Town> = [
  { city: "Évry-Courcouronnes", postcode: "91000", sector: "Centre", court: TJ_EVRY },
  { city: "Corbeil-Essonnes", postcode: "91100", sector: "Centre", court: TJ_EVRY },
  { city: "Ris-Orangis", postcode: "91130", sector: "Centre", court: TJ_EVRY },
  { city: "Sainte-Geneviève-des-Bois", postcode: "91700", sector: "Centre", court: TP_LONGJUMEAU },
  { city: "Brétigny-sur-Orge", postcode: "91220", sector: "Centre", court: TP_LONGJUMEAU },
  { city: "Grigny", postcode: "91350", sector: "Centre", court: TP_JUVISY },
  { city: "Massy", postcode: "91300", sector: "Nord", court: TP_PALAISEAU },
  { city: "Palaiseau", postcode: "91120", sector: "Nord", court: TP_PALAISEAU },
  { city: "Les Ulis", postcode: "91940", sector: "Nord", court: TP_PALAISEAU },
  { city: "Savigny-sur-Orge", postcode: "91600", sector: "Nord", court: TP_JUVISY },
  { city: "Juvisy-sur-Orge", postcode: "91260", sector: "Nord", court: TP_JUVISY },
  { city: "Athis-Mons", postcode: "91200", sector: "Nord", court: TP_JUVISY },
  { city: "Viry-Châtillon", postcode: "91170", sector: "Nord", court: TP_JUVISY },
  { city: "Longjumeau", postcode: "91160", sector: "Nord", court: TP_LONGJUMEAU },
  { city: "Étampes", postcode: "91150", sector: "Sud", court: TJ_EVRY },
  { city: "Arpajon", postcode: "91290", sector: "Sud", court: TP_LONGJUMEAU },
  { city: "Dourdan", postcode: "91410", sector: "Sud", court: TJ_EVRY },
  { city: "Étréchy", postcode: "91580", sector: "Sud", court: TJ_EVRY },
  { city: "Milly-la-Forêt", postcode: "91490", sector: "Sud", court: TJ_EVRY },
];

const TJ_ARRAS = "Tribunal judiciaire d'Arras";
const TJ_BETHUNE = "Tribunal judiciaire de Béthune";

export const PAS_DE_CALAIS_TOWNS: ReadonlyArray<Town> = [
  { city: "Arras", postcode: "62000", sector: "Artois", court: TJ_ARRAS },
  { city: "Lens", postcode: "62300", sector: "Bassin minier", court: "Tribunal de proximité de Lens" },
  { city: "Liévin", postcode: "62800", sector: "Bassin minier", court: "Tribunal de proximité de Lens" },
  { city: "Béthune", postcode: "62400", sector: "Bassin minier", court: TJ_BETHUNE },
  { city: "Calais", postcode: "62100", sector: "Littoral", court: "Tribunal de proximité de Calais" },
  { city: "Boulogne-sur-Mer", postcode: "62200", sector: "Littoral", court: "Tribunal judiciaire de Boulogne-sur-Mer" },
];

/** Towns of a département code; Essonne for anything else (the demo's home). */
export function townsOf(departement: string): ReadonlyArray<Town> {
  return departement === "62" ? PAS_DE_CALAIS_TOWNS : ESSONNE_TOWNS;
}
