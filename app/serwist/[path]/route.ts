// Issue 18: serves the service worker (app/sw.ts) at /serwist/sw.js, built
// with esbuild when the app is built, with the precache list of the build's
// assets (docs/decisions/041-offline-round.md). No personal data: the
// assets only; the pages are copied by "Ma tournée" itself.
import { createSerwistRoute } from "@serwist/turbopack";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  // The native esbuild already in node_modules (not esbuild-wasm).
  useNativeEsbuild: true,
  // The build's scripts and styles, the manifest and the icons; never public/'s import templates.
  globPatterns: [".next/static/**/*.{js,css,woff2}", "public/manifest.webmanifest", "public/icons/*.png"],
  // Fingerprinted build assets need no revision; the manifest and icons get their content's hash.
  additionalPrecacheEntries: [],
});
