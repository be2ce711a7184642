/**
 * The app's attack surface, listed from the code (issue 8 §2): every server
 * action ("use server" modules under app/), every route handler and every
 * page. The permission walk fails when one of them is missing from its
 * manifest, so a new one cannot be forgotten.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const APP = path.join(ROOT, "app");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** "app/(app)/dossiers/[id]/actions.ts#recordOutreachEventAction" for every exported server action. */
export function listServerActions(): string[] {
  const out: string[] = [];
  for (const file of walk(APP).filter((f) => /\.tsx?$/.test(f))) {
    const source = fs.readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/m.test(source.split("\n").slice(0, 5).join("\n"))) continue;
    for (const m of source.matchAll(/^export\s+(?:const|async\s+function|function)\s+([A-Za-z0-9_]+)/gm)) {
      out.push(`${rel(file)}#${m[1]}`);
    }
  }
  return out.sort();
}

/** "app/(app)/indicateurs/export/[fichier]/route.ts#GET" for every exported HTTP method. */
export function listRouteHandlers(): string[] {
  const out: string[] = [];
  for (const file of walk(APP).filter((f) => /\/route\.tsx?$/.test(f))) {
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/^export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)) {
      out.push(`${rel(file)}#${m[1]}`);
    }
    // `export const { GET, POST } = handlers` (Auth.js).
    for (const m of source.matchAll(/^export\s+const\s+\{([^}]+)\}/gm)) {
      for (const name of m[1]!.split(",").map((s) => s.trim()).filter(Boolean)) out.push(`${rel(file)}#${name}`);
    }
  }
  return out.sort();
}

/** "app/(app)/dossiers/[id]/page.tsx" for every page. */
export function listPages(): string[] {
  return walk(APP)
    .filter((f) => /\/page\.tsx?$/.test(f))
    .map(rel)
    .sort();
}
