/**
 * "Ma tournée" (issue 16 §6): the visits a social worker has to make, grouped
 * the way a day out is planned, by sector then by commune, each commune's
 * addresses in street order. Pure: the query gives the stops.
 */

export interface RoundStop {
  caseId: string;
  number: number;
  tenantName: string;
  addressLine: string;
  addressExtra: string | null;
  postcode: string;
  city: string;
  phone: string | null;
  sectorName: string | null;
  step: "FIRST_VISIT" | "SECOND_VISIT";
  /** Since when the visit is due (null when unknown). */
  dueOn: Date | null;
}

export interface RoundCommune {
  city: string;
  postcode: string;
  stops: RoundStop[];
}

export interface RoundSector {
  /** null: cases with no sector, listed last. */
  sectorName: string | null;
  communes: RoundCommune[];
}

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** The street name first, then the number: "12 rue B" after "3 rue A", "2 rue A" before "10 rue A". */
function streetKey(addressLine: string): [string, number] {
  const m = /^\s*(\d+)\s*(?:bis|ter|[a-z])?\b[\s,]*(.*)$/i.exec(addressLine);
  return m ? [m[2]!, Number(m[1])] : [addressLine, 0];
}

export function groupVisitRound(stops: RoundStop[]): RoundSector[] {
  const sectors = new Map<string | null, Map<string, RoundCommune>>();
  for (const stop of stops) {
    const communes = sectors.get(stop.sectorName) ?? new Map<string, RoundCommune>();
    sectors.set(stop.sectorName, communes);
    const key = `${stop.postcode} ${stop.city}`;
    const commune = communes.get(key) ?? { city: stop.city, postcode: stop.postcode, stops: [] };
    communes.set(key, commune);
    commune.stops.push(stop);
  }
  return [...sectors.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b)))
    .map(([sectorName, communes]) => ({
      sectorName,
      communes: [...communes.values()]
        .sort((a, b) => collator.compare(a.city, b.city) || a.postcode.localeCompare(b.postcode))
        .map((c) => ({
          ...c,
          stops: c.stops.sort((x, y) => {
            const [sx, nx] = streetKey(x.addressLine);
            const [sy, ny] = streetKey(y.addressLine);
            return collator.compare(sx, sy) || nx - ny || x.number - y.number;
          }),
        })),
    }));
}
