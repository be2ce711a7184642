// Issue 18: serves the service worker (app/sw.ts) at /serwist/sw.js, built
// with esbuild when the app is built, with the precache list of the build's
// assets (docs/decisions/041-offline-round.md). No personal data: the
// assets only; the pages are copied by "Ma tournée" itself.
import { createSerwistRoute } from "@serwist/turbopack";

const route = createSerwistRoute({
  swSrc: "app/sw.ts",
  // The native esbuild already in node_modules (not esbuild-wasm).
  useNativeEsbuild: true,
  // The build's scripts and styles, the manifest and the icons; never public/'s import templates.
  globPatterns: [".next/static/**/*.{js,css,woff2}", "public/manifest.webmanifest", "public/icons/*.png"],
  // Fingerprinted build assets need no revision; the manifest and icons get their content's hash.
  additionalPrecacheEntries: [],
});

// Built once, at build time (the values createSerwistRoute gives, written as literals for Next's analysis).
export const dynamic = "force-static";
export const dynamicParams = false;
export const revalidate = false;
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
