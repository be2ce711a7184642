import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DueSectionView, dueSectionOfParam } from "@/components/todo/due-section";
import { DEADLINES_SECTION_ID, ProcedureDeadlinesSection } from "@/components/todo/procedure-deadlines-section";
import { ScopeTabs } from "@/components/todo/scope-tabs";
import { StaleReferralsSection } from "@/components/referrals/stale-referrals-section";
import { listReferralsWithoutNews } from "@/lib/server/queries/referrals";
import { db } from "@/lib/server/db";
import { canViewDueWork } from "@/lib/domain/permissions";
import { DUE_WORK_EXPANDED_LIMIT, DUE_WORK_PAGE_LIMIT, listDueWork, type DueWorkScope } from "@/lib/server/queries/list-due-work";
import {
  DEADLINE_HORIZONS,
  DEFAULT_DEADLINE_HORIZON,
  listProcedureDeadlines,
  PROCEDURE_DEADLINES_EXPANDED_LIMIT,
  PROCEDURE_DEADLINES_PAGE_LIMIT,
} from "@/lib/server/queries/list-procedure-deadlines";
import { requireUser } from "@/lib/server/session";
import { formatDayLong, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "À faire" };

type Search = Record<string, string | string[] | undefined>;

export default async function TodoPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const team = user.teams[0];
  if (!team || !canViewDueWork(user, team.id)) notFound();
  const { vue, horizon, voir } = await searchParams;
  // Field workers start with their own cases, the coordinator with the team's.
  const scope: DueWorkScope = vue === "moi" ? "me" : vue === "equipe" ? "team" : user.role === "COORDINATOR" ? "team" : "me";
  const horizonDays = DEADLINE_HORIZONS.find((d) => String(d) === horizon) ?? DEFAULT_DEADLINE_HORIZON;
  // "Voir les N" of one section: that section listed in full (up to DUE_WORK_EXPANDED_LIMIT).
  const expand = dueSectionOfParam(voir);
  const expandDeadlines = voir === DEADLINES_SECTION_ID;
  const scopeParam = scope === "me" ? "moi" : "equipe";
  // The "Voir les N" links keep the scope and a chosen deadlines horizon.
  const viewQuery = `vue=${scopeParam}${horizonDays !== DEFAULT_DEADLINE_HORIZON ? `&horizon=${horizonDays}` : ""}`;
  const now = new Date();
  const [work, deadlines, referrals] = await Promise.all([
    listDueWork(db, user, { teamId: team.id, scope, now, limit: DUE_WORK_PAGE_LIMIT, expand }),
    listProcedureDeadlines(db, user, { teamId: team.id, scope, now, horizonDays, limit: expandDeadlines ? PROCEDURE_DEADLINES_EXPANDED_LIMIT : PROCEDURE_DEADLINES_PAGE_LIMIT }),
    listReferralsWithoutNews(db, user, { teamId: team.id, scope, now }),
  ]);
  if (!work || !deadlines || !referrals) notFound();
  const nothing = work.sections.every((s) => s.total === 0) && referrals.total === 0;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">À faire</h1>
        <p className="text-slate-700">
          Au <time dateTime={toIsoDay(work.today)}>{formatDayLong(work.today)}</time>, le plus urgent d&apos;abord.
        </p>
        <ScopeTabs current={scope} />
      </div>
      {nothing ? (
        <div className="rounded-md border border-slate-300 bg-white p-4">
          <p className="font-medium">
            {scope === "me" ? "Rien à faire sur vos dossiers pour le moment." : "Rien à faire pour l'équipe pour le moment."}
          </p>
          {scope === "me" ? (
            <p className="mt-1 text-slate-700">
              <Link href="?vue=equipe" className="font-medium text-blue-800 underline underline-offset-4">
                Voir le travail de l&apos;équipe
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        work.sections.map((section) => (
          <DueSectionView key={section.section} data={section} viewQuery={viewQuery} expanded={section.section === expand} expandedLimit={DUE_WORK_EXPANDED_LIMIT} />
        ))
      )}
      {referrals.total > 0 ? <StaleReferralsSection data={referrals} /> : null}
      <ProcedureDeadlinesSection
        data={deadlines}
        horizons={DEADLINE_HORIZONS}
        scopeParam={scopeParam}
        viewQuery={viewQuery}
        expanded={expandDeadlines}
        expandedLimit={PROCEDURE_DEADLINES_EXPANDED_LIMIT}
      />
    </div>
  );
}
