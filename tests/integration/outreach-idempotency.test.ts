// Issue 16 §3: a second identical submission (a double tap on "Enregistrer la
// visite", later an offline outbox replay) carries the same client-made
// idempotency key and is recorded once.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { outreachEventSchema, type OutreachEventInput } from "@/lib/validation/outreach";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T18:00:00Z");

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const worker = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  const colleague = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  const actor = (u: { id: string; role: Actor["role"] }): Actor => ({ id: u.id, role: u.role, teamIds: [team.id] });
  const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
  return { worker: actor(worker), colleague: actor(colleague), c };
}

function visit(caseId: string, version: number, clientId: string | undefined): OutreachEventInput {
  return outreachEventSchema.parse({ kind: "VISIT", caseId, version: String(version), day: "2026-11-20", time: "19:05", outcome: "ABSENT", noticeLeft: "on", clientId });
}

async function counts(caseId: string) {
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true, state: true, _count: { select: { outreachEvents: true } } } });
  const audits = await db.auditLog.count({ where: { caseId, action: "outreach.visit" } });
  return { version: c.version, state: c.state, events: c._count.outreachEvents, audits };
}

describe("outreach idempotency key", () => {
  beforeEach(resetDatabase);

  it("records a replayed submission once and answers with the same event", async () => {
    const { worker, c } = await setup();
    const key = "k-2d7f0c1e-4b1a-4c55-9f0e-2f9a7c1d0b11";
    const first = await recordOutreachEvent(db, worker, visit(c.id, c.version, key), NOW);
    expect(first.duplicate).toBe(false);
    // The second tap was sent with the version the page showed before the first one saved.
    const second = await recordOutreachEvent(db, worker, visit(c.id, c.version, key), NOW);
    expect(second).toMatchObject({ eventId: first.eventId, duplicate: true, version: first.version });
    expect(await counts(c.id)).toEqual({ version: c.version + 1, state: first.state, events: 1, audits: 1 });
    const row = await db.outreachEvent.findUniqueOrThrow({ where: { id: first.eventId }, select: { clientId: true } });
    expect(row.clientId).toBe(key);
  });

  it("records one event when both taps arrive at once", async () => {
    const { worker, c } = await setup();
    const key = "k-simultaneous-000000000001";
    const results = await Promise.all([
      recordOutreachEvent(db, worker, visit(c.id, c.version, key), NOW),
      recordOutreachEvent(db, worker, visit(c.id, c.version, key), NOW),
    ]);
    expect(new Set(results.map((r) => r.eventId)).size).toBe(1);
    expect(results.filter((r) => r.duplicate)).toHaveLength(1);
    expect((await counts(c.id)).events).toBe(1);
  });

  it("without a key, or with a new key, a stale second submission is still a conflict", async () => {
    const { worker, c } = await setup();
    await recordOutreachEvent(db, worker, visit(c.id, c.version, undefined), NOW);
    await expect(recordOutreachEvent(db, worker, visit(c.id, c.version, undefined), NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(recordOutreachEvent(db, worker, visit(c.id, c.version, "k-another-key-0000001"), NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await counts(c.id)).events).toBe(1);
  });

  it("someone else's key is refused and replays nothing", async () => {
    const { worker, colleague, c } = await setup();
    const key = "k-colleague-key-00000001";
    const first = await recordOutreachEvent(db, worker, visit(c.id, c.version, key), NOW);
    await expect(recordOutreachEvent(db, colleague, visit(c.id, first.version, key), NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await counts(c.id)).events).toBe(1);
  });

  it("a malformed key is a field error", () => {
    const parsed = outreachEventSchema.safeParse({ kind: "VISIT", caseId: "x", version: "0", day: "2026-11-20", time: "19:05", outcome: "ABSENT", clientId: "<script>" });
    expect(parsed.success).toBe(false);
  });
});
