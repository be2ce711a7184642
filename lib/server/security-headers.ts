// HTTP hardening (issue 8.6, docs/decisions/015-http-hardening.md): the
// security headers of every response and the cross-origin check of writes, as
// pure functions of the request's facts. proxy.ts calls them on every request;
// security-headers.test.ts pins them.
//
// No `import "server-only"` here: the module is pure (no secrets, no database)
// and proxy.ts is not bundled as a React Server Component, where that marker
// resolves to its harmless variant.

export type HstsMode = "auto" | "always" | "off";

export interface SecurityHeaderOptions {
  /** A fresh, unguessable value per request (generateNonce). */
  nonce: string;
  /** The request reached us over HTTPS (directly or through a proxy that says so). */
  https: boolean;
  /** `next dev`: React needs eval for its debugging stacks (never in production). */
  dev: boolean;
  /** HSTS: "auto" sends it on HTTPS requests only, "always" on every response, "off" never. */
  hsts: HstsMode;
}

/** Two years, the value the HSTS preload list asks for. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * The Content-Security-Policy. Scripts: only this origin's files and the
 * inline scripts carrying this request's nonce (Next.js stamps its bootstrap
 * scripts with it, read from this header on the request); 'strict-dynamic'
 * lets those load the page's chunks. No 'unsafe-inline' for scripts.
 *
 * Styles: <style> elements need the nonce (style-src-elem), but style
 * ATTRIBUTES stay allowed (style-src-attr 'unsafe-inline'): React renders
 * `style={…}` props as attributes (the charts of the dashboard, Next's route
 * announcer) and a nonce cannot apply to an attribute. `style-src` is the
 * fallback for browsers without the -elem/-attr directives (CSP level 3);
 * it must not list a nonce, which would make those browsers ignore
 * 'unsafe-inline'. An injected style attribute can restyle a page but cannot
 * run code.
 */
export function contentSecurityPolicy(opts: Pick<SecurityHeaderOptions, "nonce" | "https" | "dev">): string {
  const nonce = `'nonce-${opts.nonce}'`;
  const directives: Array<[string, string]> = [
    ["default-src", "'self'"],
    ["script-src", `'self' ${nonce} 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`],
    ["style-src", "'self' 'unsafe-inline'"],
    ["style-src-elem", `'self' ${nonce}`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self' data: blob:"],
    ["font-src", "'self'"],
    // Development: the hot-reload websocket.
    ["connect-src", opts.dev ? "'self' ws: wss:" : "'self'"],
    ["frame-src", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
    ["base-uri", "'none'"],
    ["object-src", "'none'"],
    ["manifest-src", "'self'"],
    ["worker-src", "'self' blob:"],
  ];
  const policy = directives.map(([name, value]) => `${name} ${value}`);
  // Only over HTTPS: on plain http://localhost it would send every asset to https:// and break the page.
  if (opts.https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/**
 * Every security header of a response, CSP included. Cache-Control is
 * `no-store` on every response that goes through proxy.ts: the pages, their
 * RSC payloads and the PDF and export routes hold personal data, and no
 * browser, shared cache or "back" button should keep a copy. Only the
 * fingerprinted static assets (/_next/static), which the proxy skips, are cached.
 */
export function securityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(opts),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store, max-age=0",
  };
  if (opts.hsts === "always" || (opts.hsts === "auto" && opts.https)) {
    headers["Strict-Transport-Security"] = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;
  }
  return headers;
}

/** 128 random bits, base64: unguessable and valid in a CSP source expression. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Whether the request came over HTTPS: the URL's own scheme, or the first
 * value of X-Forwarded-Proto set by the reverse proxy that terminates TLS.
 * Trusting a forged "https" there is harmless: browsers ignore HSTS received
 * over plain HTTP.
 */
export function requestIsHttps(protocol: string, forwardedProto: string | null): boolean {
  if (protocol === "https:") return true;
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

/** HSTS mode from the HSTS environment variable (auto by default). */
export function parseHstsMode(value: string | undefined): HstsMode {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "always" || v === "on" || v === "1" || v === "true") return "always";
  if (v === "off" || v === "0" || v === "false") return "off";
  return "auto";
}

/**
 * SERVER_ACTIONS_ALLOWED_ORIGINS: comma-separated hosts (host[:port], or a
 * `*.` wildcard for sub-domains) allowed to post forms besides the app's own
 * host. For a reverse proxy that does not forward the public host. Scheme
 * and path, if given, are dropped: Next compares hosts.
 */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((s) => s.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/\/.*$/, ""))
    .filter((s) => s.length > 0);
}

function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith("*.")) {
    const suffix = pattern.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return host === pattern;
}

export interface WriteRequestFacts {
  method: string;
  /** The Origin header, or null. */
  origin: string | null;
  /** The Host header, or null. */
  host: string | null;
  /** The X-Forwarded-Host header, or null. */
  forwardedHost: string | null;
  allowedOrigins: readonly string[];
}

/**
 * A state-changing request (POST, PUT, PATCH, DELETE) whose Origin is
 * another site: refused by proxy.ts before any action or route runs. It is
 * the check Next.js makes for server actions, made once for every write
 * (route handlers too). A request without Origin is let through, as Next does:
 * browsers send Origin on every cross-site POST, so a request without one is
 * not a browser forging a signed-in user's request.
 */
export function isCrossOriginWrite(facts: WriteRequestFacts): boolean {
  const method = facts.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  if (facts.origin === null) return false;
  let originHost: string;
  if (facts.origin === "null") return true;
  try {
    originHost = new URL(facts.origin).host.toLowerCase();
  } catch {
    return true;
  }
  const own = [facts.forwardedHost?.split(",")[0]?.trim(), facts.host?.trim()]
    .filter((h): h is string => !!h)
    .map((h) => h.toLowerCase());
  if (own.includes(originHost)) return false;
  return !facts.allowedOrigins.some((pattern) => hostMatches(originHost, pattern));
}

/**
 * Inline previews of a case's documents (issue 19, docs/decisions/033-safe-files.md):
 * /dossiers/<id>/documents/<pieceId>/apercu. They get their own CSP instead of
 * the app's: nothing may load or run. Images are also sandboxed (a unique
 * origin, no scripts, no forms). PDFs are not: Chromium refuses to show a PDF
 * in a sandboxed document, and its viewer runs apart from the page's origin;
 * the PDF itself is served with its exact type and `nosniff`, never as HTML.
 */
export const PREVIEW_PATH = /^\/dossiers\/[^/]+\/documents\/[^/]+\/apercu\/?$/;

export function previewContentSecurityPolicy(kind: "image" | "pdf"): string {
  const base = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
  return kind === "image" ? `sandbox; ${base}` : `${base}; object-src 'self'; plugin-types application/pdf`;
}
