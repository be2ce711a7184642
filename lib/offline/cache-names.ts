// Issue 18: the names shared by the service worker (app/sw.ts) and the pages.
// No imports: app/sw.ts is bundled on its own by esbuild (@serwist/turbopack).

/** The pages kept for offline use: "Ma tournée" and the cases on it, for the signed-in worker only. */
export const PAGES_CACHE = "maintien-pages";
/** Build assets (no personal data) fetched at run time; the precache holds the rest. */
export const STATIC_CACHE = "maintien-static";
/** Headers stored with a kept page: when it was copied, and for whom. */
export const SAVED_AT_HEADER = "x-maintien-copie-le";
export const OWNER_HEADER = "x-maintien-utilisateur";
/** The service worker's address (app/serwist/[path]/route.ts) and its scope. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";
/**
 * A copy older than the longest session (SESSION_ABSOLUTE_HOURS, decision 016)
 * was made by a session that is over: the service worker no longer serves it
 * and deletes it (the phone may have stayed offline since).
 */
export const PAGE_COPY_MAX_AGE_MS = 12 * 3_600_000;
