import { describe, expect, it } from "vitest";
import { formatPhone, mapsUrl, telHref } from "./contact";

describe("contact links", () => {
  it("builds an OpenStreetMap search for the address", () => {
    expect(mapsUrl({ addressLine: "3 rue Pasteur", postcode: "91100", city: "Corbeil-Essonnes" })).toBe(
      "https://www.openstreetmap.org/search?query=3%20rue%20Pasteur%2C%2091100%20Corbeil-Essonnes%2C%20France",
    );
  });

  it("calls French numbers in international form", () => {
    expect(telHref("0612345678")).toBe("tel:+33612345678");
    expect(telHref("+33612345678")).toBe("tel:+33612345678");
    expect(telHref("0033612345678")).toBe("tel:+33612345678");
  });

  it("writes numbers in pairs", () => {
    expect(formatPhone("0612345678")).toBe("06 12 34 56 78");
    expect(formatPhone("+33612345678")).toBe("+33612345678");
  });
});
