import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TeamAdmin } from "@/components/admin/team-admin";
import { canManageTeam } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { getTeamAdmin } from "@/lib/server/queries/get-team-admin";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Équipes" };

/**
 * Issue 15: an administrator manages each of their teams: its name and
 * département, partner organisations, sectors with the postcodes and
 * communes they cover, members and roles. The letterhead and contact details
 * are edited with the letters (Courriers › Modèles), by coordinators too.
 */
export default async function TeamsAdminPage({ searchParams }: { searchParams: Promise<{ equipe?: string }> }) {
  const user = await requireUser();
  const teams = user.teams.filter((t) => canManageTeam(user, t.id));
  if (teams.length === 0) notFound();
  const { equipe } = await searchParams;
  const chosen = teams.find((t) => t.id === equipe) ?? teams[0]!;
  const team = await getTeamAdmin(db, user, chosen.id);
  if (!team) notFound();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Équipe : {team.name}</h1>
      {teams.length > 1 ? (
        <nav aria-label="Vos équipes">
          <ul className="flex flex-wrap gap-3">
            {teams.map((t) => (
              <li key={t.id}>
                <Link href={`/administration/equipes?equipe=${t.id}`} aria-current={t.id === team.id ? "page" : undefined} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="text-slate-700">
        Le téléphone, l&apos;e-mail et l&apos;adresse imprimés sur les courriers se modifient dans{" "}
        <Link href="/courriers/modeles" className="font-medium text-blue-800 underline underline-offset-4">
          Courriers › Modèles
        </Link>
        .
      </p>
      <TeamAdmin team={team} currentUserId={user.id} />
    </div>
  );
}
