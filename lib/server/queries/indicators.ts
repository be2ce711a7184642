import "server-only";
import {
  CLOSURE_CATEGORIES,
  CLOSURE_REASONS,
  endOfParisDay,
  fillMonths,
  type Indicators,
  type MonthCount,
} from "@/lib/domain/indicators/definitions";
import { scopeTeams, type IndicatorFilter, type IndicatorScope } from "@/lib/domain/indicators/filter";
import { LEFT_OR_NPAI_REASONS, STAGE_GROUPS, STAGE_OF_STATE } from "@/lib/domain/indicators/stages";
import type { CaseSource, CaseState, ClosureReason, LandlordKind, ProcedureStage } from "@/lib/domain/labels";
import { OPEN_STATES } from "@/lib/domain/outreach/states";
import { canViewCases, canViewIndicators } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { toIsoDay } from "@/lib/utils/dates";

const CASE_STATES: readonly CaseState[] = [...OPEN_STATES, "CLOSED"];

/**
 * The evaluation indicators computed IN THE DATABASE with aggregate SQL, never
 * by loading the cases into JavaScript (issue 6.2, decision 010). Each number
 * follows its definition in lib/domain/indicators/definitions.ts;
 * tests/integration/indicators.test.ts checks both give the same result.
 *
 * Every input reaches the SQL as a bound parameter of a tagged template
 * (Prisma.sql); optional conditions are composed from fragments, never from
 * strings.
 */

/** The scope of a filter for an actor: the teams it may count, and nothing of another team. */
export function indicatorScope(actor: Actor, filter: IndicatorFilter): IndicatorScope {
  return {
    from: filter.from,
    to: filter.to,
    teamIds: scopeTeams(actor.teamIds, filter.teamId),
    sectorId: filter.sectorId,
    landlordKind: filter.landlordKind,
  };
}

const day = (d: Date) => Prisma.sql`${toIsoDay(d)}::date`;

/**
 * The period's caseload as of `to`, as a CTE named `caseload` with one row per
 * case, read from the facts kept per case (`CaseFacts`, decision 035): id,
 * opened_on, eligible, first_contact_on, supported (as of `to`), landlord_id,
 * state (as of `to`, a "CaseState"), closed_on and reason (when closed), and
 * what the case had by `to` (landlord letter and answer, joint visit, first
 * hearing and presence) and did within [from, to] (diagnostics, support weeks).
 *
 * The state as of `to` is the `toState` of the case's last outreach event
 * before the end of `to` (Paris). When every event of the case is before it
 * (`lastEventAt`), that is the facts row's `state`; only the cases with an
 * event after `to` need the index lookup on OutreachEvent(caseId, occurredAt).
 * For the usual "up to today" dashboard that is none of them.
 *
 * Decision 044: `caseload` is NOT materialised (each pass re-reads the facts
 * rows it needs: cheaper than writing and re-reading 100 000 wide rows); the
 * cases changed after `to` — the ones that need the lookup — are, in
 * `changed`, so that their lookups run once. States and reasons stay enums
 * (comparing them as text cast every row).
 */
