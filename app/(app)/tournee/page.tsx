import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoundOfflineCopy } from "@/components/offline/round-offline-copy";
import { PrintButton } from "@/components/round/print-button";
import { VisitRoundView } from "@/components/round/visit-round";
import { ScopeTabs } from "@/components/todo/scope-tabs";
import { canKeepOfflineCopy, OFFLINE_ROUND_MAX_CASES } from "@/lib/domain/offline";
import { canViewDueWork } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { listVisitRound } from "@/lib/server/queries/list-visit-round";
import type { DueWorkScope } from "@/lib/server/queries/list-due-work";
import { requireUser } from "@/lib/server/session";
import { formatDayLong, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Ma tournée" };

type Search = Record<string, string | string[] | undefined>;

/**
 * "Ma tournée" (issue 16 §6): the visits to make, by sector and commune, with
 * the address as a map link and the visit button; printable on one page. A
 * plain server-rendered page at a stable URL (/tournee): an offline copy can
 * be kept of it later.
 */
export default async function RoundPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const team = user.teams[0];
  if (!team || !canViewDueWork(user, team.id)) notFound();
  const { vue } = await searchParams;
  const scope: DueWorkScope = vue === "equipe" ? "team" : "me";
  const round = await listVisitRound(db, user, { teamId: team.id, scope, now: new Date() });
  if (!round) notFound();
  // Issue 18: the social worker's own round (and the cases on it) is kept on her phone for offline use.
  const offlinePaths = scope === "me" && canKeepOfflineCopy(user) ? ["/tournee", ...round.sectors.flatMap((s) => s.communes.flatMap((c) => c.stops.map((stop) => `/dossiers/${stop.caseId}`))).slice(0, OFFLINE_ROUND_MAX_CASES)] : null;

  return (
    <div className="flex flex-col gap-4 print:gap-2">
      <div className="flex flex-col gap-3 print:gap-0">
        <h1 className="text-2xl font-bold print:text-lg">
          {scope === "me" ? "Ma tournée" : "Tournée de l'équipe"}
        </h1>
        <p className="text-slate-700 print:text-xs">
          Au <time dateTime={toIsoDay(round.today)}>{formatDayLong(round.today)}</time> :{" "}
          {round.total === 0 ? "aucune visite à faire" : round.total === 1 ? "1 visite à faire" : `${round.total} visites à faire`}, par secteur et par commune.
        </p>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <ScopeTabs current={scope} />
          {round.total > 0 ? <PrintButton /> : null}
        </div>
        {offlinePaths ? <RoundOfflineCopy paths={offlinePaths} /> : null}
      </div>
      {round.total === 0 ? (
        <p className="rounded-md border border-slate-300 bg-white p-4">
          Aucune visite en attente.{" "}
          <Link href="/a-faire" className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
            Voir tout « À faire »
          </Link>
        </p>
      ) : (
        <VisitRoundView sectors={round.sectors} />
      )}
    </div>
  );
}
