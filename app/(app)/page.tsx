import type { Metadata } from "next";
import Link from "next/link";
import { CaseList } from "@/components/caseload/case-list";
import { StateCounts } from "@/components/caseload/state-counts";
import { buttonClass } from "@/components/ui/button";
import { canAdminister, canCreateHousehold } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { countCasesByState } from "@/lib/server/queries/case-counts";
import { listCases } from "@/lib/server/queries/list-cases";
import { requireUser, type CurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Accueil" };

export default async function HomePage() {
  const user = await requireUser();
  const team = user.teams[0];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Bonjour {user.name}</h1>
      {!team ? (
        <p>Votre compte n&apos;est rattaché à aucune équipe. Demandez à l&apos;administrateur de vous ajouter à une équipe.</p>
      ) : user.role === "SOCIAL_WORKER" || user.role === "JURIST" ? (
        <FieldHome user={user} teamId={team.id} />
      ) : user.role === "ADMIN" ? (
        <AdminHome user={user} teamId={team.id} />
      ) : (
        <TeamOverview user={user} teamId={team.id} teamName={team.name} />
      )}
    </div>
  );
}

async function FieldHome({ user, teamId }: { user: CurrentUser; teamId: string }) {
  const mine = await listCases(db, user, { teamId, assignee: "me", openOnly: true, sort: "audience" });
  return (
    <>
      <div className="flex flex-wrap gap-3">
        {canCreateHousehold(user, teamId) ? (
          <Link href="/dossiers/nouveau" className={buttonClass()}>
            Nouveau ménage
          </Link>
        ) : null}
        <Link href="/dossiers" className={buttonClass("secondary")}>
          Tous les dossiers de l&apos;équipe
        </Link>
      </div>
      <section aria-labelledby="mes-dossiers" className="flex flex-col gap-3">
        <h2 id="mes-dossiers" className="text-xl font-semibold">
          Mes dossiers en cours ({mine.total})
        </h2>
        <p className="text-sm text-slate-700">Classés par date d&apos;audience, la plus proche d&apos;abord.</p>
        <CaseList rows={mine.rows} emptyText="Aucun dossier en cours ne vous est attribué." />
        {mine.total > mine.rows.length ? (
          <Link href="/dossiers?attribution=moi" className="font-medium text-blue-800 underline underline-offset-4">
            Voir mes {mine.total} dossiers
          </Link>
        ) : null}
      </section>
    </>
  );
}

async function TeamOverview({ user, teamId, teamName }: { user: CurrentUser; teamId: string; teamName: string }) {
  const counts = await countCasesByState(db, user, teamId);
  return (
    <>
      <p className="text-slate-700">{teamName}</p>
      <StateCounts counts={counts} caption="Dossiers de l'équipe par étape" />
      <div className="flex flex-wrap gap-3">
        {user.role === "COORDINATOR" ? (
          <Link href="/dossiers" className={buttonClass()}>
            Voir les dossiers
          </Link>
        ) : null}
        <Link href="/indicateurs" className={buttonClass("secondary")}>
          Indicateurs
        </Link>
      </div>
    </>
  );
}

function AdminHome({ user, teamId }: { user: CurrentUser; teamId: string }) {
  return (
    <div className="flex flex-col gap-3">
      <p>Gérez les équipes, les comptes et les conventions de financement.</p>
      {canAdminister(user) ? (
        <Link href="/administration" className={`${buttonClass()} self-start`}>
          Comptes de l&apos;équipe
        </Link>
      ) : null}
      <p className="text-sm text-slate-700">Équipe : {user.teams.find((t) => t.id === teamId)?.name}</p>
    </div>
  );
}
