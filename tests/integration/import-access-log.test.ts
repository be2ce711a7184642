// Issue 14 §8: opening an import's result page (it names the households the
// list created) is recorded in the access log, one row per case.
import { describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/server/session", () => ({
  getCurrentUser: async () => current.user,
  getSessionState: async () => ({ user: current.user }),
  requireUser: async () => current.user,
}));

import { ROLES } from "@/lib/domain/roles";
import { encodeWindows1252, sampleRow, SAMPLE_HEADERS, toCells, toCsvText } from "@/lib/domain/import/sample-list";
import { db } from "@/lib/server/db";
import { importList } from "@/lib/server/import/run-import";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";

describe("import result page and the access log", () => {
  it("records a read of every case the page lists, for the person who opened it", async () => {
    const team = await createTeam(db, { name: "Équipe journal import" });
    const importer = await createUser(db, { role: "COORDINATOR", teamId: team.id });
    const reader = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
    const actor = (u: typeof importer) => ({ id: u.id, role: u.role, teamIds: [team.id], teams: [{ id: team.id, name: team.name }], name: u.name, email: u.email });
    const today = new Date(Date.UTC(2026, 5, 30));
    const bytes = encodeWindows1252(toCsvText([[...SAMPLE_HEADERS], toCells(sampleRow(1, today)), toCells(sampleRow(2, today))]));
    const { batchId } = await importList(db, actor(importer), { teamId: team.id, fileName: "liste.csv", bytes }, new Date("2026-06-30T10:00:00Z"));
    const created = await db.case.findMany({ where: { importBatchId: batchId }, select: { id: true } });
    expect(created).toHaveLength(2);

    current.user = actor(reader);
    const { default: ImportResultPage } = await import("@/app/(app)/import/[id]/page");
    await ImportResultPage({ params: Promise.resolve({ id: batchId }) });
    const rows = await db.accessLog.findMany({ where: { userId: reader.id }, select: { caseId: true } });
    expect(rows.map((r) => r.caseId).sort()).toEqual(created.map((c) => c.id).sort());
  });

  it("the import page and a result page agree on who may open them, role by role", async () => {
    const team = await createTeam(db, { name: "Équipe accès import" });
    const importer = await createUser(db, { role: "COORDINATOR", teamId: team.id });
    const actorOf = (u: Awaited<ReturnType<typeof createUser>>) => ({ id: u.id, role: u.role, teamIds: [team.id], teams: [{ id: team.id, name: team.name }], name: u.name, email: u.email });
    const today = new Date(Date.UTC(2026, 5, 30));
    const bytes = encodeWindows1252(toCsvText([[...SAMPLE_HEADERS], toCells(sampleRow(1, today))]));
    const { batchId } = await importList(db, actorOf(importer), { teamId: team.id, fileName: "liste.csv", bytes }, new Date("2026-06-30T10:00:00Z"));
    const { default: ImportPage } = await import("@/app/(app)/import/page");
    const { default: ImportResultPage } = await import("@/app/(app)/import/[id]/page");
    /** "open" when the page renders, "not found" when it calls notFound(); anything else is a bug. */
    const outcome = async (render: () => Promise<unknown>) => {
      try {
        await render();
        return "open";
      } catch (error) {
        if (String((error as { digest?: string }).digest ?? "").includes("404")) return "not found";
        throw error;
      }
    };
    const seen: Record<string, [string, string]> = {};
    for (const role of ROLES) {
      current.user = actorOf(await createUser(db, { role, teamId: team.id }));
      seen[role] = [
        await outcome(() => ImportPage({ searchParams: Promise.resolve({}) })),
        await outcome(() => ImportResultPage({ params: Promise.resolve({ id: batchId }) })),
      ];
    }
    // Same answer on both pages for every role…
    for (const role of ROLES) expect(seen[role]![0], role).toBe(seen[role]![1]);
    // …and that answer is the permission table's (import.run): the case roles in, the admin and the funder out.
    expect(Object.fromEntries(ROLES.map((r) => [r, seen[r]![0]]))).toEqual({
      SOCIAL_WORKER: "open",
      JURIST: "open",
      COORDINATOR: "open",
      ADMIN: "not found",
      FUNDER_VIEWER: "not found",
    });
  });
});
