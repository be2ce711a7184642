import { describe, expect, it } from "vitest";
import { decideSession, sessionEndsAt, startSession, touchSession, SESSION_POLICY } from "./session-expiry";

const T0 = Date.parse("2026-06-10T07:00:00Z");
const min = 60_000;
const hour = 60 * min;

describe("session expiry", () => {
  it("stays active while there is activity within two hours, until twelve hours after sign-in", () => {
    let times = startSession(T0);
    for (let t = T0; t < T0 + 12 * hour - 90 * min; t += 90 * min) {
      times = touchSession(times, t);
      expect(decideSession(times, t + 89 * min)).toEqual({ status: "active" });
    }
    times = touchSession(times, T0 + 11 * hour);
    expect(decideSession(times, T0 + 12 * hour - 1)).toEqual({ status: "active" });
    expect(decideSession(times, T0 + 12 * hour)).toEqual({ status: "expired", reason: "absolute" });
  });

  it("expires after two hours without activity, at the exact limit", () => {
    const times = touchSession(startSession(T0), T0 + 30 * min);
    expect(decideSession(times, T0 + 30 * min + 2 * hour - 1)).toEqual({ status: "active" });
    expect(decideSession(times, T0 + 30 * min + 2 * hour)).toEqual({ status: "expired", reason: "idle" });
  });

  it("says absolute when both limits are passed", () => {
    expect(decideSession(startSession(T0), T0 + 13 * hour)).toEqual({ status: "expired", reason: "absolute" });
  });

  it("treats a session without times as expired, and a future last-seen as now", () => {
    expect(decideSession(null, T0)).toEqual({ status: "expired", reason: "absolute" });
    expect(decideSession({ signedInAt: T0 }, T0)).toEqual({ status: "expired", reason: "absolute" });
    expect(decideSession({ signedInAt: T0, lastSeenAt: Number.NaN }, T0)).toEqual({ status: "expired", reason: "absolute" });
    const future = { signedInAt: T0, lastSeenAt: T0 + 5 * hour };
    expect(decideSession(future, T0 + hour)).toEqual({ status: "active" });
  });

  it("never moves last-seen backwards, and says when the session will end", () => {
    const times = touchSession(startSession(T0), T0 + hour);
    expect(touchSession(times, T0)).toEqual(times);
    expect(sessionEndsAt(times)).toBe(T0 + 3 * hour);
    expect(sessionEndsAt(touchSession(times, T0 + 11 * hour))).toBe(T0 + SESSION_POLICY.absoluteMs);
  });
});
