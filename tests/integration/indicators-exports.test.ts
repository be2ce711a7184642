import ExcelJS from "exceljs";
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { casesCsv, casesXlsx, indicatorsCsv, indicatorsXlsx, type ExportMeta } from "@/app/(app)/indicateurs/export/indicator-files";
import { indicatorsPdf } from "@/app/(app)/indicateurs/export/indicators-pdf";
import type { Indicators } from "@/lib/domain/indicators/definitions";
import type { IndicatorFilter } from "@/lib/domain/indicators/filter";
import { indicatorReport } from "@/lib/domain/indicators/report";
import type { Actor } from "@/lib/domain/roles";
import type { ClosureReason } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { computeIndicators, listIndicatorCases, type IndicatorCaseRow } from "@/lib/server/queries/indicators";
import { addDays, calendarDate } from "../factories/calendar";
import { insertCasePlans, planCaseAtState } from "../factories/case-at-state";
import { createRng } from "../factories/random";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";

/**
 * The downloads read back: the XLSX with exceljs, the CSV with papaparse, the
 * PDF with unpdf. Acceptance (issue 6): the same numbers as computeIndicators,
 * and no personal data in the case list.
 */

const NOW = new Date("2026-06-30T10:00:00Z");
const META: ExportMeta = { scopeText: "du 01/01/2025 au 30/06/2026 — Équipe mobile Essonne", generatedAt: NOW };
const FILTER: IndicatorFilter = { from: calendarDate(2025, 1, 1), to: calendarDate(2026, 6, 30), teamId: null, sectorId: null, landlordKind: null };
const REASONS: ClosureReason[] = ["NO_CONTACT", "NOT_AT_ADDRESS", "DECLINED_TO_CONTINUE", "REFERRED_TO_MDS", "LEFT_DWELLING"];

let indicators: Indicators;
let rows: IndicatorCaseRow[];
let secrets: string[];

