// The best hand-written SQL for the dashboard's numbers: the yardstick the
// dashboard (lib/server/queries/indicators.ts) is timed against (issue 6.6:
// "within 1.5× of that SQL"). Written from shared/domain/indicators.md and the
// definitions' header (lib/domain/indicators/definitions.ts), not from the
// dashboard's SQL; the bench compares both results number by number.
//
// One statement: the period's caseload is materialised once (each case's
// state as of `to`, from its denormalised columns when it has not changed
// since `to`, else from its last event by then), and every figure is an
// aggregate over it with FILTER clauses, plus grouped joins for the facts
// held in events (landlords, joint visits, hearings, acts).
import type pg from "pg";

import { parisInstant } from "@/lib/utils/dates";

export interface HandScope {
  teamIds: string[];
  from: Date | null;
  to: Date;
  sectorId: string | null;
}

export interface HandResult {
  total: number;
  inProgress: number;
  closed: number;
  byState: Record<string, number>;
  supported: number;
  supportedClosed: number;
  reasons: Record<string, number>;
  landlords: { concerned: number; contacted: number; answered: number };
  joint: { inProgress: number; closed: number };
  hearings: { held: number; present: number; withJurist: number; metBefore: number };
  medianDays: number | null;
  diagnostics: { flash: number; inDepth: number };
  weeks: { weeks: number; cases: number };
  monthly: Array<{ month: string; opened: number; closed: number }>;
}

const STATES = ["IDENTIFIED", "FIRST_LETTER_SENT", "VISIT_1_FAILED", "VISIT_2_FAILED", "REMINDER_SENT", "SUPPORTED", "CLOSED"];
const REASONS = ["ALREADY_FOLLOWED", "SUPPORT_COMPLETED", "REFERRED_TO_MDS", "DEBT_PAID_OFF", "DECLINED_TO_CONTINUE", "LEFT_DWELLING", "NOT_AT_ADDRESS", "NO_CONTACT"];

/** The first instant after the Paris calendar day `to`: events before it happened by `to`. */
function endOfParisDay(to: Date): string {
  const next = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate() + 1));
  return (parisInstant(next, "00:00") as Date).toISOString();
}

