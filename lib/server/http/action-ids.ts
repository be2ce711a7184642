import fs from "node:fs";
import path from "node:path";

/**
 * The server-action ids of the running build (proxy.ts, issue 14 §7), read
 * once from `.next/server/server-reference-manifest.json`. Null in
 * development (ids change as files are edited) or when the manifest cannot
 * be read: proxy.ts then checks only the id's form and Next.js answers an
 * unknown id itself.
 */
let cached: ReadonlySet<string> | null | undefined;

export function buildActionIds(): ReadonlySet<string> | null {
  if (cached !== undefined) return cached;
  if (process.env.NODE_ENV !== "production") return (cached = null);
  try {
    const file = path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "server", "server-reference-manifest.json");
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node?: Record<string, unknown>; edge?: Record<string, unknown> };
    const ids = [...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})];
    cached = ids.length ? new Set(ids) : null;
  } catch {
    cached = null;
  }
  return cached;
}
