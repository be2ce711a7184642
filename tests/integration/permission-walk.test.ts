// The permission walk (issue 8 §2): every server action, route handler and
// page, listed from the code, called by every role of team A and by users of
// team B guessing team A's ids. Each call is allowed or refused exactly as
// lib/domain/permission-table.ts says; a refusal writes nothing and, for
// someone who may not read the case, says no more than "not found" (the same
// answer as for an id that does not exist).
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
  handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
  SignInRefused: class extends Error {},
  LOCKOUT_MINUTES: 15,
  MAX_FAILED_LOGINS: 5,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "x-nonce": "walk" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

import { NextRequest } from "next/server";
import { can, type PermissionAction } from "@/lib/domain/permission-table";
import type { ActionState } from "@/lib/validation/action-state";
import { toFormData } from "./permission-walk/form-data";
import { ACTIONS, PAGES, ROUTES } from "./permission-walk/manifest";
import { listPages, listRouteHandlers, listServerActions } from "./permission-walk/surface";
import { asActor, buildWorld, snapshotCounts, WALKERS, type Walker, type World } from "./permission-walk/world";

type FormAction = (prev: ActionState, form: FormData) => Promise<ActionState>;


/** Next's notFound() and redirect() throw errors carrying a digest. */
function digestOf(error: unknown): string {
  return typeof error === "object" && error && "digest" in error ? String((error as { digest: unknown }).digest) : "";
}
const isNotFound = (e: unknown) => digestOf(e).startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
const isRedirect = (e: unknown) => digestOf(e).startsWith("NEXT_REDIRECT");

