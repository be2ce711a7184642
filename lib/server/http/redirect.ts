import "server-only";

/**
 * A redirect whose `Location` is a path on this site, never an absolute URL.
 *
 * Issue 14: `NextResponse.redirect(new URL(path, request.url))` builds the
 * URL from the address Node listened on (`http://localhost:PORT`), so behind
 * any reverse proxy the import upload sent the browser to localhost, which the
 * CSP's `form-action 'self'` then blocked. A relative `Location` (RFC 9110
 * §10.2.2) is resolved by the browser against the address it used, whatever
 * the `Host` header said: no host to trust, none to forge.
 */
export function redirectToPath(path: string, status: 301 | 302 | 303 | 307 | 308 = 307): Response {
  if (!isSitePath(path)) throw new Error(`Not a path on this site: ${path}`);
  return new Response(null, { status, headers: { Location: path, "Cache-Control": "no-store" } });
}

/** A path of this site: starts with one "/", not "//" nor "/\\" (which browsers read as another host). */
export function isSitePath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !/[\u0000-\u001f\u007f]/.test(path);
}
