import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HorizontalBarChart } from "@/components/dashboard/bar-chart";
import { ChartSection } from "@/components/dashboard/chart-section";
import { ExportLinks } from "@/components/dashboard/export-links";
import { IndicatorFilters } from "@/components/dashboard/indicator-filters";
import { KeyFigures } from "@/components/dashboard/key-figures";
import { MonthlyChart } from "@/components/dashboard/monthly-chart";
import { MonthlyTable } from "@/components/dashboard/monthly-table";
import { ReportTable } from "@/components/dashboard/report-table";
import { indicatorFilterParams, parseIndicatorFilter, type IndicatorParams } from "@/lib/domain/indicators/filter";
import { describePeriod, formatDays, indicatorReport, type ReportSection } from "@/lib/domain/indicators/report";
import { formatPercent, percent } from "@/lib/domain/indicators/stages";
import { LANDLORD_KIND_LABELS } from "@/lib/domain/labels";
import { canViewBilling, canViewIndicators } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { canExportCaseList, computeIndicators, indicatorFilterOptions } from "@/lib/server/queries/indicators";
import { computeReferralIndicators } from "@/lib/server/queries/referral-indicators";
import { requireUser } from "@/lib/server/session";
import { parisToday, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Indicateurs" };

const number = new Intl.NumberFormat("fr-FR");

function section(sections: ReportSection[], id: string): ReportSection {
  const found = sections.find((s) => s.id === id);
  if (!found) throw new Error(`indicator report: no section ${id}`);
  return found;
}

/** The share printed under a key figure: "26,4 % des situations". */
const shareOf = (count: number, base: number, of: string) => `${formatPercent(percent(count, base))} ${of}`;

/**
 * The coordinator's dashboard (issue 6): the funders' evaluation indicators
 * for a period and a slice of the caseload, computed in the database, with
 * charts, tables and exports. Aggregates only: this is also the funder
 * viewer's whole view of the app.
 */
export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<IndicatorParams> }) {
  const user = await requireUser();
  if (!canViewIndicators(user)) notFound();
  const { filter, errors } = parseIndicatorFilter(await searchParams, parisToday(new Date()));
  const [caseload, options, referrals] = await Promise.all([
    computeIndicators(db, user, filter),
    indicatorFilterOptions(db, user),
    computeReferralIndicators(db, user, filter),
  ]);
  const indicators = { ...caseload, referrals };
  const report = indicatorReport(indicators);
  const billing = user.teamIds.some((t) => canViewBilling(user, t));
  const { cases } = indicators;
  const teamName = filter.teamId ? options.teams.find((t) => t.id === filter.teamId)?.name : null;
  const sectorName = filter.sectorId ? options.sectors.find((s) => s.id === filter.sectorId)?.name : null;
  const slice = [
    teamName ?? (options.teams.length > 1 ? "toutes mes équipes" : options.teams[0]?.name),
    sectorName ? `secteur ${sectorName}` : null,
    filter.landlordKind ? `bailleurs : ${LANDLORD_KIND_LABELS[filter.landlordKind]}` : null,
  ].filter(Boolean);

  const stages = section(report, "stages");
  const categories = section(report, "categories");
  const bars = (s: ReportSection, skip: string[] = []) =>
    s.rows.filter((r) => r.count !== null && !skip.includes(r.key)).map((r) => ({ label: r.label, value: r.count as number }));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Indicateurs</h1>
        <p className="text-slate-700">
          Situations {describePeriod(filter)}
          {slice.length ? ` — ${slice.join(", ")}` : ""}. Chiffres agrégés, sans données personnelles.
        </p>
      </div>

      <IndicatorFilters
        values={{
          du: filter.from ? toIsoDay(filter.from) : "",
          au: toIsoDay(filter.to),
          equipe: filter.teamId ?? "",
          secteur: filter.sectorId ?? "",
          bailleur: filter.landlordKind ?? "",
        }}
        errors={errors}
        teams={options.teams}
        sectors={options.sectors}
      />

      <section aria-labelledby="key-figures" className="flex flex-col gap-3">
        <h2 id="key-figures" className="text-lg font-semibold">
          Chiffres clés
        </h2>
        <KeyFigures
          figures={[
            { label: "Situations", value: number.format(cases.total), detail: `dont ${number.format(cases.opened)} nouvelles dans la période` },
            { label: "En cours", value: number.format(cases.inProgress), detail: shareOf(cases.inProgress, cases.total, "des situations") },
            { label: "Clôturées", value: number.format(cases.closed), detail: shareOf(cases.closed, cases.total, "des situations") },
            { label: "Ménages accompagnés", value: number.format(indicators.supported.total), detail: shareOf(indicators.supported.total, cases.total, "des situations") },
            { label: "Délai médian avant le premier contact", value: formatDays(indicators.firstContact.medianDays) },
          ]}
        />
      </section>

      <ExportLinks query={indicatorFilterParams(filter).toString()} caseList={canExportCaseList(user, filter)} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <ChartSection
          id="stages"
          title="Dossiers en cours par étape"
          note={stages.note}
          chart={<HorizontalBarChart data={bars(stages, ["stage.total"])} />}
          table={<ReportTable section={{ ...stages, title: "Dossiers en cours par étape : les nombres" }} headingLevel={3} />}
        />
        <ChartSection
          id="categories"
          title="Clôtures par catégorie du financeur"
          note={categories.note}
          chart={<HorizontalBarChart data={bars(categories)} />}
          table={<ReportTable section={{ ...categories, title: "Clôtures par catégorie : les nombres", note: undefined }} headingLevel={3} />}
        />
      </div>

      <ChartSection
        id="monthly"
        title="Nouveaux dossiers et clôtures par mois"
        chart={
          <MonthlyChart data={indicators.monthly.map((m) => ({ short: `${m.month.slice(5, 7)}/${m.month.slice(2, 4)}`, opened: m.opened, closed: m.closed }))} />
        }
        table={<MonthlyTable months={indicators.monthly} />}
      />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        {report
          .filter((s) => !["stages", "categories"].includes(s.id))
          .map((s) => (
            <div key={s.id} className="rounded-lg border border-slate-300 bg-white p-4">
              <ReportTable section={s} />
            </div>
          ))}
      </div>

      <p className="text-sm text-slate-700">
        Facturation : ce tableau de bord compte les actes de la période (diagnostics, semaines d&apos;accompagnement) ; les montants dus
        par convention, avec les plafonds et l&apos;avance reçue, sont calculés sur la page{" "}
        {billing ? (
          <Link href="/facturation" className="font-medium text-blue-800 underline underline-offset-4">
            Facturation
          </Link>
        ) : (
          "Facturation (coordination)"
        )}
        .
      </p>
    </div>
  );
}
