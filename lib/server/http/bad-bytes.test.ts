import { describe, expect, it } from "vitest";
import { badRequestHtml, badRequestReason } from "@/lib/server/http/bad-bytes";

describe("badRequestReason (issue 14: bad bytes get a clear answer, not a 500)", () => {
  it("refuses invalid percent-encoding in the path or the query", () => {
    expect(badRequestReason("http://localhost:3000/dossiers/%E0%A4%A")).toBe("encoding");
    expect(badRequestReason("https://maintien.test/dossiers/%")).toBe("encoding");
    expect(badRequestReason("/dossiers?q=%ZZ")).toBe("encoding");
    expect(badRequestReason("/dossiers?%C3=1")).toBe("encoding");
  });

  it("refuses a NUL byte in any query parameter or path segment", () => {
    expect(badRequestReason("http://localhost:3000/dossiers?q=abc%00def")).toBe("nul");
    expect(badRequestReason("/dossiers/%00")).toBe("nul");
    expect(badRequestReason("/import/apercu?fichier=%00&x=1")).toBe("nul");
  });

  it("lets ordinary addresses through, accents and spaces included", () => {
    for (const ok of ["http://localhost:3000/", "/dossiers?q=%C3%A9lodie+martin&page=2", "/dossiers/abc123#x", "/connexion?session=inactivite", "/indicateurs/export/dossiers.csv?du=2026-01-01"]) {
      expect(badRequestReason(ok), ok).toBeNull();
    }
  });

  it("answers in French without script", () => {
    const html = badRequestHtml("nul");
    expect(html).toContain('lang="fr"');
    expect(html).toContain("Adresse invalide");
    expect(html).not.toContain("<script");
  });
});