async function importModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ `@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, unknown>;
}

let world: World;

/** Whether the table lets this walker do it on team A's target (or on their own team's). */
function expected(walker: Walker, permission: PermissionAction, target: "team" | "own" | undefined): boolean {
  const user = world.users[walker];
  const teamId = target === "own" ? user.teamIds[0] : world.teamA.id;
  return can(asActor(user), permission, teamId);
}

function mayReadCase(walker: Walker): boolean {
  return can(asActor(world.users[walker]), "case.read", world.teamA.id);
}

describe("permission walk", () => {
  beforeAll(async () => {
    world = await buildWorld();
  }, 120_000);

  it("the manifest lists exactly the server actions, route handlers and pages found in app/", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(listServerActions());
    expect(Object.keys(ROUTES).sort()).toEqual(listRouteHandlers());
    expect(Object.keys(PAGES).sort()).toEqual(listPages());
  });

  for (const [key, entry] of Object.entries(ACTIONS)) {
    if (entry.permission === "public" || entry.permission === "self") continue;
    const permission = entry.permission;
    it(`server action ${key}`, { timeout: 120_000 }, async () => {
      const [file, name] = key.split("#") as [string, string];
      const action = (await importModule(file))[name] as FormAction;
      expect(typeof action).toBe("function");
      const outcomes: string[] = [];
      let sawSuccess = false;
      for (const walker of WALKERS) {
        const allowed = expected(walker, permission, entry.target);
        const fields = await entry.input!(world, walker);
        const before = await snapshotCounts();
        current.user = world.users[walker];
        let result: ActionState | "redirect";
        try {
          result = entry.call ? ((await entry.call(action as never, fields)) as ActionState) : await action({ status: "idle" }, toFormData(fields));
        } catch (error) {
          if (!isRedirect(error)) throw error;
          result = "redirect";
        } finally {
          current.user = null;
        }
        const ok = result === "redirect" || result.status === "success";
        const code = result !== "redirect" && result.status === "error" ? result.code : undefined;
        const line = `${walker}: ${ok ? "success" : `${code ?? "no code"} ${result !== "redirect" && result.status === "error" ? `${result.formError ?? ""} ${JSON.stringify(result.fieldErrors)}` : ""}`}`;
        outcomes.push(line);
        if (allowed) {
          if (ok) sawSuccess = true;
          else if (entry.allowedMayRefuse) expect(code, line).toMatch(/^(INVALID_STEP|CONFLICT)$/);
          else expect.fail(`${key}: ${walker} is allowed by the table but was refused: ${line}`);
        } else {
          expect(ok, `${key}: ${walker} is refused by the table but succeeded`).toBe(false);
          // Someone who may not read team A's cases learns nothing: "not found". A reader of the case may be told it is their role.
          if (mayReadCase(walker) && walker.startsWith("A:")) expect(code, line).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
          else expect(code, line).toBe("NOT_FOUND");
          expect(await snapshotCounts(), `${key}: ${walker}'s refused call wrote something`).toEqual(before);
        }
      }
      if (!entry.allowedMayRefuse) expect(sawSuccess, `${key}: no walker succeeded, the test input is wrong\n${outcomes.join("\n")}`).toBe(true);
    });
  }

  for (const [key, entry] of Object.entries(PAGES)) {
    if (entry.permission === "public" || entry.permission === "self") continue;
    const permission = entry.permission;
    it(`page ${key}`, { timeout: 120_000 }, async () => {
      const page = (await importModule(key)).default as (props: unknown) => Promise<unknown>;
      for (const walker of WALKERS) {
        const allowed = permission === "signed-in" ? true : expected(walker, permission, entry.target);
        const params = entry.params ? await entry.params(world) : {};
        const searchParams = entry.searchParams ? await entry.searchParams(world, walker) : {};
        current.user = world.users[walker];
        let outcome: "rendered" | "not-found" | "redirect";
        try {
          await page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });
          outcome = "rendered";
        } catch (error) {
          if (isNotFound(error)) outcome = "not-found";
          else if (isRedirect(error)) outcome = "redirect";
          else throw error;
        } finally {
          current.user = null;
        }
        expect(outcome, `${key} for ${walker}`).toBe(allowed ? "rendered" : "not-found");
      }
    });
  }

  for (const [key, probes] of Object.entries(ROUTES)) {
    if (probes.length === 0) continue;
    it(`route ${key}`, { timeout: 120_000 }, async () => {
      const [file, method] = key.split("#") as [string, string];
      const handler = (await importModule(file))[method] as (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
      for (const probe of probes) {
        for (const walker of WALKERS) {
          const allowed = probe.permission === "public" ? true : expected(walker, probe.permission, probe.target);
          const { url, init, params } = await probe.request(world, walker);
          current.user = world.users[walker];
          let res: Response;
          try {
            res = await handler(new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve(params ?? {}) });
          } finally {
            current.user = null;
          }
          const line = `${key} ${url} for ${walker}: ${res.status} ${res.headers.get("location") ?? ""}`;
          if (allowed) expect((probe.allowed ?? ((r) => r.status === 200))(res), line).toBe(true);
          else expect((probe.refused ?? ((r) => r.status === 404))(res), line).toBe(true);
        }
      }
    });
  }

  it("a guessed id that does not exist gets the same answer as another team's case", async () => {
    const action = (await importModule("app/(app)/dossiers/[id]/procedure-actions.ts")).recordProcedureEventAction as FormAction;
    const run = async (walker: Walker, caseId: string) => {
      current.user = world.users[walker];
      try {
        return await action({ status: "idle" }, toFormData({ caseId, version: "0", stage: "COMMANDEMENT_DE_PAYER", date: world.iso(-3) }));
      } finally {
        current.user = null;
      }
    };
    const teamACase = await world.newCase();
    const other = await run("B:COORDINATOR", teamACase.id);
    const missing = await run("A:COORDINATOR", "cmissingcase0000000000000");
    expect(other).toMatchObject({ status: "error", code: "NOT_FOUND" });
    expect(missing).toMatchObject({ status: "error", code: "NOT_FOUND" });
    expect((other as { formError?: string }).formError).toBe((missing as { formError?: string }).formError);
  });
});
