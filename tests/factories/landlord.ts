import type { Landlord, Prisma } from "@/lib/generated/prisma/client";
import type { LandlordKind } from "@/lib/generated/prisma/enums";
import { buildSearchText, normaliseForSearch } from "@/lib/domain/search-text";

import type { Db } from "./db";
import { FIRST_NAMES, LAST_NAMES, STREETS } from "./french-names";
import { newId } from "./ids";
import { townsOf, type Town } from "./places";
import { defaultRng, type Rng } from "./random";

/** Fictitious names of landlords that are not private persons, by kind. */
export const LANDLORD_NAMES: Readonly<Record<Exclude<LandlordKind, "PRIVATE_PERSON" | "FAMILY_SCI">, ReadonlyArray<string>>> = {
  AGENCY: [
    "Agence du Val d'Orge",
    "Cabinet Lemaître Gestion",
    "Essonne Gestion Immobilière",
    "Agence Centrale de Massy",
    "Régie Saint-Éloi",
    "Immobilière des Coteaux",
    "Agence Hurepoix Location",
  ],
  LEGAL_PERSON: [
    "SA Foncière des Ormes",
    "SAS Patrimoine Hélios",
    "Compagnie foncière du Gâtinais",
    "SARL Résidences Bellevue",
    "Mutuelle Immobilière de l'Orge",
  ],
  SOCIAL: ["Logis du Val de Seine (bailleur social)", "Habitat Essonne Solidaire (bailleur social)"],
};

const SCI_NAMES: ReadonlyArray<string> = ["Les Tilleuls", "Les Glycines", "Le Clos Fleuri", "Sainte-Hélène", "Les Érables"];

/** A landlord name of the given kind, drawn from the fictitious lists. */
export function landlordName(rng: Rng, kind: LandlordKind): string {
  switch (kind) {
    case "PRIVATE_PERSON":
      return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    case "FAMILY_SCI":
      return rng.chance(0.5) ? `SCI ${rng.pick(SCI_NAMES)}` : `SCI Famille ${rng.pick(LAST_NAMES)}`;
    default:
      return rng.pick(LANDLORD_NAMES[kind]);
  }
}

export interface LandlordOptions {
  teamId: string;
  kind: LandlordKind;
  name?: string;
  town?: Town;
  /** Département whose towns to draw from when `town` is not given. */
  departement?: string;
  rng?: Rng;
}

export type LandlordRow = Prisma.LandlordCreateManyInput & { id: string; name: string; kind: LandlordKind };

/** The landlord row, not yet inserted (for batch inserts). */
export function planLandlord(opts: LandlordOptions): LandlordRow {
  const rng = opts.rng ?? defaultRng();
  const name = opts.name ?? landlordName(rng, opts.kind);
  const town = opts.town ?? rng.pick(townsOf(opts.departement ?? "91"));
  const isPerson = opts.kind === "PRIVATE_PERSON";
  return {
    id: newId(),
    teamId: opts.teamId,
    kind: opts.kind,
    name,
    addressLine: `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
    postcode: town.postcode,
    city: town.city,
    // ARCEP sets 01 99 00 xx xx aside for fiction: these numbers reach nobody.
    phone: rng.chance(0.7) ? `01 99 00 ${rng.int(10, 99)} ${rng.int(10, 99)}` : null,
    email: isPerson ? null : `contact.${normaliseForSearch(name).replaceAll(" ", "-")}@example.org`,
    searchText: buildSearchText([name, town.city]),
  };
}

export async function createLandlord(db: Db, opts: LandlordOptions): Promise<Landlord> {
  return db.landlord.create({ data: planLandlord(opts) });
}