async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Rows from the header row (5) on, as objects keyed by the header's titles. */
function sheetRows(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (sheet.getRow(5).values as unknown[]).slice(1).map(String);
  const out: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, n) => {
    if (n <= 5) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

describe("indicator exports", () => {
  beforeAll(async () => {
    const team = await createTeam(db, { name: "Équipe mobile Essonne", sectors: ["Nord", "Sud"] });
    const rng = createRng(42);
    const plans = Array.from({ length: 40 }, (_, i) => {
      const closed = i % 3 === 0;
      return planCaseAtState({
        teamId: team.id,
        state: closed ? "CLOSED" : (["FIRST_LETTER_SENT", "REMINDER_SENT", "SUPPORTED", "VISIT_1_FAILED"] as const)[i % 4]!,
        closureReason: closed ? REASONS[i % REASONS.length] : undefined,
        openedOn: addDays(calendarDate(2025, 1, 6), i * 9),
        now: NOW,
        stage: i % 2 ? "HEARING" : "ASSIGNATION",
        sectorId: team.sectors[i % 2]!.id,
        landlordKind: i % 4 ? "PRIVATE_PERSON" : "AGENCY",
        landlordContact: i % 5 === 1,
        rng: rng.fork(),
      });
    });
    await insertCasePlans(db, plans);
    const u = await createUser(db, { role: "COORDINATOR", teamId: team.id });
    const coordinator: Actor = { id: u.id, role: "COORDINATOR", teamIds: [team.id] };
    [indicators, rows] = await Promise.all([computeIndicators(db, coordinator, FILTER), listIndicatorCases(db, coordinator, FILTER)]);
    // What must never leave in a case list: names, addresses, phones, landlords' names.
    const occupants = await db.occupant.findMany({ select: { lastName: true } });
    const households = await db.household.findMany({ select: { addressLine: true, phone: true } });
    const landlords = await db.landlord.findMany({ select: { name: true } });
    secrets = [
      ...occupants.map((o) => o.lastName),
      ...households.flatMap((h) => [h.addressLine, h.phone ?? ""]),
      ...landlords.map((l) => l.name),
    ].filter((s) => s.length > 3);
  });

  it("writes the indicators XLSX with the same numbers, read back with exceljs", async () => {
    expect(indicators.cases.total).toBe(40);
    const wb = await loadXlsx(await indicatorsXlsx(indicators, META));
    const sheet = wb.getWorksheet("Indicateurs")!;
    expect(sheet.getCell("A2").value).toBe(`Situations ${META.scopeText}`);
    const byCode = new Map(sheetRows(sheet).map((r) => [r.Code as string, r]));
    const expected = indicatorReport(indicators).flatMap((s) => s.rows);
    expect([...byCode.keys()]).toEqual(expected.map((r) => r.key));
    for (const r of expected) {
      const got = byCode.get(r.key)!;
      expect(got.Nombre, r.key).toBe(r.count === null ? r.text : r.count);
      expect(got["Part (%)"], r.key).toBe(r.percent ?? null);
    }
    expect(byCode.get("cases.total")!.Nombre).toBe(indicators.cases.total);
    expect(byCode.get("cases.closed")!.Nombre).toBe(indicators.cases.closed);
    expect(byCode.get("closure.NO_CONTACT")!.Nombre).toBe(indicators.closureReasons.NO_CONTACT);
    expect(byCode.get("stage.REMINDER")!.Nombre).toBe(indicators.inProgressByStage.REMINDER);
    expect(byCode.get("stage.REMINDER")!["Part (%)"]).toBe(Math.round((indicators.inProgressByStage.REMINDER * 1000) / indicators.cases.inProgress) / 10);

    const months = sheetRows(wb.getWorksheet("Par mois")!);
    expect(months.map((m) => m.Code)).toEqual(indicators.monthly.map((m) => m.month));
    expect(months.reduce((n, m) => n + (m["Nouveaux dossiers"] as number), 0)).toBe(indicators.cases.opened);
    expect(months.reduce((n, m) => n + (m["Clôtures"] as number), 0)).toBe(indicators.cases.closed);
  });

  it("writes the indicators CSV (semicolons, French decimals) with the same numbers", () => {
    const csv = indicatorsCsv(indicators);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, delimiter: ";" });
    const byCode = new Map(parsed.data.map((r) => [r.Code, r]));
    expect(byCode.get("cases.total")!.Nombre).toBe(String(indicators.cases.total));
    const closedShare = indicatorReport(indicators).find((s) => s.id === "cases")!.rows.find((r) => r.key === "cases.closed")!.percent!;
    expect(byCode.get("cases.closed")!["Part (%)"]).toBe(closedShare.toFixed(1).replace(".", ","));
    expect(byCode.get(`monthly.${indicators.monthly[0]!.month}.opened`)!.Nombre).toBe(String(indicators.monthly[0]!.opened));
  });

  it("writes the case list (XLSX and CSV) without personal data, one row per case of the period", async () => {
    const wb = await loadXlsx(await casesXlsx(rows, META));
    const list = sheetRows(wb.getWorksheet("Dossiers")!);
    expect(list).toHaveLength(indicators.cases.total);
    expect(list.filter((r) => r["Accompagné"] === "Oui")).toHaveLength(indicators.supported.total);
    expect(list.filter((r) => r["Motif de clôture"] === "Aucun contact établi")).toHaveLength(indicators.closureReasons.NO_CONTACT);
    expect(list[0]!["Ouvert le"]).toBeInstanceOf(Date);
    expect((list[0]!["Ouvert le"] as Date).toISOString().slice(0, 10)).toBe(rows[0]!.openedOn.toISOString().slice(0, 10));

    const csv = casesCsv(rows);
    expect(Papa.parse(csv.slice(1), { header: true, delimiter: ";", skipEmptyLines: true }).data).toHaveLength(rows.length);
    const xlsxText = JSON.stringify(list);
    expect(secrets.length).toBeGreaterThan(40);
    for (const secret of secrets) {
      expect(csv.includes(secret), secret).toBe(false);
      expect(xlsxText.includes(secret), secret).toBe(false);
    }
  });

  it("prints a PDF report with the key figures, the tables and the charts' numbers (read with unpdf)", async () => {
    const bytes = await indicatorsPdf(indicators, META);
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Indicateurs d'évaluation");
    expect(flat).toContain(`Situations ${META.scopeText}`.replace(/\s+/g, " "));
    expect(flat).toMatch(new RegExp(`Situations \\(dossiers\\) ${indicators.cases.total}\\b`));
    expect(flat).toMatch(new RegExp(`Aucun contact établi ${indicators.closureReasons.NO_CONTACT}\\b`));
    expect(flat).toContain("Dossiers en cours par étape");
    expect(flat).toContain("Nouveaux dossiers et clôtures par mois");
    expect(pdf.numPages).toBeGreaterThanOrEqual(2);
  });
});
