import { describe, expect, it } from "vitest";
import { lockedMessage, parisHour, rateLimitedMessage } from "./sign-in-messages";

describe("sign-in messages", () => {
  const now = new Date("2026-06-10T14:50:00Z"); // 16 h 50 in Paris (summer time)
  it("says until when the account is locked, in Paris time", () => {
    expect(lockedMessage(new Date("2026-06-10T15:05:00Z"), now)).toMatch(/^Compte verrouillé jusqu'à 17 h 05 après 5 tentatives/);
    expect(parisHour(new Date("2026-01-10T08:07:00Z"), new Date("2026-01-10T08:00:00Z"))).toBe("9 h 07");
  });
  it("names the day when the end is not today", () => {
    expect(parisHour(new Date("2026-06-10T22:10:00Z"), now)).toBe("11 juin à 0 h 10");
    expect(rateLimitedMessage(new Date("2026-06-10T15:00:00Z"), now)).toMatch(/Réessayez à partir de 17 h 00\.$/);
  });
});
