import "server-only";

/**
 * The site's public origin for links that leave the browser (an invitation
 * link e-mailed or pasted into a message). Issue 14: never built from an
 * untrusted `Host`: a forged Host would put an attacker's site in the link
 * an administrator sends.
 *
 * 1. `AUTH_URL` (the deployment's public address, e.g. https://maintien.example.fr)
 *    when set: always, whatever the request says.
 * 2. Otherwise, behind our own proxy (`TRUST_PROXY` ≥ 1), the host and scheme
 *    it forwarded (`X-Forwarded-Host`, else `Host`; `X-Forwarded-Proto`).
 * 3. Otherwise `null`: the caller shows a path and lets the browser complete
 *    it (the administrator's own address bar), and sends no e-mail.
 */
export function publicOrigin(env: { AUTH_URL?: string; trustedProxies: number }, headers: Headers): string | null {
  const fixed = authUrlOrigin(env.AUTH_URL);
  if (fixed) return fixed;
  if (env.trustedProxies < 1) return null;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]!.trim();
  const proto = (headers.get("x-forwarded-proto") ?? "").split(",")[0]!.trim().toLowerCase();
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) || (proto !== "https" && proto !== "http")) return null;
  return `${proto}://${host.toLowerCase()}`;
}

/** AUTH_URL's origin ("https://host[:port]"), or null when unset or not an http(s) URL. */
export function authUrlOrigin(value: string | undefined): string | null {
  if (!value || value.trim() === "") return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}
