import { withSerwist } from "@serwist/turbopack";
import type { NextConfig } from "next";

import { ACTION_BODY_LIMIT } from "./lib/server/http/action-request";
import { parseAllowedOrigins } from "./lib/server/security-headers";

const nextConfig: NextConfig = {
  // Native and WASM packages must stay outside the server bundle.
  // heic-convert carries libheif compiled to WASM (issue 19, decision 033).
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "heic-convert"],
  poweredByHeader: false,
  // `tsc --noEmit` runs as its own step of `npm test` over the whole project
  // (scripts and tests included); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // Turbopack keeps its build cache in .next for the next `next build` (on
    // by default in 16.4): worth it on a developer's machine, but a CI run
    // starts from a fresh clone and throws it away, and writing it took 49 s
    // of the build's 198 s there (docs/decisions/050-cheaper-journeys.md).
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // Next.js buffers every request body for proxy.ts and silently TRUNCATES
    // it beyond this size (10 MB by default): a 20 MB document of a case
    // (MAX_ATTACHMENT_BYTES) plus its multipart overhead must fit. Same value
    // as nginx's client_max_body_size (docs/deployment.md; decision 043).
    proxyClientMaxBodySize: "22mb",
    serverActions: {
      // Forms are small; a larger body is an error, not a reason to buffer it.
      // proxy.ts refuses a larger Content-Length with a French 413 before Next
      // reads it, from the same constant (decision 043).
      bodySizeLimit: ACTION_BODY_LIMIT,
      // Next refuses a server action whose Origin is not the Host (or
      // X-Forwarded-Host): behind a reverse proxy that rewrites the host, list
      // the public host(s) here (comma-separated; read when the server starts).
      // proxy.ts applies the same list to every other write.
      allowedOrigins: parseAllowedOrigins(process.env.SERVER_ACTIONS_ALLOWED_ORIGINS),
    },
  },
  // Static headers for every path, the build assets included. proxy.ts adds
  // the CSP with its nonce, HSTS and Cache-Control: no-store to everything but
  // the build assets (lib/server/security-headers.ts, decision 015).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
    ];
  },
};

// Issue 18: @serwist/turbopack keeps esbuild (which bundles the service worker, app/sw.ts) outside the server bundle.
export default withSerwist(nextConfig);
