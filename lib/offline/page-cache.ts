// Issue 18: the copy of "Ma tournée" and of the cases on it kept on the phone
// (Cache Storage, browser only). Made by the page itself while online, for the
// signed-in social worker; the service worker (app/sw.ts) only reads it when
// the network fails. Wiped at sign-out, when the session is found gone and
// when another account signs in (docs/security.md).
import { OWNER_HEADER, PAGES_CACHE, SAVED_AT_HEADER, STATIC_CACHE } from "./cache-names";
import { deleteOutboxDatabase, getMeta, setMeta } from "./outbox-store";

const hasCaches = () => typeof window !== "undefined" && "caches" in window;

/** Build assets named in a page (its scripts, styles, and the chunks its client components load). */
function assetsOf(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/(?:\/_next\/)?(static\/(?:chunks|css|media)\/[^"'\\\s)?#]+)/g)) out.add(`/_next/${m[1]}`);
  return [...out];
}

/**
 * Copies these pages (paths) for offline use, stamped with the time of the
 * copy and the owner, with the build assets they need; drops the pages no
 * longer listed (a case that left the round). Returns the copy's time, or
 * null when nothing could be copied.
 */
export async function keepPagesOffline(userId: string, paths: string[]): Promise<Date | null> {
  if (!hasCaches()) return null;
  const cache = await caches.open(PAGES_CACHE);
  const savedAt = new Date();
  const assets = new Set<string>();
  let kept = 0;
  for (const path of paths) {
    let res: Response;
    try {
      res = await fetch(path, { credentials: "same-origin", cache: "no-store", headers: { accept: "text/html" } });
    } catch {
      return kept > 0 ? savedAt : null;
    }
    // A redirect (session gone → /connexion) or an error page is never kept.
    if (!res.ok || res.redirected || !(res.headers.get("content-type") ?? "").includes("text/html")) continue;
    const html = await res.text();
    for (const a of assetsOf(html)) assets.add(a);
    const headers = new Headers(res.headers);
    headers.set(SAVED_AT_HEADER, savedAt.toISOString());
    headers.set(OWNER_HEADER, userId);
    await cache.put(new Request(path), new Response(html, { status: 200, headers }));
    kept += 1;
  }
  for (const req of await cache.keys()) {
    if (!paths.includes(new URL(req.url).pathname)) await cache.delete(req);
  }
  const statics = await caches.open(STATIC_CACHE);
  await Promise.all(
    [...assets].map(async (a) => {
      if (await caches.match(a)) return;
      try {
        await statics.add(a);
      } catch {
        // An asset of an older build: the page will load it from the network next time.
      }
    }),
  );
  return kept > 0 ? savedAt : null;
}

/** When this page's offline copy was made, if there is one for this worker. */
export async function copiedAt(path: string, userId: string): Promise<Date | null> {
  if (!hasCaches()) return null;
  const res = await (await caches.open(PAGES_CACHE)).match(path, { ignoreSearch: true, ignoreVary: true });
  if (!res || res.headers.get(OWNER_HEADER) !== userId) return null;
  const at = res.headers.get(SAVED_AT_HEADER);
  return at ? new Date(at) : null;
}

/**
 * Deletes the personal data kept on the phone: the copied pages, and (unless
 * keepOutbox, when the session merely expired and the same worker will sign
 * in again) the outbox. Build assets hold no personal data and stay.
 */
export async function wipeOfflineData(opts: { keepOutbox?: boolean } = {}): Promise<void> {
  if (hasCaches()) await caches.delete(PAGES_CACHE);
  if (!opts.keepOutbox && typeof indexedDB !== "undefined") await deleteOutboxDatabase();
}

/** Another account signed in on this phone: the previous one's pages and outbox are deleted first. */
export async function claimDeviceFor(userId: string): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  const owner = await getMeta("owner");
  if (owner && owner !== userId) await wipeOfflineData();
  if (owner !== userId) await setMeta("owner", userId);
}
