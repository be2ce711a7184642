import { NextResponse, type NextRequest } from "next/server";
import { parseIndicatorFilter, type IndicatorFilter } from "@/lib/domain/indicators/filter";
import { describePeriod } from "@/lib/domain/indicators/report";
import { LANDLORD_KIND_LABELS } from "@/lib/domain/labels";
import { canViewIndicators } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { canExportCaseList, computeIndicators, indicatorFilterOptions, listIndicatorCases } from "@/lib/server/queries/indicators";
import { computeReferralIndicators } from "@/lib/server/queries/referral-indicators";
import { getCurrentUser } from "@/lib/server/session";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import { casesCsv, casesXlsx, indicatorsCsv, indicatorsXlsx, type ExportMeta } from "../indicator-files";
import { indicatorsPdf } from "../indicators-pdf";
import { redirectToPath } from "@/lib/server/http/redirect";

// Rendered for the signed-in user on every request, never cached.
export const dynamic = "force-dynamic";

const FILES = {
  "indicateurs.csv": "text/csv; charset=utf-8",
  "indicateurs.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "dossiers.csv": "text/csv; charset=utf-8",
  "dossiers.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "rapport.pdf": "application/pdf",
} as const;
type ExportFile = keyof typeof FILES;

const notFoundResponse = () =>
  new NextResponse("Page introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

async function scopeText(actor: Actor, filter: IndicatorFilter): Promise<string> {
  const options = await indicatorFilterOptions(db, actor);
  const team = filter.teamId ? options.teams.find((t) => t.id === filter.teamId)?.name : options.teams.length > 1 ? "toutes mes équipes" : options.teams[0]?.name;
  const sector = filter.sectorId ? options.sectors.find((s) => s.id === filter.sectorId)?.name : null;
  return [describePeriod(filter), team, sector ? `secteur ${sector}` : null, filter.landlordKind ? `bailleurs : ${LANDLORD_KIND_LABELS[filter.landlordKind]}` : null]
    .filter(Boolean)
    .join(" — ");
}

/**
 * GET /indicateurs/export/<file>?du=…&au=…&equipe=…&secteur=…&bailleur=…:
 * the dashboard's downloads for the same filter. Authorised like the page;
 * the case list only for the roles that may see cases (never the funder
 * viewer), who get the same "not found" as for an unknown file.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ fichier: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const { fichier } = await params;
  if (!(fichier in FILES) || !canViewIndicators(user)) return notFoundResponse();
  const file = fichier as ExportFile;
  const now = new Date();
  const { filter } = parseIndicatorFilter(Object.fromEntries(request.nextUrl.searchParams), parisToday(now));
  const caseList = file.startsWith("dossiers.");
  if (caseList && !canExportCaseList(user, filter)) return notFoundResponse();

  const meta: ExportMeta = { scopeText: await scopeText(user, filter), generatedAt: now };
  let body: string | Uint8Array;
  if (caseList) {
    const rows = await listIndicatorCases(db, user, filter);
    body = file === "dossiers.csv" ? casesCsv(rows) : await casesXlsx(rows, meta);
  } else {
    const [caseload, referrals] = await Promise.all([computeIndicators(db, user, filter), computeReferralIndicators(db, user, filter)]);
    const indicators = { ...caseload, referrals };
    body = file === "indicateurs.csv" ? indicatorsCsv(indicators) : file === "indicateurs.xlsx" ? await indicatorsXlsx(indicators, meta) : await indicatorsPdf(indicators, meta);
  }
  const [base, extension] = file.split(".") as [string, string];
  const name = `${base}_${filter.from ? `${toIsoDay(filter.from)}_` : ""}${toIsoDay(filter.to)}.${extension}`;
  const bytes = typeof body === "string" ? Buffer.from(body, "utf-8") : Buffer.from(body);
  return new NextResponse(bytes, {
    status: 200,
    headers: {
      "Content-Type": FILES[file],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