function caseloadCte(scope: IndicatorScope): Prisma.Sql {
  const to = day(scope.to);
  const toEnd = Prisma.sql`${endOfParisDay(scope.to).toISOString()}::timestamptz`;
  const notClosedBefore = scope.from === null ? Prisma.empty : Prisma.sql`WHERE NOT (state = 'CLOSED' AND closed_on < ${day(scope.from)})`;
  const current = Prisma.sql`(f."lastEventAt" IS NULL OR f."lastEventAt" < ${toEnd})`;
  // Acts dated within [from, to] among the sorted days of a facts array: its
  // length when all are inside (the common case), a count otherwise.
  const within = (column: Prisma.Sql) => {
    const fromOk = scope.from === null ? Prisma.sql`TRUE` : Prisma.sql`${column}[1] >= ${day(scope.from)}`;
    const fromCond = scope.from === null ? Prisma.empty : Prisma.sql`AND x >= ${day(scope.from)}`;
    return Prisma.sql`CASE WHEN COALESCE(cardinality(${column}), 0) = 0 THEN 0
      WHEN ${fromOk} AND ${column}[cardinality(${column})] <= ${to} THEN cardinality(${column})
      ELSE (SELECT COUNT(*)::int FROM unnest(${column}) x WHERE x <= ${to} ${fromCond}) END`;
  };
  const columns = Prisma.sql`f."caseId" AS id, f."openedOn" AS opened_on, f.eligible, f."firstContactOn" AS first_contact_on,
               (f.supported AND f."firstContactOn" IS NOT NULL AND f."firstContactOn" <= ${to}) AS supported,
               f."landlordId" AS landlord_id,
               COALESCE(f."landlordLetterAt" < ${toEnd}, FALSE) AS landlord_letter,
               COALESCE(f."landlordContactAt" < ${toEnd}, FALSE) AS landlord_answer,
               (COALESCE(f."jointVisitAt" < ${toEnd}, FALSE) OR COALESCE(f."jointDiagnosticOn" <= ${to}, FALSE)) AS joint,
               CASE WHEN f."firstHearingOn" <= ${to} THEN f."firstHearingOn" END AS hearing_on,
               COALESCE(f."presentHearingOn" <= ${to}, FALSE) AS hearing_present,
               COALESCE(f."juristHearingOn" <= ${to}, FALSE) AS hearing_jurist,
               ${within(Prisma.sql`f."flashDiagnosticDays"`)} AS flash,
               ${within(Prisma.sql`f."inDepthDiagnosticDays"`)} AS in_depth,
               ${within(Prisma.sql`f."supportWeekDays"`)} AS weeks`;
  const slice = factsSlice(scope);
  // Two branches, so that the planner neither runs nor costs the per-case
  // lookup for the cases whose every event is before the end of `to` (all of
  // them for a dashboard up to today).
  return Prisma.sql`
    WITH changed AS MATERIALIZED (
      SELECT ${columns}, COALESCE(h.state, 'IDENTIFIED'::"CaseState") AS state, h.closed_on, h.reason
      FROM "CaseFacts" f
      LEFT JOIN LATERAL (
        SELECT e."toState" AS state,
               CASE WHEN e."toState" = 'CLOSED' THEN (e."occurredAt" AT TIME ZONE 'Europe/Paris')::date END AS closed_on,
               CASE WHEN e."toState" = 'CLOSED' THEN e."closureReason" END AS reason
        FROM "OutreachEvent" e
        WHERE e."caseId" = f."caseId" AND e."occurredAt" < ${toEnd}
        ORDER BY e."occurredAt" DESC, e."createdAt" DESC, e.id DESC
        LIMIT 1
      ) h ON TRUE
      WHERE ${slice} AND NOT ${current}
    ),
    caseload AS NOT MATERIALIZED (
      SELECT * FROM (
        SELECT ${columns}, f.state, f."closedOn" AS closed_on, f."closureReason" AS reason
        FROM "CaseFacts" f
        WHERE ${slice} AND ${current}
        UNION ALL
        SELECT * FROM changed
      ) b
      ${notClosedBefore}
    )`;
}

/** The facts rows of the scope's teams, sector and landlord kind opened by `to` (alias f). */
function factsSlice(scope: IndicatorScope): Prisma.Sql {
  const sector = scope.sectorId === null ? Prisma.empty : Prisma.sql`AND f."sectorId" = ${scope.sectorId}`;
  const landlordKind = scope.landlordKind === null ? Prisma.empty : Prisma.sql`AND f."landlordKind" = ${scope.landlordKind}::"LandlordKind"`;
  return Prisma.sql`f."teamId" IN (${Prisma.join(scope.teamIds)}) AND f."openedOn" <= ${day(scope.to)} ${sector} ${landlordKind}`;
}

interface IndicatorRow {
  by_state: Record<string, number> | null;
  by_reason: Record<string, number> | null;
  cases: {
    opened: number; eligible: number; supported: number; supported_closed: number; took_contact: number; left_or_npai: number; no_contact: number;
    joint_in_progress: number; joint_closed: number; held: number; present: number; with_jurist: number; met_before: number;
    flash: number; in_depth: number; weeks: number; week_cases: number;
  };
  median_days: number | null;
  landlords: { concerned: number; contacted: number; answered: number };
  monthly: Array<{ month: string; opened: number; closed: number }> | null;
}

/**
 * Every indicator of `filter` for `actor`, in one SQL statement over the
 * caseload. Refuses (not found) an actor who may not see indicators; counts
 * only the actor's teams.
 */
export async function computeIndicators(db: Db, actor: Actor, filter: IndicatorFilter): Promise<Indicators> {
  if (!canViewIndicators(actor)) throw notFound("Ce tableau de bord");
  return computeScopeIndicators(db, indicatorScope(actor, filter));
}

