import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canManageTeams, canManageUsers, canViewAuditLog, canViewTeamMembers } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Administration" };

/**
 * The administration hub (issue 8). Administrators manage accounts and see
 * the whole journal; coordinators see their team's members and the journal
 * of their team's cases. Every linked page checks its own permission again.
 */
export default async function AdministrationPage() {
  const user = await requireUser();
  const admin = canManageUsers(user);
  const members = user.teamIds.some((t) => canViewTeamMembers(user, t));
  if (!admin && !members && !canViewAuditLog(user)) notFound();
  const links = [
    ...(admin || members
      ? [{ href: "/administration/utilisateurs", title: admin ? "Comptes" : "Membres de l'équipe", text: admin ? "Inviter, désactiver, déverrouiller les comptes de vos équipes." : "Qui fait partie de l'équipe, et leur dernière connexion." }]
      : []),
    ...(canManageTeams(user)
      ? [{ href: "/administration/equipes", title: "Équipes", text: "Nom et territoire, organisations partenaires, secteurs et codes postaux, membres et rôles." }]
      : []),
    ...(canViewAuditLog(user)
      ? [{ href: "/administration/journal", title: "Journal", text: admin ? "Toutes les modifications et consultations de dossiers." : "Modifications et consultations des dossiers de l'équipe." }]
      : []),
    ...(admin ? [{ href: "/administration/retention", title: "Conservation des données", text: "Anonymisation des dossiers clos après la durée fixée." }] : []),
  ];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Administration</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {links.map((l) => (
          <li key={l.href} className="rounded-lg border border-slate-300 bg-white p-4">
            <Link href={l.href} className="text-lg font-semibold text-blue-800 underline underline-offset-4">
              {l.title}
            </Link>
            <p className="mt-1 text-slate-700">{l.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
