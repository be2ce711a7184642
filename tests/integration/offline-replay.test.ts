// Issue 18: the phone's outbox sent back through replayOfflineEvents — each
// entry recorded once (its client id is the idempotency key), with the time
// typed on the phone, and checked against the case as it is now: still valid
// → recorded; closed by a colleague meanwhile → "à revoir" with the reason.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { replayOfflineEvents } from "@/lib/server/services/replay-offline-events";
import type { OutboxItemInput } from "@/lib/validation/offline-outbox";
import { outreachEventSchema } from "@/lib/validation/outreach";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-11-26T18:00:00Z"); // 19:00 in Paris; the entries were typed that morning
const SENT_LATER = new Date("2026-11-26T20:30:00Z");

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  const actor = async (role: Actor["role"], teamId: string): Promise<Actor> => {
    const u = await createUser(db, { role, teamId });
    return { id: u.id, role: u.role, teamIds: [teamId] };
  };
  return { team, worker: await actor("SOCIAL_WORKER", team.id), colleague: await actor("SOCIAL_WORKER", team.id), stranger: await actor("SOCIAL_WORKER", other.id) };
}

let seq = 0;
function entry(worker: Actor, c: { id: string; version: number }, fields: Record<string, string>): OutboxItemInput {
  seq += 1;
  return { clientId: `hors-ligne-${seq.toString().padStart(4, "0")}-${Date.now().toString(36)}`, workerId: worker.id, fields: { caseId: c.id, version: String(c.version), day: "2026-11-26", ...fields } };
}

const events = (caseId: string) => db.outreachEvent.findMany({ where: { caseId }, orderBy: { occurredAt: "asc" }, select: { kind: true, occurredAt: true, visitOutcome: true, noticeLeft: true, clientId: true, createdById: true } });

describe("replayOfflineEvents", () => {
  beforeEach(resetDatabase);

  it("records each entry once, at the time typed on the phone; sending the same outbox again records nothing new", async () => {
    const { team, worker } = await setup();
    const a = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
    const b = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
    const outbox = [
      entry(worker, a, { kind: "VISIT", time: "10:05", outcome: "ABSENT", noticeLeft: "on" }),
      entry(worker, b, { kind: "VISIT", time: "10:40", outcome: "MET", note: "Rencontrée dans l'escalier" }),
    ];

    const first = await replayOfflineEvents(db, worker, outbox, SENT_LATER);
    expect(first.map((r) => r.status)).toEqual(["recorded", "recorded"]);
    expect(await events(a.id)).toEqual([
      { kind: "VISIT", occurredAt: new Date("2026-11-26T09:05:00Z"), visitOutcome: "ABSENT", noticeLeft: true, clientId: outbox[0]!.clientId, createdById: worker.id },
    ]);
    expect((await events(b.id)).map((e) => [e.visitOutcome, e.occurredAt.toISOString()])).toEqual([["MET", "2026-11-26T09:40:00.000Z"]]);

    const auditsBefore = await db.auditLog.count();
    const again = await replayOfflineEvents(db, worker, outbox, SENT_LATER);
    expect(again.map((r) => r.status)).toEqual(["already", "already"]);
    expect(again.map((r) => r.eventId)).toEqual(first.map((r) => r.eventId));
    expect(await db.outreachEvent.count()).toBe(2);
    expect(await db.auditLog.count()).toBe(auditsBefore);
  });

  it("two entries typed offline on one case (both against the same version) are both recorded, in order", async () => {
    const { team, worker } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
    const results = await replayOfflineEvents(
      db,
      worker,
      [entry(worker, c, { kind: "LETTER_TENANT", time: "09:00" }), entry(worker, c, { kind: "VISIT", time: "09:10", outcome: "ABSENT", noticeLeft: "on" })],
      NOW,
    );
    expect(results.map((r) => r.status)).toEqual(["recorded", "recorded"]);
    expect((await events(c.id)).map((e) => e.kind)).toEqual(["LETTER_TENANT", "VISIT"]);
  });

  it("a colleague recorded a contact meanwhile: the visit, still valid, is recorded", async () => {
    const { team, worker, colleague } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
    await recordOutreachEvent(db, colleague, outreachEventSchema.parse({ caseId: c.id, version: String(c.version), kind: "LETTER_TENANT", day: "2026-11-26", time: "08:00" }), NOW);
    const [r] = await replayOfflineEvents(db, worker, [entry(worker, c, { kind: "VISIT", time: "10:05", outcome: "MET" })], NOW);
    expect(r!.status).toBe("recorded");
    expect((await events(c.id)).map((e) => e.kind)).toEqual(["LETTER_TENANT", "VISIT"]);
  });

  it("a case closed by a colleague meanwhile: the visit comes back 'à revoir' with the reason, and nothing is written", async () => {
    const { team, worker, colleague } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
    const other = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
    await recordOutreachEvent(db, colleague, outreachEventSchema.parse({ caseId: c.id, version: String(c.version), kind: "CLOSURE", reason: "ALREADY_FOLLOWED", day: "2026-11-26", time: "08:00" }), NOW);
    const results = await replayOfflineEvents(
      db,
      worker,
      [entry(worker, c, { kind: "VISIT", time: "10:05", outcome: "MET" }), entry(worker, other, { kind: "VISIT", time: "10:30", outcome: "MET" })],
      NOW,
    );
    expect(results[0]!.status).toBe("review");
    expect(results[0]!.reason).toMatch(/^Le dossier a changé depuis votre saisie hors ligne : /);
    // The entry that is still valid is recorded all the same.
    expect(results[1]!.status).toBe("recorded");
    expect((await events(c.id)).map((e) => e.kind)).toEqual(["CLOSURE"]);
  });

  it("refuses another account's entry, another team's case and a step that cannot be recorded offline, without writing", async () => {
    const { team, worker, colleague, stranger } = await setup();
    const c = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 9, 1), now: NOW });
    const results = await replayOfflineEvents(
      db,
      worker,
      [entry(colleague, c, { kind: "VISIT", time: "10:05", outcome: "MET" }), entry(worker, c, { kind: "CLOSURE", time: "10:05", reason: "LEFT_DWELLING" } as Record<string, string>), entry(worker, c, { kind: "VISIT", time: "25:00", outcome: "MET" })],
      NOW,
    );
    expect(results.map((r) => r.status)).toEqual(["review", "review", "review"]);
    expect(results[0]!.reason).toContain("autre compte");
    expect(results[1]!.reason).toContain("hors ligne");
    expect(results[2]!.reason).toContain("HH:MM");
    const [s] = await replayOfflineEvents(db, stranger, [entry(stranger, c, { kind: "VISIT", time: "10:05", outcome: "MET" })], NOW);
    expect(s).toMatchObject({ status: "review", reason: expect.stringContaining("introuvable") });
    expect(await db.outreachEvent.count()).toBe(0);
  });
});