export function handSql(scope: HandScope): { text: string; values: unknown[] } {
  const values: unknown[] = [scope.teamIds, scope.to.toISOString().slice(0, 10), scope.from ? scope.from.toISOString().slice(0, 10) : null, endOfParisDay(scope.to)];
  const sector = scope.sectorId ? `AND c."sectorId" = $${values.push(scope.sectorId)}` : "";
  const toEnd = "$4::timestamptz";
  const inPeriod = (col: string) => `(${col} <= $2::date AND ($3::date IS NULL OR ${col} >= $3::date))`;
  const where = `c."teamId" = ANY($1::text[]) AND c."openedOn" <= $2::date ${sector}`;
  // Cases not changed since `to` (updatedAt before its end: no event can be dated later) are
  // read from their columns; only the others look up their last event by then.
  const text = `
WITH base AS MATERIALIZED (
  SELECT c.id, c."openedOn" AS opened, c.eligible, c."firstContactOn" AS fc,
         (c.supported AND c."firstContactOn" <= $2::date) AS sup, l."landlordId" AS lid,
         c.state::text AS st, c."closedOn" AS closed, c."closureReason"::text AS reason
  FROM "Case" c LEFT JOIN "Lease" l ON l.id = c."leaseId"
  WHERE ${where} AND c."updatedAt" < ${toEnd}
  UNION ALL
  SELECT c.id, c."openedOn", c.eligible, c."firstContactOn",
         (c.supported AND c."firstContactOn" <= $2::date), l."landlordId",
         COALESCE(h.st, 'IDENTIFIED'), h.closed, h.reason
  FROM "Case" c LEFT JOIN "Lease" l ON l.id = c."leaseId"
  LEFT JOIN LATERAL (
    SELECT e."toState"::text AS st,
           CASE WHEN e."toState" = 'CLOSED' THEN (e."occurredAt" AT TIME ZONE 'Europe/Paris')::date END AS closed,
           CASE WHEN e."toState" = 'CLOSED' THEN e."closureReason"::text END AS reason
    FROM "OutreachEvent" e
    WHERE e."caseId" = c.id AND e."occurredAt" < ${toEnd}
    ORDER BY e."occurredAt" DESC, e."createdAt" DESC, e.id DESC LIMIT 1
  ) h ON TRUE
  WHERE ${where} AND c."updatedAt" >= ${toEnd}
),
k AS MATERIALIZED (SELECT * FROM base WHERE NOT (st = 'CLOSED' AND $3::date IS NOT NULL AND closed < $3::date))
SELECT
  ${STATES.map((s) => `COUNT(*) FILTER (WHERE st = '${s}') AS "s_${s}"`).join(",\n  ")},
  ${REASONS.map((r) => `COUNT(*) FILTER (WHERE st = 'CLOSED' AND reason = '${r}') AS "r_${r}"`).join(",\n  ")},
  COUNT(*) FILTER (WHERE sup) AS supported,
  COUNT(*) FILTER (WHERE sup AND st = 'CLOSED') AS supported_closed,
  COUNT(DISTINCT lid) AS concerned,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY fc - opened) FILTER (WHERE sup) AS median_days,
  (SELECT row_to_json(x) FROM (
     SELECT COUNT(*) FILTER (WHERE letter) AS contacted, COUNT(*) FILTER (WHERE letter AND answer) AS answered
     FROM (SELECT k.lid, bool_or(e.kind = 'LETTER_LANDLORD') AS letter, bool_or(e.kind = 'LANDLORD_CONTACT') AS answer
           FROM k JOIN "OutreachEvent" e ON e."caseId" = k.id
           WHERE k.lid IS NOT NULL AND e.kind IN ('LETTER_LANDLORD', 'LANDLORD_CONTACT') AND e."occurredAt" < ${toEnd}
           GROUP BY k.lid) f) x) AS landlords,
  (SELECT row_to_json(x) FROM (
     SELECT COUNT(*) FILTER (WHERE st <> 'CLOSED') AS in_progress, COUNT(*) FILTER (WHERE st = 'CLOSED') AS closed
     FROM k WHERE k.id IN (
       SELECT e."caseId" FROM "OutreachEvent" e WHERE e.kind = 'VISIT' AND e."jointVisit" AND e."occurredAt" < ${toEnd}
       UNION ALL SELECT d."caseId" FROM "Diagnostic" d WHERE d."jointVisit" AND d."doneOn" <= $2::date)) x) AS joint,
  (SELECT row_to_json(x) FROM (
     SELECT COUNT(*) AS held, COUNT(*) FILTER (WHERE present) AS present, COUNT(*) FILTER (WHERE with_jurist) AS with_jurist,
            COUNT(*) FILTER (WHERE sup AND fc < first_on) AS met_before
     FROM (SELECT k.id, bool_or(k.sup) AS sup, min(k.fc) AS fc, min(p.date) AS first_on,
                  bool_or(p."householdPresent" IS TRUE) AS present,
                  bool_or(p."householdPresent" IS TRUE AND p."juristPresent" IS TRUE) AS with_jurist
           FROM k JOIN "ProcedureEvent" p ON p."caseId" = k.id
           WHERE p.stage = 'HEARING' AND p.date <= $2::date GROUP BY k.id) hh) x) AS hearings,
  (SELECT row_to_json(x) FROM (
     SELECT COUNT(*) FILTER (WHERE d.kind = 'FLASH') AS flash, COUNT(*) FILTER (WHERE d.kind = 'IN_DEPTH') AS in_depth
     FROM k JOIN "Diagnostic" d ON d."caseId" = k.id WHERE ${inPeriod('d."doneOn"')}) x) AS diagnostics,
  (SELECT row_to_json(x) FROM (
     SELECT COUNT(*) AS weeks, COUNT(DISTINCT k.id) AS cases
     FROM k JOIN "SupportPeriod" sp ON sp."caseId" = k.id JOIN "SupportWeek" w ON w."periodId" = sp.id
     WHERE ${inPeriod('w."weekOf"')}) x) AS weeks,
  (SELECT json_agg(x ORDER BY x.month) FROM (
     SELECT month, SUM(o)::int AS opened, SUM(cl)::int AS closed FROM (
       SELECT to_char(opened, 'YYYY-MM') AS month, 1 AS o, 0 AS cl FROM k WHERE ${inPeriod("opened")}
       UNION ALL SELECT to_char(closed, 'YYYY-MM'), 0, 1 FROM k WHERE st = 'CLOSED') m GROUP BY month) x) AS monthly
FROM k`;
  return { text, values };
}

type RawRow = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export function parseHand(row: RawRow): HandResult {
  const byState = Object.fromEntries(STATES.map((s) => [s, num(row[`s_${s}`])]));
  const total = Object.values(byState).reduce((a, b) => a + b, 0);
  const landlords = row.landlords as { contacted: number; answered: number };
  const joint = row.joint as { in_progress: number; closed: number };
  const h = row.hearings as { held: number; present: number; with_jurist: number; met_before: number };
  const d = row.diagnostics as { flash: number; in_depth: number };
  const w = row.weeks as { weeks: number; cases: number };
  return {
    total,
    inProgress: total - num(byState.CLOSED),
    closed: num(byState.CLOSED),
    byState,
    supported: num(row.supported),
    supportedClosed: num(row.supported_closed),
    reasons: Object.fromEntries(REASONS.map((r) => [r, num(row[`r_${r}`])])),
    landlords: { concerned: num(row.concerned), contacted: num(landlords.contacted), answered: num(landlords.answered) },
    joint: { inProgress: num(joint.in_progress), closed: num(joint.closed) },
    hearings: { held: num(h.held), present: num(h.present), withJurist: num(h.with_jurist), metBefore: num(h.met_before) },
    medianDays: row.median_days === null ? null : Number(row.median_days),
    diagnostics: { flash: num(d.flash), inDepth: num(d.in_depth) },
    weeks: { weeks: num(w.weeks), cases: num(w.cases) },
    monthly: ((row.monthly ?? []) as HandResult["monthly"]).map((m) => ({ month: m.month, opened: num(m.opened), closed: num(m.closed) })),
  };
}

export async function runHandSql(client: pg.ClientBase, scope: HandScope): Promise<HandResult> {
  const { text, values } = handSql(scope);
  const { rows } = await client.query<RawRow>(text, values);
  return parseHand(rows[0] as RawRow);
}
