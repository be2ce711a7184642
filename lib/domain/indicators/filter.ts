import { LANDLORD_KIND_LABELS, type LandlordKind } from "@/lib/domain/labels";
import { parseCalendarDate, toIsoDay } from "@/lib/utils/dates";

/**
 * What a dashboard, an export or the bench asks for: a period of calendar
 * days and the slice of the caseload (team, sector, landlord kind).
 *
 * The period is [from, to], both days included, Paris calendar days as
 * UTC-midnight Dates (STYLE §10). `from = null` means "since the first case".
 */
export interface IndicatorFilter {
  from: Date | null;
  to: Date;
  /** One team, or null for every team the actor belongs to. */
  teamId: string | null;
  sectorId: string | null;
  landlordKind: LandlordKind | null;
}

/** The filter once the teams are resolved: what the definitions and the SQL both take. */
export interface IndicatorScope {
  from: Date | null;
  to: Date;
  /** Never empty in practice; an empty list counts nothing. */
  teamIds: readonly string[];
  sectorId: string | null;
  landlordKind: LandlordKind | null;
}

/**
 * The teams a filter covers for an actor: the chosen team if the actor is a
 * member of it, otherwise nothing; every team of the actor when none is chosen.
 * Another team's cases are never counted, whatever the URL says.
 */
export function scopeTeams(actorTeamIds: readonly string[], teamId: string | null): string[] {
  if (teamId === null) return [...actorTeamIds];
  return actorTeamIds.includes(teamId) ? [teamId] : [];
}

export type IndicatorParams = Record<string, string | string[] | undefined>;

function one(params: IndicatorParams, key: string): string {
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
}

export interface ParsedIndicatorFilter {
  filter: IndicatorFilter;
  /** French messages for the fields that could not be read (they fall back to the default). */
  errors: Partial<Record<"from" | "to", string>>;
}

/**
 * The dashboard's GET parameters (du, au, equipe, secteur, bailleur) → a filter.
 * Defaults: since the first case, up to today. A bad value is reported and
 * replaced by its default, never silently widened into something else.
 */
export function parseIndicatorFilter(params: IndicatorParams, today: Date): ParsedIndicatorFilter {
  const errors: ParsedIndicatorFilter["errors"] = {};
  const fromText = one(params, "du");
  const toText = one(params, "au");
  let from = fromText ? parseCalendarDate(fromText) : null;
  if (fromText && !from) errors.from = "Date de début invalide : elle est ignorée.";
  let to = toText ? parseCalendarDate(toText) : today;
  if (!to) {
    errors.to = "Date de fin invalide : la date du jour est utilisée.";
    to = today;
  }
  if (from && from > to) {
    errors.from = "La date de début est après la date de fin : elle est ignorée.";
    from = null;
  }
  const kind = one(params, "bailleur");
  return {
    filter: {
      from,
      to,
      teamId: one(params, "equipe") || null,
      sectorId: one(params, "secteur") || null,
      landlordKind: kind in LANDLORD_KIND_LABELS ? (kind as LandlordKind) : null,
    },
    errors,
  };
}

/** The filter back to GET parameters (export links keep the dashboard's filter). */
export function indicatorFilterParams(filter: IndicatorFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.from) p.set("du", toIsoDay(filter.from));
  p.set("au", toIsoDay(filter.to));
  if (filter.teamId) p.set("equipe", filter.teamId);
  if (filter.sectorId) p.set("secteur", filter.sectorId);
  if (filter.landlordKind) p.set("bailleur", filter.landlordKind);
  return p;
}
