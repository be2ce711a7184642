import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StateCounts } from "@/components/caseload/state-counts";
import { canViewIndicators } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { countCasesByState } from "@/lib/server/queries/case-counts";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Indicateurs" };

/** Aggregate figures only: this page is the funder viewer's whole view of the app. */
export default async function IndicatorsPage() {
  const user = await requireUser();
  if (!canViewIndicators(user)) notFound();
  const perTeam = await Promise.all(user.teams.map(async (t) => ({ team: t, counts: await countCasesByState(db, user, t.id) })));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Indicateurs</h1>
      <p className="text-slate-700">Chiffres agrégés, sans données personnelles.</p>
      {perTeam.map(({ team, counts }) => (
        <section key={team.id} aria-label={team.name} className="rounded-lg border border-slate-300 bg-white p-4">
          <StateCounts counts={counts} caption={`${team.name} : dossiers par étape`} />
        </section>
      ))}
    </div>
  );
}