/** The SQL, for a scope already checked (the bench and the tests call it too through computeIndicators). */
async function computeScopeIndicators(db: Db, scope: IndicatorScope): Promise<Indicators> {
  if (!scope.teamIds.length) return emptyIndicators(scope);
  const fromCond = (column: Prisma.Sql) => (scope.from === null ? Prisma.sql`TRUE` : Prisma.sql`${column} >= ${day(scope.from)}`);
  const leftReasons = Prisma.join(LEFT_OR_NPAI_REASONS);
  const sum = (cond: Prisma.Sql) => Prisma.sql`COALESCE(SUM(n) FILTER (WHERE ${cond}), 0)::int`;

  // The landlords, counted once each. With no `from` and no sector, the
  // caseload's landlords are those of the scope's facts rows opened by `to`,
  // whatever their state: a second statement reads them in landlord order
  // from the index CaseFacts(landlordId, teamId, openedOn, …) — index only,
  // grouped as they stream, no hash of every landlord (decision 044).
  // Otherwise they are grouped over the caseload, in the main statement.
  const landlordsApart = scope.from === null && scope.sectorId === null;
  const toEnd = Prisma.sql`${endOfParisDay(scope.to).toISOString()}::timestamptz`;
  const countLandlords = (rows: Prisma.Sql) => Prisma.sql`SELECT json_build_object(
         'concerned', COUNT(*),
         'contacted', COUNT(*) FILTER (WHERE letter),
         'answered', COUNT(*) FILTER (WHERE letter AND answer)
       ) AS landlords FROM (${rows}) l`;
  const landlordsQuery = db.$queryRaw<Array<{ landlords: IndicatorRow["landlords"] }>>`
    ${countLandlords(Prisma.sql`SELECT f."landlordId",
             bool_or(COALESCE(f."landlordLetterAt" < ${toEnd}, FALSE)) AS letter,
             bool_or(COALESCE(f."landlordContactAt" < ${toEnd}, FALSE)) AS answer
           FROM "CaseFacts" f WHERE ${factsSlice(scope)} AND f."landlordId" IS NOT NULL GROUP BY f."landlordId"`)}`;
  const landlords = landlordsApart
    ? Prisma.sql`NULL::json`
    : Prisma.sql`(${countLandlords(Prisma.sql`SELECT landlord_id, bool_or(landlord_letter) AS letter, bool_or(landlord_answer) AS answer
           FROM caseload WHERE landlord_id IS NOT NULL GROUP BY landlord_id`)})`;

  // Decision 044: one pass groups the caseload by what the counts depend on
  // (a few dozen groups), and the counts are sums over the groups; the median,
  // the months (by day, then by month) and the landlords are their own passes
  // over the (not materialised) caseload.
  const query = db.$queryRaw<IndicatorRow[]>`
    ${caseloadCte(scope)}
    SELECT a.by_state, a.by_reason, a.cases,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_contact_on - opened_on) FROM caseload WHERE supported) AS median_days,
      ${landlords} AS landlords,
      (SELECT json_agg(json_build_object('month', to_char(month, 'YYYY-MM'), 'opened', opened, 'closed', closed) ORDER BY month)
       FROM (SELECT date_trunc('month', d) AS month, SUM(opened)::int AS opened, SUM(closed)::int AS closed FROM (
               SELECT opened_on AS d, COUNT(*) AS opened, 0 AS closed FROM caseload WHERE ${fromCond(Prisma.sql`opened_on`)} GROUP BY opened_on
               UNION ALL
               SELECT closed_on, 0, COUNT(*) FROM caseload WHERE state = 'CLOSED' GROUP BY closed_on
             ) u GROUP BY 1) m) AS monthly
    FROM (
      SELECT
        json_build_object(${Prisma.join(CASE_STATES.map((st) => Prisma.sql`${st}::text, ${sum(Prisma.sql`state = ${st}::"CaseState"`)}`))}) AS by_state,
        json_build_object(${Prisma.join(CLOSURE_REASONS.map((r) => Prisma.sql`${r}::text, ${sum(Prisma.sql`state = 'CLOSED' AND reason = ${r}::"ClosureReason"`)}`))}) AS by_reason,
        json_build_object(
         'opened', ${sum(Prisma.sql`opened`)},
         'eligible', ${sum(Prisma.sql`eligible`)},
         'supported', ${sum(Prisma.sql`supported`)},
         'supported_closed', ${sum(Prisma.sql`supported AND state = 'CLOSED'`)},
         'took_contact', ${sum(Prisma.sql`state = 'CLOSED' AND supported`)},
         'left_or_npai', ${sum(Prisma.sql`state = 'CLOSED' AND reason::text IN (${leftReasons})`)},
         'no_contact', ${sum(Prisma.sql`state = 'CLOSED' AND NOT supported AND (reason IS NULL OR reason::text NOT IN (${leftReasons}))`)},
         'joint_in_progress', ${sum(Prisma.sql`joint AND state <> 'CLOSED'`)},
         'joint_closed', ${sum(Prisma.sql`joint AND state = 'CLOSED'`)},
         'held', ${sum(Prisma.sql`held`)},
         'present', ${sum(Prisma.sql`held AND present`)},
         'with_jurist', ${sum(Prisma.sql`held AND jurist`)},
         'met_before', ${sum(Prisma.sql`held AND met`)},
         'flash', COALESCE(SUM(flash), 0),
         'in_depth', COALESCE(SUM(in_depth), 0),
         'weeks', COALESCE(SUM(weeks), 0),
         'week_cases', COALESCE(SUM(week_cases), 0)
        ) AS cases
      FROM (
        SELECT state, reason, eligible, supported, joint, hearing_on IS NOT NULL AS held, hearing_present AS present, hearing_jurist AS jurist,
               (supported AND first_contact_on < hearing_on) AS met, ${fromCond(Prisma.sql`opened_on`)} AS opened,
               COUNT(*) AS n, SUM(flash) AS flash, SUM(in_depth) AS in_depth, SUM(weeks) AS weeks, COUNT(*) FILTER (WHERE weeks > 0) AS week_cases
        FROM caseload
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      ) g
    ) a
  `;
  // For this transaction only: no JIT (compiling this statement costs more CPU
  // than running it, decision 011); no parallel workers (starting them costs
  // more than the passes they would share, and under load the planner started
  // them for the empty "changed" branch: decision 044); enough memory for
  // the hashes to stay off disk at national scale. The landlords' statement
  // runs without hash aggregation, so that it streams from the index.
  const settings = db.$queryRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '48MB', true), set_config('max_parallel_workers_per_gather', '0', true)`;
  let row: IndicatorRow | undefined;
  if (landlordsApart) {
    const [, [main], , [apart]] = await db.$transaction([settings, query, db.$queryRaw`SELECT set_config('enable_hashagg', 'off', true)`, landlordsQuery]);
    row = main && apart ? { ...main, landlords: apart.landlords } : undefined;
  } else {
    [, [row]] = await db.$transaction([settings, query]);
  }
  if (!row) throw new Error("indicators: the aggregate query returned no row");
  return toIndicators(scope, row);
}

function toIndicators(scope: IndicatorScope, row: IndicatorRow): Indicators {
  const result = emptyIndicators(scope);
  const byState = row.by_state ?? {};
  for (const [state, n] of Object.entries(byState)) {
    result.cases.total += n;
    if (state === "CLOSED") {
      result.cases.closed += n;
    } else {
      const open = state as Exclude<CaseState, "CLOSED">;
      result.cases.inProgress += n;
      result.inProgressByState[open] += n;
      result.inProgressByStage[STAGE_OF_STATE[open]] += n;
    }
  }
  for (const [reason, n] of Object.entries(row.by_reason ?? {})) result.closureReasons[reason as ClosureReason] += n;
  const c = row.cases;
  result.cases.opened = c.opened;
  result.cases.eligible = c.eligible;
  result.supported = { total: c.supported, inProgress: c.supported - c.supported_closed, closed: c.supported_closed };
  result.closureCategories = { TOOK_CONTACT: c.took_contact, LEFT_OR_NPAI: c.left_or_npai, NO_CONTACT: c.no_contact };
  result.firstContact = { count: c.supported, medianDays: row.median_days };
  result.landlords = { concerned: row.landlords.concerned, contacted: row.landlords.contacted, answered: row.landlords.answered };
  result.jointVisits = { inProgress: c.joint_in_progress, closed: c.joint_closed };
  result.hearings = { held: c.held, householdPresent: c.present, withJurist: c.with_jurist, metBefore: c.met_before };
  result.diagnostics = { flash: Number(c.flash), inDepth: Number(c.in_depth) };
  result.supportWeeks = { weeks: Number(c.weeks), cases: c.week_cases };
  result.monthly = fillMonths(scope.from, scope.to, (row.monthly ?? []) as MonthCount[]);
  return result;
}

function emptyIndicators(scope: IndicatorScope): Indicators {
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  return {
    cases: { total: 0, opened: 0, eligible: 0, inProgress: 0, closed: 0 },
    inProgressByState: zero(OPEN_STATES),
    inProgressByStage: zero(STAGE_GROUPS),
    supported: { total: 0, inProgress: 0, closed: 0 },
    closureReasons: zero(CLOSURE_REASONS),
    closureCategories: zero(CLOSURE_CATEGORIES),
    landlords: { concerned: 0, contacted: 0, answered: 0 },
    jointVisits: { inProgress: 0, closed: 0 },
    hearings: { held: 0, householdPresent: 0, withJurist: 0, metBefore: 0 },
    firstContact: { count: 0, medianDays: null },
    diagnostics: { flash: 0, inDepth: 0 },
    supportWeeks: { weeks: 0, cases: 0 },
    monthly: fillMonths(scope.from, scope.to, []),
  };
}

// ───────────────────────────── Case list of the period (exports)

/** One case of the period's caseload, without personal data or free text. */
export interface IndicatorCaseRow {
  number: number;
  teamName: string;
  openedOn: Date;
  /** State as of the period's last day. */
  state: CaseState;
  closedOn: Date | null;
  closureReason: ClosureReason | null;
  supported: boolean;
  firstContactOn: Date | null;
  /** Current procedure stage on file and next hearing (denormalised columns). */
  procedureStage: ProcedureStage | null;
  hearingOn: Date | null;
  sectorName: string | null;
  landlordKind: LandlordKind | null;
  eligible: boolean;
  source: CaseSource;
}

/**
 * May this actor download the case list of the scope? Casework roles of every
 * team counted; never the funder viewer, who sees aggregates only.
 */
export function canExportCaseList(actor: Actor, filter: IndicatorFilter): boolean {
  const teams = scopeTeams(actor.teamIds, filter.teamId);
  return canViewIndicators(actor) && teams.length > 0 && teams.every((t) => canViewCases(actor, t));
}

/** The period's caseload, one row per case (numbers, dates, codes), ordered by case number. */
export async function listIndicatorCases(db: Db, actor: Actor, filter: IndicatorFilter): Promise<IndicatorCaseRow[]> {
  if (!canExportCaseList(actor, filter)) throw notFound("Cette liste de dossiers");
  const scope = indicatorScope(actor, filter);
  const rows = await db.$queryRaw<Array<{
    number: number; team_name: string; opened_on: Date; state: CaseState; closed_on: Date | null; reason: ClosureReason | null;
    supported: boolean; first_contact_on: Date | null; stage: ProcedureStage | null; hearing_on: Date | null;
    sector_name: string | null; landlord_kind: LandlordKind | null; eligible: boolean; source: CaseSource;
  }>>`
    ${caseloadCte(scope)}
    SELECT c.number, t.name AS team_name, k.opened_on, k.state::text AS state, k.closed_on, k.reason::text AS reason, k.supported,
           CASE WHEN k.supported THEN k.first_contact_on END AS first_contact_on,
           c.stage::text AS stage, c."hearingOn" AS hearing_on, s.name AS sector_name, ld.kind::text AS landlord_kind,
           k.eligible, c.source::text AS source
    FROM caseload k
    JOIN "Case" c ON c.id = k.id
    JOIN "Team" t ON t.id = c."teamId"
    LEFT JOIN "Sector" s ON s.id = c."sectorId"
    LEFT JOIN "Landlord" ld ON ld.id = k.landlord_id
    ORDER BY c.number`;
  return rows.map((r) => ({
    number: r.number,
    teamName: r.team_name,
    openedOn: r.opened_on,
    state: r.state,
    closedOn: r.state === "CLOSED" ? r.closed_on : null,
    closureReason: r.state === "CLOSED" ? r.reason : null,
    supported: r.supported,
    firstContactOn: r.first_contact_on,
    procedureStage: r.stage,
    hearingOn: r.hearing_on,
    sectorName: r.sector_name,
    landlordKind: r.landlord_kind,
    eligible: r.eligible,
    source: r.source,
  }));
}

// ───────────────────────────── Filter choices

export interface IndicatorFilterOptions {
  teams: { id: string; name: string }[];
  /** Sectors of the actor's teams (names only: no personal data, so the funder viewer gets them too). */
  sectors: { id: string; name: string; teamId: string; teamName: string }[];
}

export async function indicatorFilterOptions(db: Db, actor: Actor): Promise<IndicatorFilterOptions> {
  if (!canViewIndicators(actor)) return { teams: [], sectors: [] };
  const teams = await db.team.findMany({
    where: { id: { in: [...actor.teamIds] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, sectors: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    sectors: teams.flatMap((t) => t.sectors.map((s) => ({ id: s.id, name: s.name, teamId: t.id, teamName: t.name }))),
  };
}
