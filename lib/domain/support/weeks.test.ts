import { describe, expect, it } from "vitest";
import { capReachedMessage, checkEndPeriod, checkNewWeek, checkStartPeriod, mondayOf, suggestedWeek, weeksUsage, MAX_SUPPORT_WEEKS_PER_HOUSEHOLD } from "./weeks";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = d("2026-11-26"); // a Thursday
/** `n` consecutive Mondays from `first`. */
const mondays = (first: string, n: number) => Array.from({ length: n }, (_, i) => new Date(d(first).getTime() + i * 7 * 86_400_000));

describe("weeks named by their Monday", () => {
  it("maps every day of a week to its Monday", () => {
    expect(mondayOf(d("2026-11-23"))).toEqual(d("2026-11-23"));
    expect(mondayOf(d("2026-11-26"))).toEqual(d("2026-11-23"));
    expect(mondayOf(d("2026-11-29"))).toEqual(d("2026-11-23")); // Sunday
    expect(mondayOf(d("2026-03-01"))).toEqual(d("2026-02-23")); // across a month
  });
});

describe("the 8-week cap, per household", () => {
  it("is 8 weeks", () => expect(MAX_SUPPORT_WEEKS_PER_HOUSEHOLD).toBe(8));

  it("counts distinct weeks across all the household's periods and cases", () => {
    // 5 weeks in a first period (first case), 3 in a second (another case): 8 used, none left.
    const weeks = [...mondays("2026-03-02", 5), ...mondays("2026-09-07", 3)];
    expect(weeksUsage(weeks)).toEqual({ used: 8, left: 0, max: 8 });
    expect(weeksUsage([d("2026-03-02"), d("2026-03-04")])).toEqual({ used: 1, left: 7, max: 8 });
  });

  it("accepts the 8th week and refuses the 9th with a clear message", () => {
    const period = { startedOn: d("2026-09-01"), endedOn: null };
    const seven = mondays("2026-09-07", 7);
    expect(checkNewWeek({ weekOf: d("2026-10-26"), period, householdWeeks: seven, today: TODAY })).toEqual({ ok: true });
    const eight = mondays("2026-09-07", 8);
    const ninth = checkNewWeek({ weekOf: d("2026-11-02"), period, householdWeeks: eight, today: TODAY });
    expect(ninth).toEqual({
      ok: false,
      field: "weekOf",
      message: "Le ménage a déjà bénéficié de 8 semaines d'accompagnement, le maximum par ménage : une 9e semaine ne peut pas être enregistrée.",
    });
  });

  it("refuses the 9th week even when the first 8 were in an earlier period of another case", () => {
    const earlier = mondays("2025-10-06", 8);
    const r = checkNewWeek({ weekOf: d("2026-11-16"), period: { startedOn: d("2026-11-10"), endedOn: null }, householdWeeks: earlier, today: TODAY });
    expect(r).toMatchObject({ ok: false, message: capReachedMessage(8) });
  });

  it("refuses a week already recorded for the household, a future week, a week before the start or after the end", () => {
    const period = { startedOn: d("2026-11-04"), endedOn: null };
    expect(checkNewWeek({ weekOf: d("2026-11-05"), period, householdWeeks: [d("2026-11-02")], today: TODAY })).toMatchObject({ ok: false, message: "La semaine du 02/11/2026 est déjà enregistrée pour ce ménage." });
    expect(checkNewWeek({ weekOf: d("2026-11-30"), period, householdWeeks: [], today: TODAY })).toMatchObject({ ok: false, message: /à venir/ });
    // The current week may be recorded (Thursday: the week has started).
    expect(checkNewWeek({ weekOf: d("2026-11-23"), period, householdWeeks: [], today: TODAY })).toEqual({ ok: true });
    // The week of the start counts, even when the period starts mid-week.
    expect(checkNewWeek({ weekOf: d("2026-11-02"), period, householdWeeks: [], today: TODAY })).toEqual({ ok: true });
    expect(checkNewWeek({ weekOf: d("2026-10-26"), period, householdWeeks: [], today: TODAY })).toMatchObject({ ok: false, message: /précède le début/ });
    expect(checkNewWeek({ weekOf: d("2026-11-16"), period: { startedOn: d("2026-11-04"), endedOn: d("2026-11-13") }, householdWeeks: [], today: TODAY })).toMatchObject({
      ok: false,
      message: /suit la fin/,
    });
  });

  it("a custom maximum (a funder's) gives its own ordinal", () => {
    expect(capReachedMessage(4)).toMatch(/4 semaines.*une 5e semaine/);
  });
});

