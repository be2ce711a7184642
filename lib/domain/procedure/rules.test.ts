import { describe, expect, it } from "vitest";
import { DEFAULT_PROCEDURE_SETTINGS, RULES, VERIFY_AS_OF, resolveSettings, rulesToVerify } from "./rules";

describe("rule registry (tooltips and 'à vérifier' badges, shared/domain/README.md)", () => {
  it("describes every rule under its own id, with a French title, an article and a source", () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(rule.id).toBe(id);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.article.length).toBeGreaterThan(5);
      expect(rule.source.length).toBeGreaterThan(10);
    }
  });

  it("badges exactly the rules the domain notes mark (verify), dated", () => {
    expect(rulesToVerify().map((rule) => rule.id).sort()).toEqual(
      ["appeal-delay", "ccapex-threshold", "cql-delay", "dsf-interview-offer", "dsf-transmission"].sort(),
    );
    for (const rule of rulesToVerify()) {
      expect(rule.verify?.asOf).toBe("2026-11-26");
      expect(rule.verify?.note.length).toBeGreaterThan(20);
      expect(rule.settings?.length).toBeGreaterThan(0); // each open choice is configurable
    }
    expect(VERIFY_AS_OF).toBe("2026-11-26");
  });

  it("names only existing settings", () => {
    for (const rule of Object.values(RULES)) {
      for (const key of rule.settings ?? []) expect(key in DEFAULT_PROCEDURE_SETTINGS).toBe(true);
    }
  });

  it("does not present the teams' 45-day practice as law", () => {
    expect(RULES["hearing-countdown"].isLaw).toBe(false);
    expect(RULES["hearing-countdown"].article).toMatch(/pas une règle de droit/);
    expect(Object.values(RULES).filter((rule) => !rule.isLaw)).toHaveLength(1);
  });

  it("overrides settings without touching the defaults", () => {
    expect(resolveSettings({ dsfInterviewWorkingDays: 5 }).dsfInterviewWorkingDays).toBe(5);
    expect(DEFAULT_PROCEDURE_SETTINGS.dsfInterviewWorkingDays).toBe(15);
    expect(resolveSettings()).toEqual(DEFAULT_PROCEDURE_SETTINGS);
  });
});
