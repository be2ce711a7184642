import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseList } from "@/components/caseload/case-list";
import { CaseloadFilters } from "@/components/caseload/caseload-filters";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/labels";
import { canCreateHousehold, canUseCaseload } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { CASELOAD_SORTS, DEADLINE_WINDOWS, listCases, type CaseloadSort } from "@/lib/server/queries/list-cases";
import { getTeamOptions } from "@/lib/server/queries/team-options";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dossiers" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 100) : undefined);

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const team = user.teams[0];
  if (!team || !canUseCaseload(user)) notFound();
  const sp = await searchParams;
  const values = { q: one(sp.q), etat: one(sp.etat), secteur: one(sp.secteur), attribution: one(sp.attribution), echeance: one(sp.echeance), tri: one(sp.tri) };
  const state = values.etat && values.etat in CASE_STATE_LABELS ? (values.etat as CaseState) : undefined;
  const sort = CASELOAD_SORTS.includes(values.tri as CaseloadSort) ? (values.tri as CaseloadSort) : "audience";
  const assignee = values.attribution === "moi" ? "me" : values.attribution === "personne" ? "none" : values.attribution;
  const page = Number.parseInt(one(sp.page) ?? "1", 10);
  const within = DEADLINE_WINDOWS.find((d) => String(d) === values.echeance);

  const [caseload, options] = await Promise.all([
    listCases(db, user, {
      teamId: team.id,
      state,
      openOnly: values.etat !== "tous",
      sectorId: values.secteur || undefined,
      assignee: assignee || undefined,
      q: values.q,
      deadlineWithinDays: within,
      sort,
      now: new Date(),
      page: Number.isFinite(page) ? page : 1,
    }),
    getTeamOptions(db, user, team.id),
  ]);
  // Issue 15: nothing "En cours" for a search: offer the closed cases too (they show as "Clôturé").
  const searchClosedToo = caseload.total === 0 && !!values.q?.trim() && !state && values.etat !== "tous";
  const widerHref = `/dossiers?${new URLSearchParams(Object.entries({ ...values, etat: "tous" }).filter((e): e is [string, string] => !!e[1])).toString()}`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Dossiers de l&apos;équipe</h1>
        {canCreateHousehold(user, team.id) ? (
          <Link href="/dossiers/nouveau" className={buttonClass()}>
            Nouveau ménage
          </Link>
        ) : null}
      </div>
      <CaseloadFilters values={values} sectors={options.sectors} workers={options.workers} deadlineWindows={DEADLINE_WINDOWS} />
      <p role="status" className="font-medium">
        {caseload.total} dossier{caseload.total > 1 ? "s" : ""}
      </p>
      {searchClosedToo ? (
        <p>
          Aucun dossier en cours ne correspond.{" "}
          <Link href={widerHref} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
            Chercher aussi dans les dossiers clôturés
          </Link>
        </p>
      ) : null}
      <CaseList rows={caseload.rows} />
      <Pagination page={caseload.page} pageCount={caseload.pageCount} params={values} />
    </div>
  );
}
