import { describe, expect, it } from "vitest";
import { authUrlOrigin, publicOrigin } from "@/lib/server/http/public-origin";
import { isSitePath, redirectToPath } from "@/lib/server/http/redirect";

describe("redirectToPath (issue 14: no redirect built from localhost or Host)", () => {
  it("answers a relative Location, whatever host the request came to", () => {
    const response = redirectToPath("/import/apercu?fichier=abc", 303);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/import/apercu?fichier=abc");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses what a browser would read as another host", () => {
    for (const bad of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "import", "/a\r\nSet-Cookie: x=1", ""]) {
      expect(isSitePath(bad)).toBe(false);
      expect(() => redirectToPath(bad)).toThrow();
    }
    expect(isSitePath("/connexion")).toBe(true);
  });
});

describe("publicOrigin (links that leave the browser)", () => {
  const h = (entries: Record<string, string>) => new Headers(entries);

  it("uses AUTH_URL whatever the Host and forwarded headers say", () => {
    const headers = h({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
    expect(publicOrigin({ AUTH_URL: "https://maintien.example.fr/api/auth", trustedProxies: 0 }, headers)).toBe("https://maintien.example.fr");
    expect(publicOrigin({ AUTH_URL: "https://maintien.example.fr", trustedProxies: 1 }, headers)).toBe("https://maintien.example.fr");
  });

  it("believes the forwarded host only behind a trusted proxy, and never a malformed one", () => {
    const headers = h({ host: "127.0.0.1:3000", "x-forwarded-host": "maintien.test:8443", "x-forwarded-proto": "https" });
    expect(publicOrigin({ trustedProxies: 0 }, headers)).toBeNull();
    expect(publicOrigin({ trustedProxies: 1 }, headers)).toBe("https://maintien.test:8443");
    expect(publicOrigin({ trustedProxies: 1 }, h({ "x-forwarded-host": "evil.example/path@x", "x-forwarded-proto": "https" }))).toBeNull();
    expect(publicOrigin({ trustedProxies: 1 }, h({ "x-forwarded-host": "maintien.test", "x-forwarded-proto": "javascript" }))).toBeNull();
  });

  it("reads AUTH_URL's origin or nothing", () => {
    expect(authUrlOrigin(undefined)).toBeNull();
    expect(authUrlOrigin(" ")).toBeNull();
    expect(authUrlOrigin("not a url")).toBeNull();
    expect(authUrlOrigin("ftp://maintien.example.fr")).toBeNull();
    expect(authUrlOrigin("https://maintien.example.fr:8443/x")).toBe("https://maintien.example.fr:8443");
  });
});
