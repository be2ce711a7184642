/// <reference lib="webworker" />
// Issue 18: the service worker, bundled by @serwist/turbopack's route
// (app/serwist/[path]/route.ts) with esbuild, served at /serwist/sw.js with
// scope "/". See docs/decisions/041-offline-round.md.
//
// - The build's assets (/_next/static) are precached at install: no personal
//   data, and the cached pages need them to start offline.
// - Navigations go to the network first. Only when the network fails is a
//   page taken from the copy "Ma tournée" made for the signed-in worker
//   (lib/offline/page-cache.ts); this worker never copies a page itself, so
//   no other page (and no other role's page) is ever kept.
// - Nothing else is cached: the RSC payloads, server actions and routes go to
//   the network as they are.
import { CacheFirst, ExpirationPlugin, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";
import { PAGE_COPY_MAX_AGE_MS, PAGES_CACHE, SAVED_AT_HEADER, STATIC_CACHE } from "../lib/offline/cache-names";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const OFFLINE_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hors ligne · Maintien</title></head>
<body><main id="contenu">
<h1>Hors ligne</h1>
<p>Cette page n'a pas été gardée sur le téléphone. Seules « Ma tournée » et les fiches des dossiers qui y figurent le sont, quand vous l'avez ouverte avec du réseau.</p>
<p><a href="/tournee">Ouvrir Ma tournée</a></p>
</main></body></html>`;

async function offlineNavigation(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const cache = await caches.open(PAGES_CACHE);
    const copy = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
    const savedAt = Date.parse(copy?.headers.get(SAVED_AT_HEADER) ?? "");
    if (copy && Number.isFinite(savedAt) && Date.now() - savedAt <= PAGE_COPY_MAX_AGE_MS) return copy;
    // Too old (the session that made it is over) or unknown: deleted, never shown.
    if (copy) await cache.delete(request, { ignoreSearch: true, ignoreVary: true });
    return new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  }
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: STATIC_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600 })] }),
    },
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate" && request.method === "GET",
      handler: ({ request }) => offlineNavigation(request),
    },
  ],
});

serwist.addEventListeners();
