import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { indicatorsXlsx } from "@/app/(app)/indicateurs/export/indicator-files";
import { computeIndicatorsFromCases, type IndicatorCase } from "@/lib/domain/indicators/definitions";
import type { IndicatorFilter } from "@/lib/domain/indicators/filter";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { computeIndicators, indicatorScope } from "@/lib/server/queries/indicators";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { ESSONNE_DEFAULT_NOW, ESSONNE_FIGURES, essonnePeriod, seedEssonne } from "@/prisma/scenarios/essonne";
import { parisDayOf } from "@/tests/factories/calendar";

/**
 * Acceptance (issue 6): with the Essonne 18-month scenario seeded, the
 * dashboard's SQL gives the report's figures for its 18 months, the same as
 * the reference definition, and the XLSX export carries the same numbers.
 */

let coordinator: Actor;
const period = essonnePeriod(ESSONNE_DEFAULT_NOW);
const filter: IndicatorFilter = { from: period.from, to: period.to, teamId: null, sectorId: null, landlordKind: null };

describe("the Essonne 18-month report on the dashboard", () => {
  beforeAll(async () => {
    const seeded = await seedEssonne(db, { password: DEMO_PASSWORD });
    const user = await db.user.findUniqueOrThrow({ where: { email: "bilan.essonne@demo.maintien.fr" }, select: { id: true } });
    coordinator = { id: user.id, role: "COORDINATOR", teamIds: [seeded.teamId] };
  }, 180_000);

  it("shows the report's figures for the 18 months, and the same since the first case up to today", async () => {
    const r = await computeIndicators(db, coordinator, filter);
    expect(r.cases).toMatchObject({ total: 425, inProgress: 133, closed: 292 });
    expect(r.inProgressByStage).toEqual({ FIRST_LETTER: 29, VISITS: 0, REMINDER: 73, SUPPORTED: 31 });
    expect(r.supported).toEqual({ total: 108, inProgress: 31, closed: 77 });
    expect(r.closureReasons).toEqual(ESSONNE_FIGURES.closureReasons);
    expect(r.closureCategories).toEqual({ TOOK_CONTACT: 77, LEFT_OR_NPAI: 64, NO_CONTACT: 153 });
    expect(r.jointVisits).toEqual({ inProgress: ESSONNE_FIGURES.inProgressJointVisits, closed: ESSONNE_FIGURES.closedJointVisits });
    expect([r.hearings.householdPresent, r.hearings.withJurist]).toEqual([ESSONNE_FIGURES.presentAtHearing, ESSONNE_FIGURES.presentWithJurist]);
    expect(r.landlords.answered).toBe(ESSONNE_FIGURES.landlordsWhoAnswered);

    // "Up to today" (months later, nothing happened since): the current columns give the same figures.
    const today = await computeIndicators(db, coordinator, { ...filter, from: null, to: parisDayOf(new Date()) });
    expect(today.cases).toEqual(r.cases);
    expect(today.closureReasons).toEqual(r.closureReasons);
    expect(today.inProgressByStage).toEqual(r.inProgressByStage);
  });

  it("gives the reference definition's numbers on the scenario", async () => {
    const rows = await db.case.findMany({
      select: {
        id: true, teamId: true, sectorId: true, openedOn: true, eligible: true, supported: true, firstContactOn: true,
        lease: { select: { landlordId: true, landlord: { select: { kind: true } } } },
        outreachEvents: { select: { id: true, kind: true, occurredAt: true, createdAt: true, toState: true, closureReason: true, jointVisit: true } },
        procedureEvents: { select: { stage: true, date: true, householdPresent: true, juristPresent: true } },
        diagnostics: { select: { kind: true, doneOn: true, jointVisit: true } },
        supportPeriods: { select: { weeks: { select: { weekOf: true } } } },
      },
    });
    const cases: IndicatorCase[] = rows.map(({ lease, supportPeriods, ...c }) => ({
      ...c,
      landlordId: lease?.landlordId ?? null,
      landlordKind: lease?.landlord.kind ?? null,
      supportWeeks: supportPeriods.flatMap((p) => p.weeks.map((w) => w.weekOf)),
    }));
    expect(await computeIndicators(db, coordinator, filter)).toEqual(computeIndicatorsFromCases(cases, indicatorScope(coordinator, filter)));
  });

  it("exports the same numbers in the XLSX", async () => {
    const r = await computeIndicators(db, coordinator, filter);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await indicatorsXlsx(r, { scopeText: "bilan", generatedAt: new Date() })) as unknown as ArrayBuffer);
    const numbers = new Map<string, unknown>();
    wb.getWorksheet("Indicateurs")!.eachRow((row, n) => {
      if (n > 5) numbers.set(String(row.getCell(6).value), row.getCell(3).value);
    });
    expect(numbers.get("cases.total")).toBe(425);
    expect(numbers.get("cases.inProgress")).toBe(133);
    expect(numbers.get("cases.closed")).toBe(292);
    expect(numbers.get("supported.total")).toBe(108);
    expect([numbers.get("stage.FIRST_LETTER"), numbers.get("stage.REMINDER"), numbers.get("stage.SUPPORTED")]).toEqual([29, 73, 31]);
    const reasons = ["ALREADY_FOLLOWED", "SUPPORT_COMPLETED", "REFERRED_TO_MDS", "DEBT_PAID_OFF", "DECLINED_TO_CONTINUE", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"];
    expect(reasons.map((k) => numbers.get(`closure.${k}`))).toEqual([1, 1, 8, 10, 55, 15, 49, 153]);
  });
});
