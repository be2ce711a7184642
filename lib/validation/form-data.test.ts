import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("nests dotted and indexed names", () => {
    const fd = new FormData();
    fd.set("tenant.firstName", "Élodie");
    fd.set("occupants[0].firstName", "Léa");
    fd.set("occupants[1].isChild", "on");
    fd.set("$ACTION_ID_abc", "x");
    fd.set("city", "Évry");
    expect(formDataToObject(fd)).toEqual({
      tenant: { firstName: "Élodie" },
      occupants: [{ firstName: "Léa" }, { isChild: "on" }],
      city: "Évry",
    });
  });
});
