import { describe, expect, it } from "vitest";

import { DEFAULT_TEMPLATES, SMS_TEXT } from "./defaults";
import { LETTER_KINDS } from "./kinds";
import { EXAMPLE_VALUES, MERGE_FIELD_NAMES } from "./merge-fields";
import { checkTemplate, cleanValue, closestField, describeProblems, fieldsUsed, renderBody, renderLine } from "./template";

describe("checkTemplate", () => {
  it("accepts every default template and the SMS text", () => {
    for (const kind of LETTER_KINDS) {
      expect(checkTemplate(DEFAULT_TEMPLATES[kind].subject), kind).toEqual([]);
      expect(checkTemplate(DEFAULT_TEMPLATES[kind].body), kind).toEqual([]);
    }
    expect(checkTemplate(SMS_TEXT)).toEqual([]);
  });

  it("accepts spaces inside the braces and a fallback text", () => {
    expect(checkTemplate("Devant {{ tribunal | le tribunal }}, le {{date_audience}}.")).toEqual([]);
  });

  it("reports an unknown field with its line, and suggests the field that was probably meant", () => {
    const problems = checkTemplate("Madame, Monsieur,\n\nVotre bailleur, {{bailleurr}}, et {{conseiller}}.");
    expect(problems).toEqual([
      { line: 3, message: "« {{bailleurr}} » n'est pas un champ connu. Vouliez-vous dire « {{bailleur}} » ?" },
      { line: 3, message: "« {{conseiller}} » n'est pas un champ connu." },
    ]);
    expect(describeProblems(problems, true)[0]).toBe("Ligne 3 : « {{bailleurr}} » n'est pas un champ connu. Vouliez-vous dire « {{bailleur}} » ?");
    expect(describeProblems(problems, false)[1]).toBe("« {{conseiller}} » n'est pas un champ connu.");
  });

  it("is case- and accent-sensitive but says which field was meant", () => {
    expect(checkTemplate("{{Nom_Locataire}}")[0]!.message).toContain("Vouliez-vous dire « {{nom_locataire}} » ?");
    expect(closestField("téléphone équipe")).toBe("telephone_equipe");
    expect(closestField("date audience")).toBe("date_audience");
    expect(closestField("xyz")).toBeNull();
    expect(closestField("nom")).toBe("nom_locataire");
    expect(closestField("telephone")).toBe("telephone_equipe");
    expect(closestField("bailleurr")).toBe("bailleur");
    expect(closestField("vile")).toBe("ville");
  });

  it("reports unclosed, stray, empty and nested braces", () => {
    expect(checkTemplate("Bonjour {{nom_locataire").map((p) => p.message)).toEqual(["« {{ » ouvre un champ qui n'est pas refermé par « }} » sur la même ligne."]);
    expect(checkTemplate("Bonjour nom}}").map((p) => p.message)).toEqual(["« }} » ferme un champ qui n'a pas été ouvert par « {{ »."]);
    expect(checkTemplate("{{}} et {{ |x}}").map((p) => p.message)).toEqual(["« {{}} » : le nom du champ manque.", "« {{ |x}} » : le nom du champ manque."]);
    expect(checkTemplate("{{equipe{{adresse}}").length).toBeGreaterThan(0);
  });

  it("refuses invisible control characters", () => {
    expect(checkTemplate("Bonjour\u0007")).toEqual([{ line: 1, message: "Le texte contient un caractère de contrôle invisible : retapez la ligne." }]);
  });

  it("leaves single braces and ordinary text alone", () => {
    expect(checkTemplate("Un { seul } et des <balises> restent du texte.")).toEqual([]);
  });
});

describe("renderBody", () => {
  const values = { nom_locataire: "Gaëlle LEFÈVRE", equipe: "Équipe mobile", telephone_equipe: "01 60 00 00 00" };

  it("merges the values", () => {
    expect(renderBody("Bonjour {{nom_locataire}},\nNous sommes {{ equipe }}.", values)).toEqual(["Bonjour Gaëlle LEFÈVRE,", "Nous sommes Équipe mobile."]);
  });

  it("drops a line whose value is unknown, and the blank line it leaves doubled", () => {
    const body = "Bonjour,\n\nAudience le {{date_audience}}.\n\nTéléphone : {{telephone_equipe}}\nE-mail : {{email_equipe}}\n\nCordialement.";
    expect(renderBody(body, values)).toEqual(["Bonjour,", "", "Téléphone : 01 60 00 00 00", "", "Cordialement."]);
  });

  it("uses the fallback text when the value is unknown", () => {
    expect(renderBody("Devant {{tribunal|le tribunal}}.", values)).toEqual(["Devant le tribunal."]);
    expect(renderBody("Devant {{tribunal|le tribunal}}.", { tribunal: "Tribunal de proximité d'Évry" })).toEqual(["Devant Tribunal de proximité d'Évry."]);
  });

  it("treats a blank value as unknown", () => {
    expect(renderBody("A\nTél. {{telephone_equipe}}\nB", { telephone_equipe: "   " })).toEqual(["A", "B"]);
  });

  it("never reads a value as template, never lets a value break a line, and keeps markup as plain text", () => {
    const hostile = { nom_locataire: "{{equipe}} <script>alert(1)</script>\nLigne injectée\r\n\u0000", equipe: "Équipe" };
    expect(renderBody("Bonjour {{nom_locataire}}.", hostile)).toEqual(["Bonjour {{equipe}} <script>alert(1)</script> Ligne injectée."]);
  });

  it("prints a dash for a field that a saved template spells wrongly, never the braces", () => {
    expect(renderBody("Signé : {{inconnu}}.", values)).toEqual(["Signé : —."]);
  });

  it("trims leading and trailing blank lines", () => {
    expect(renderBody("\n\nBonjour\n\n\n", values)).toEqual(["Bonjour"]);
  });
});

describe("renderLine", () => {
  it("writes a dash for an unknown value in a subject", () => {
    expect(renderLine("Impayés de {{nom_locataire}} ({{reference_procedure}})", { nom_locataire: "Paul MARTIN" })).toBe("Impayés de Paul MARTIN (—)");
  });

  it("keeps a subject on one line", () => {
    expect(renderLine("Objet\nsur deux lignes", {})).toBe("Objet sur deux lignes");
  });
});

describe("fieldsUsed and cleanValue", () => {
  it("lists the fields a template uses, once each", () => {
    expect(fieldsUsed("{{equipe}} {{adresse}}\n{{equipe|x}} {{faux}}")).toEqual(["equipe", "adresse"]);
  });

  it("gives an example for every field, and every default renders completely with them", () => {
    for (const name of MERGE_FIELD_NAMES) expect(EXAMPLE_VALUES[name], name).toBeTruthy();
    for (const kind of LETTER_KINDS) {
      const body = renderBody(DEFAULT_TEMPLATES[kind].body, EXAMPLE_VALUES).join("\n");
      expect(body, kind).not.toMatch(/\{\{|\}\}|—/);
    }
  });

  it("cleans values to one trimmed line", () => {
    expect(cleanValue("  a\n\tb  ")).toBe("a b");
    expect(cleanValue(" \n ")).toBeNull();
    expect(cleanValue(null)).toBeNull();
  });
});
