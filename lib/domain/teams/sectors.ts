import { normaliseForSearch } from "@/lib/domain/search-text";

/**
 * Sectors cover postcodes and communes (issue 15): a new household, typed in
 * or imported, is put in the sector its postcode names, else the one its
 * commune names. Pure: the services pass the team's sectors.
 */

export interface SectorArea {
  id: string;
  name: string;
  /** Five-digit postcodes. */
  postcodes: readonly string[];
  /** Commune names, normalised with `normaliseCommune`. */
  communes: readonly string[];
}

/** "Évry-Courcouronnes" and "evry courcouronnes" are the same commune. */
export function normaliseCommune(name: string): string {
  return normaliseForSearch(name.replace(/\bst(e?)\b/gi, "saint$1"));
}

export interface ParsedAreas {
  postcodes: string[];
  communes: string[];
}

/**
 * What an administrator types in one box: postcodes and commune names
 * separated by commas, semicolons or new lines ("91000, 91080; Ris-Orangis").
 */
export function parseSectorAreas(text: string): ParsedAreas {
  const postcodes = new Set<string>();
  const communes = new Set<string>();
  for (const raw of text.split(/[,;\n]+/)) {
    const item = raw.trim();
    if (!item) continue;
    if (/^\d{5}$/.test(item)) postcodes.add(item);
    else {
      const commune = normaliseCommune(item);
      if (commune) communes.add(commune);
    }
  }
  return { postcodes: [...postcodes].sort(), communes: [...communes].sort() };
}

/** The areas back as the administrator reads them. */
export function formatSectorAreas(s: Pick<SectorArea, "postcodes" | "communes">): string {
  return [...s.postcodes, ...s.communes].join(", ");
}

/**
 * The sector of a household at this postcode and commune: the one naming the
 * postcode, else the one naming the commune, else null (the caseload shows it
 * without a sector). The first such sector in name order wins when two overlap.
 */
export function sectorForAddress(sectors: readonly SectorArea[], address: { postcode: string | null | undefined; city: string | null | undefined }): string | null {
  const sorted = [...sectors].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  const postcode = address.postcode?.trim();
  if (postcode) {
    const byPostcode = sorted.find((s) => s.postcodes.includes(postcode));
    if (byPostcode) return byPostcode.id;
  }
  const commune = address.city ? normaliseCommune(address.city) : "";
  if (commune) {
    const byCommune = sorted.find((s) => s.communes.includes(commune));
    if (byCommune) return byCommune.id;
  }
  return null;
}

/** Areas covered by two sectors of the same team: the administrator is told. */
export function overlappingAreas(sectors: readonly Pick<SectorArea, "name" | "postcodes" | "communes">[]): string[] {
  const seen = new Map<string, string>();
  const overlaps: string[] = [];
  for (const s of sectors) {
    for (const area of [...s.postcodes, ...s.communes]) {
      const other = seen.get(area);
      if (other && other !== s.name) overlaps.push(`${area} (${other} et ${s.name})`);
      else seen.set(area, s.name);
    }
  }
  return overlaps;
}
