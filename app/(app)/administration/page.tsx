import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canAdminister } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { listTeamUsers } from "@/lib/server/queries/list-team-users";
import { requireUser } from "@/lib/server/session";
import { formatInstant } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Administration" };

export default async function AdministrationPage() {
  const user = await requireUser();
  if (!canAdminister(user)) notFound();
  const users = await listTeamUsers(db, user);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Comptes</h1>
      <ul className="flex flex-col gap-2">
        {users.map((u) => (
          <li key={u.id} className="rounded-md border border-slate-300 bg-white p-3">
            <p className="font-semibold">
              {u.name} {u.active ? null : <span className="font-normal text-red-800">(désactivé)</span>}
            </p>
            <p className="text-sm text-slate-700">
              {u.email} · {ROLE_LABELS[u.role]} · {u.teams.join(", ") || "Aucune équipe"}
            </p>
            <p className="text-sm text-slate-700">{u.lastLoginAt ? `Dernière connexion le ${formatInstant(u.lastLoginAt)}` : "Jamais connecté"}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