describe("starting and ending a support period", () => {
  const base = { today: TODAY, firstContactOn: d("2026-11-02"), householdPeriods: [], householdWeeks: [] };

  it("starts on or after the first contact, not in the future", () => {
    expect(checkStartPeriod({ ...base, startedOn: d("2026-11-02") })).toEqual({ ok: true });
    expect(checkStartPeriod({ ...base, startedOn: d("2026-11-01") })).toMatchObject({ ok: false, field: "startedOn", message: /avant le premier contact du ménage \(le 02\/11\/2026\)/ });
    expect(checkStartPeriod({ ...base, startedOn: d("2026-11-27") })).toMatchObject({ ok: false, message: /à venir/ });
  });

  it("one period at a time per household, no overlap with an ended one, and none once the 8 weeks are used", () => {
    expect(checkStartPeriod({ ...base, startedOn: d("2026-11-20"), householdPeriods: [{ startedOn: d("2026-11-03"), endedOn: null }] })).toMatchObject({ ok: false, message: /déjà en cours/ });
    expect(checkStartPeriod({ ...base, startedOn: d("2026-11-10"), householdPeriods: [{ startedOn: d("2026-11-03"), endedOn: d("2026-11-10") }] })).toMatchObject({ ok: false, message: /terminé le 10\/11\/2026/ });
    expect(checkStartPeriod({ ...base, startedOn: d("2026-11-11"), householdPeriods: [{ startedOn: d("2026-11-03"), endedOn: d("2026-11-10") }] })).toEqual({ ok: true });
    expect(checkStartPeriod({ ...base, startedOn: d("2026-11-20"), householdWeeks: mondays("2026-01-05", 8) })).toMatchObject({ ok: false, message: capReachedMessage(8) });
  });

  it("ends once, within the period, not before a recorded week", () => {
    const period = { startedOn: d("2026-11-02"), endedOn: null };
    const weeks = [d("2026-11-02"), d("2026-11-16")];
    expect(checkEndPeriod({ endedOn: d("2026-11-20"), period, periodWeeks: weeks, today: TODAY })).toEqual({ ok: true });
    expect(checkEndPeriod({ endedOn: d("2026-11-16"), period, periodWeeks: weeks, today: TODAY })).toEqual({ ok: true });
    expect(checkEndPeriod({ endedOn: d("2026-11-13"), period, periodWeeks: weeks, today: TODAY })).toMatchObject({ ok: false, message: /jusqu'au 16\/11\/2026/ });
    expect(checkEndPeriod({ endedOn: d("2026-10-30"), period, periodWeeks: [], today: TODAY })).toMatchObject({ ok: false, message: /précéder le début/ });
    expect(checkEndPeriod({ endedOn: d("2026-11-27"), period, periodWeeks: [], today: TODAY })).toMatchObject({ ok: false, message: /à venir/ });
    expect(checkEndPeriod({ endedOn: d("2026-11-20"), period: { ...period, endedOn: d("2026-11-19") }, periodWeeks: [], today: TODAY })).toMatchObject({ ok: false, message: /déjà terminé/ });
  });

  it("suggests the next week to record, never a future one", () => {
    const period = { startedOn: d("2026-11-04"), endedOn: null };
    expect(suggestedWeek(period, [], TODAY)).toEqual(d("2026-11-02"));
    expect(suggestedWeek(period, [d("2026-11-02"), d("2026-11-09")], TODAY)).toEqual(d("2026-11-16"));
    expect(suggestedWeek(period, [d("2026-11-23")], TODAY)).toBeNull();
  });
});
