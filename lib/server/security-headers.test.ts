import { describe, expect, it } from "vitest";

import {
  contentSecurityPolicy,
  generateNonce,
  HSTS_MAX_AGE_SECONDS,
  isCrossOriginWrite,
  parseAllowedOrigins,
  parseHstsMode,
  requestIsHttps,
  securityHeaders,
} from "./security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name as string, values];
    }),
  );
}

const base = { nonce: "abc123==", https: false, dev: false, hsts: "auto" as const };

describe("contentSecurityPolicy", () => {
  it("allows scripts only from self and with the request's nonce, never inline or eval in production", () => {
    const d = directives(contentSecurityPolicy(base));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
    expect(d.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("adds unsafe-eval for scripts in development only (React's debugging stacks)", () => {
    expect(directives(contentSecurityPolicy({ ...base, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("locks framing, forms, base, objects and connections to the app", () => {
    const d = directives(contentSecurityPolicy(base));
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("needs the nonce for <style> elements but allows style attributes; the fallback style-src carries no nonce", () => {
    const d = directives(contentSecurityPolicy(base));
    expect(d.get("style-src-elem")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(d.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    // A nonce next to 'unsafe-inline' would make CSP2 browsers ignore 'unsafe-inline'.
    expect(d.get("style-src")?.some((v) => v.startsWith("'nonce-"))).toBe(false);
  });

  it("upgrades insecure requests only over HTTPS (it would break plain http://localhost)", () => {
    expect(directives(contentSecurityPolicy(base)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ ...base, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("securityHeaders", () => {
  it("sets every header, no-store included", () => {
    const h = securityHeaders(base);
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Referrer-Policy"]).toBe("same-origin");
    expect(h["Permissions-Policy"]).toContain("camera=()");
    expect(h["Permissions-Policy"]).toContain("geolocation=()");
    expect(h["Cache-Control"]).toContain("no-store");
    expect(h["Content-Security-Policy"]).toContain("'nonce-abc123=='");
  });

  it("sends HSTS over HTTPS in auto mode, never over HTTP, always or never when forced", () => {
    expect(securityHeaders(base)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...base, https: true })["Strict-Transport-Security"]).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    expect(securityHeaders({ ...base, hsts: "always" })["Strict-Transport-Security"]).toBeDefined();
    expect(securityHeaders({ ...base, https: true, hsts: "off" })["Strict-Transport-Security"]).toBeUndefined();
  });
});

describe("generateNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateNonce()));
    expect(seen.size).toBe(200);
    for (const n of seen) {
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(atob(n)).toHaveLength(16);
    }
  });
});

describe("requestIsHttps and parseHstsMode", () => {
  it("reads the URL scheme or the first X-Forwarded-Proto", () => {
    expect(requestIsHttps("https:", null)).toBe(true);
    expect(requestIsHttps("http:", null)).toBe(false);
    expect(requestIsHttps("http:", "https")).toBe(true);
    expect(requestIsHttps("http:", "HTTPS, http")).toBe(true);
    expect(requestIsHttps("http:", "http, https")).toBe(false);
  });

  it("defaults to auto", () => {
    expect(parseHstsMode(undefined)).toBe("auto");
    expect(parseHstsMode("nonsense")).toBe("auto");
    expect(parseHstsMode("always")).toBe("always");
    expect(parseHstsMode("OFF")).toBe("off");
  });
});

describe("parseAllowedOrigins", () => {
  it("keeps hosts, drops schemes, paths and blanks", () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(" https://Maintien.Example.fr/ , *.asso.fr,,localhost:3000 ")).toEqual([
      "maintien.example.fr",
      "*.asso.fr",
      "localhost:3000",
    ]);
  });
});

describe("isCrossOriginWrite", () => {
  const post = { method: "POST", host: "maintien.local:3000", forwardedHost: null, allowedOrigins: [] as string[] };

  it("lets reads through whatever their origin", () => {
    expect(isCrossOriginWrite({ ...post, method: "GET", origin: "https://evil.example" })).toBe(false);
    expect(isCrossOriginWrite({ ...post, method: "HEAD", origin: "https://evil.example" })).toBe(false);
  });

  it("accepts a write from the app's own host", () => {
    expect(isCrossOriginWrite({ ...post, origin: "http://maintien.local:3000" })).toBe(false);
  });

  it("refuses a write from another site, another port, an opaque or garbled origin", () => {
    expect(isCrossOriginWrite({ ...post, origin: "https://evil.example" })).toBe(true);
    expect(isCrossOriginWrite({ ...post, origin: "http://maintien.local:4000" })).toBe(true);
    expect(isCrossOriginWrite({ ...post, origin: "null" })).toBe(true);
    expect(isCrossOriginWrite({ ...post, origin: "not a url" })).toBe(true);
    expect(isCrossOriginWrite({ ...post, method: "delete", origin: "https://evil.example" })).toBe(true);
  });

  it("lets a request without Origin through, as Next.js does (no browser omits it on a cross-site POST)", () => {
    expect(isCrossOriginWrite({ ...post, origin: null })).toBe(false);
  });

  it("behind a reverse proxy, accepts the forwarded host or a listed origin", () => {
    const proxied = { ...post, host: "127.0.0.1:3000" };
    expect(isCrossOriginWrite({ ...proxied, origin: "https://maintien.example.fr" })).toBe(true);
    expect(isCrossOriginWrite({ ...proxied, forwardedHost: "maintien.example.fr", origin: "https://maintien.example.fr" })).toBe(false);
    expect(isCrossOriginWrite({ ...proxied, allowedOrigins: ["maintien.example.fr"], origin: "https://maintien.example.fr" })).toBe(false);
    expect(isCrossOriginWrite({ ...proxied, allowedOrigins: ["*.example.fr"], origin: "https://maintien.example.fr" })).toBe(false);
    expect(isCrossOriginWrite({ ...proxied, allowedOrigins: ["*.example.fr"], origin: "https://example.fr" })).toBe(true);
    expect(isCrossOriginWrite({ ...proxied, allowedOrigins: ["*.example.fr"], origin: "https://evilexample.fr" })).toBe(true);
  });
});

describe("document previews (issue 19)", () => {
  it("match only /dossiers/<id>/documents/<pieceId>/apercu", async () => {
    const { PREVIEW_PATH } = await import("./security-headers");
    expect(PREVIEW_PATH.test("/dossiers/c1/documents/p1/apercu")).toBe(true);
    expect(PREVIEW_PATH.test("/dossiers/c1/documents/p1")).toBe(false);
    expect(PREVIEW_PATH.test("/dossiers/c1/documents")).toBe(false);
    expect(PREVIEW_PATH.test("/dossiers/c1/documents/p1/apercu/x")).toBe(false);
  });

  it("let nothing load or run; images are sandboxed", async () => {
    const { previewContentSecurityPolicy } = await import("./security-headers");
    for (const kind of ["image", "pdf"] as const) {
      const csp = previewContentSecurityPolicy(kind);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("form-action 'none'");
      expect(csp).not.toMatch(/script-src|unsafe-eval/);
    }
    expect(previewContentSecurityPolicy("image")).toMatch(/^sandbox; /);
  });
});
