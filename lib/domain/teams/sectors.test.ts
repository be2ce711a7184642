import { describe, expect, it } from "vitest";
import { formatSectorAreas, overlappingAreas, parseSectorAreas, sectorForAddress } from "./sectors";

const north = { id: "n", name: "Nord", postcodes: ["91200", "91300"], communes: ["athis mons"] };
const south = { id: "s", name: "Sud", postcodes: ["91000"], communes: ["ris orangis", "saint michel sur orge"] };

describe("sectors", () => {
  it("parses postcodes and communes from one box", () => {
    expect(parseSectorAreas("91000, 91080;\nRis-Orangis , St-Michel-sur-Orge,,91000")).toEqual({
      postcodes: ["91000", "91080"],
      communes: ["ris orangis", "saint michel sur orge"],
    });
    expect(formatSectorAreas(south)).toBe("91000, ris orangis, saint michel sur orge");
  });

  it("puts a household in the sector of its postcode, else of its commune", () => {
    expect(sectorForAddress([north, south], { postcode: "91300", city: "Massy" })).toBe("n");
    expect(sectorForAddress([north, south], { postcode: "91130", city: "Ris-Orangis" })).toBe("s");
    expect(sectorForAddress([north, south], { postcode: "91240", city: "Saint-Michel-sur-Orge" })).toBe("s");
    expect(sectorForAddress([north, south], { postcode: "75001", city: "Paris" })).toBeNull();
    expect(sectorForAddress([], { postcode: "91000", city: "Évry" })).toBeNull();
  });

  it("names the areas two sectors share", () => {
    expect(overlappingAreas([north, { ...south, postcodes: ["91200"] }])).toEqual(["91200 (Nord et Sud)"]);
  });
});
