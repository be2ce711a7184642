import { describe, expect, it } from "vitest";
import { groupVisitRound, type RoundStop } from "./visit-round";

const stop = (number: number, sectorName: string | null, city: string, addressLine: string): RoundStop => ({
  caseId: `c${number}`,
  number,
  tenantName: `Ménage ${number}`,
  addressLine,
  addressExtra: null,
  postcode: city === "Évry-Courcouronnes" ? "91000" : "91100",
  city,
  phone: null,
  sectorName,
  step: "FIRST_VISIT",
  dueOn: null,
});

describe("groupVisitRound", () => {
  it("groups by sector (no sector last), then commune, then street and number", () => {
    const round = groupVisitRound([
      stop(1, null, "Évry-Courcouronnes", "1 rue Haute"),
      stop(2, "Nord", "Évry-Courcouronnes", "10 rue des Lilas"),
      stop(3, "Nord", "Corbeil-Essonnes", "3 rue Pasteur"),
      stop(4, "Nord", "Évry-Courcouronnes", "2 rue des Lilas"),
      stop(5, "Est", "Corbeil-Essonnes", "5 allée Verte"),
      stop(6, "Nord", "Évry-Courcouronnes", "8 avenue Anatole"),
    ]);
    expect(round.map((s) => s.sectorName)).toEqual(["Est", "Nord", null]);
    const nord = round[1]!;
    expect(nord.communes.map((c) => c.city)).toEqual(["Corbeil-Essonnes", "Évry-Courcouronnes"]);
    expect(nord.communes[1]!.stops.map((s) => s.number)).toEqual([6, 4, 2]);
  });

  it("is empty without stops", () => {
    expect(groupVisitRound([])).toEqual([]);
  });
});
