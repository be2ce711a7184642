// Hostile input (issue 8 §8): every server action of the permission walk's
// manifest, called by a user allowed to use it, with each field of a valid
// input replaced in turn by malformed, oversized and hostile values: a 1 MB
// string, HTML, SQL fragments, a value of the wrong type, negative and
// non-numeric amounts, impossible dates and dates in year 20260. Each call
// must answer: never an exception (a 500), a French message when refused,
// and nothing written when refused. Text that is merely unusual (HTML, SQL)
// may be accepted, and is then stored as typed, never interpreted.
import { beforeAll, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/server/session", async () => {
  const { redirect } = await import("next/navigation");
  return {
    getCurrentUser: async () => current.user,
    getSessionState: async () => ({ user: current.user }),
    requireUser: async () => {
      if (!current.user) redirect("/connexion");
      return current.user;
    },
    reissueCurrentSession: async () => undefined,
  };
});
vi.mock("@/lib/server/auth-config", () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  unstable_update: async () => undefined,
  handlers: {},
  SignInRefused: class extends Error {},
  LOCKOUT_MINUTES: 15,
  MAX_FAILED_LOGINS: 5,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

import { can } from "@/lib/domain/permission-table";
import type { ActionState } from "@/lib/validation/action-state";
import { toFormData } from "./permission-walk/form-data";
import { ACTIONS, type Fields } from "./permission-walk/manifest";
import { asActor, buildWorld, snapshotCounts, WALKERS, type World } from "./permission-walk/world";

type FormAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

const MEGABYTE = "é".repeat(1_048_576);
const HTML = `<img src=x onerror="alert('maintien')"><script>alert(1)</script>`;
const SQL = `Robert'); DROP TABLE "Case"; --`;

/** Zod's and JavaScript's English defaults: a message the user would not understand. */
const ENGLISH = /\b(Invalid|Expected|Required|received|must be|Too (big|small)|String must|Number must|undefined|NaN|null)\b/;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT_KEYS = /^(rent|rentDue|chargesDue|paid|housingBenefit|claimedDebt|amount|advanceReceived|cap|debt|charges)$/;
const COUNT_KEYS = /^(adults|children|version|maxSupportWeeks)$/;

/** The leaves of a nested input, as paths: ["rates", "SUPPORT_WEEK", "amount"]. */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function withLeaf(fields: Fields, path: string[], value: unknown): Fields {
  const copy = structuredClone(fields) as Record<string, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((k) => (node = node[k] as Record<string, unknown>));
  node[path.at(-1)!] = value;
  return copy;
}

function leafOf(fields: Fields, path: string[]): unknown {
  return path.reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], fields);
}


/** What each leaf must refuse, by what the valid value looks like. */
function mustRefuse(key: string, valid: unknown): unknown[] {
  const values: unknown[] = [MEGABYTE, { nested: "objet" }];
  if (typeof valid === "string" && DATE.test(valid)) values.push("20260-11-26", "2026-02-30", HTML);
  if (AMOUNT_KEYS.test(key)) values.push("-12,50", "abc", "1e400", SQL);
  if (COUNT_KEYS.test(key)) values.push("-1", "abc", "1.5");
  if (/Id$|^id$|^token$|^kind$|^stage$|^status$|^outcome$|^role$|^landlordMode$|^source$/.test(key)) values.push(SQL, HTML);
  return values;
}

let world: World;

describe("hostile input", () => {
  beforeAll(async () => {
    world = await buildWorld();
  }, 120_000);

  for (const [key, entry] of Object.entries(ACTIONS)) {
    if (!entry.input || entry.permission === "public" || entry.permission === "self") continue;
    const permission = entry.permission;
    it(`server action ${key}`, { timeout: 300_000 }, async () => {
      const [file, name] = key.split("#") as [string, string];
      const action = ((await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>)[name] as FormAction;
      const walker = WALKERS.find((w) => can(asActor(world.users[w]), permission, entry.target === "own" ? world.users[w].teamIds[0] : world.teamA.id))!;
      const call = async (fields: Fields): Promise<ActionState | "redirect"> => {
        current.user = world.users[walker];
        try {
          return await action({ status: "idle" }, toFormData(fields));
        } catch (error) {
          const digest = typeof error === "object" && error && "digest" in error ? String((error as { digest: unknown }).digest) : "";
          if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
          throw new Error(`${key}: an exception (a 500 for the user) instead of a French message: ${(error as Error).message}`);
        } finally {
          current.user = null;
        }
      };
      const expectFrenchRefusal = (result: ActionState | "redirect", what: string) => {
        expect(result === "redirect" || result.status === "success", `${what}: accepted`).toBe(false);
        const state = result as Extract<ActionState, { status: "error" }>;
        const messages = [state.formError ?? "", ...Object.values(state.fieldErrors).flat()].filter(Boolean);
        expect(messages.length, `${what}: no message`).toBeGreaterThan(0);
        for (const m of messages) expect(m, `${what}: "${m}" is not a French message`).not.toMatch(ENGLISH);
      };

      const valid = await entry.input!(world, walker);
      if (entry.call) {
        // Not a form's action (the landlord search as the user types): no
        // message to show; every hostile value answers (results or nothing),
        // never an exception, never a write.
        for (const path of leaves(valid)) {
          for (const bad of [...mustRefuse(path.at(-1)!, leafOf(valid, path)), HTML, SQL]) {
            const before = await snapshotCounts();
            current.user = world.users[walker];
            try {
              await entry.call(action as never, withLeaf(valid, path, bad));
            } finally {
              current.user = null;
            }
            expect(await snapshotCounts(), `${key} with ${path.join(".")}: wrote something`).toEqual(before);
          }
        }
        return;
      }
      // 1. Values no field may take: refused in French, nothing written.
      for (const path of leaves(valid)) {
        const leafKey = path.at(-1)!;
        for (const bad of mustRefuse(leafKey, leafOf(valid, path))) {
          const before = await snapshotCounts();
          const result = await call(withLeaf(valid, path, bad));
          const what = `${key} with ${path.join(".")} = ${typeof bad === "string" ? bad.slice(0, 40) : JSON.stringify(bad)}`;
          expectFrenchRefusal(result, what);
          expect(await snapshotCounts(), `${what}: wrote something`).toEqual(before);
        }
      }
      // 2. HTML and SQL in free text: refused in French, or accepted as plain text; never an exception.
      for (const path of leaves(valid)) {
        const leafKey = path.at(-1)!;
        const validValue = leafOf(valid, path);
        if (typeof validValue !== "string" || DATE.test(validValue) || mustRefuse(leafKey, validValue).includes(SQL) || /^\d/.test(validValue)) continue;
        for (const text of [HTML, SQL]) {
          const fresh = await entry.input!(world, walker);
          const before = await snapshotCounts();
          const result = await call(withLeaf(fresh, path, text));
          if (result !== "redirect" && result.status === "error") {
            const messages = [result.formError ?? "", ...Object.values(result.fieldErrors).flat()].filter(Boolean);
            for (const m of messages) expect(m).not.toMatch(ENGLISH);
            expect(await snapshotCounts()).toEqual(before);
          }
        }
      }
      // The tables survived the SQL fragments.
      expect(await snapshotCounts()).toMatchObject({ cases: expect.any(Number) });
    });
  }
});
