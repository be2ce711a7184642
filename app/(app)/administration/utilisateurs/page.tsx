import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { UserActionButton } from "@/components/admin/user-action-button";
import { ACCOUNT_STATUS_LABELS, INVITATION_DAYS } from "@/lib/domain/accounts/account-status";
import { canManageUsers, canViewTeamMembers } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { listInvitableTeams, listUsers, type UserRow } from "@/lib/server/queries/list-users";
import { requireUser } from "@/lib/server/session";
import { formatInstant, parisTime } from "@/lib/utils/dates";
import { renewInvitationAction, resetUserTotpAction, setUserActiveAction, unlockUserAction } from "./actions";

export const metadata: Metadata = { title: "Comptes" };

const STATUS_STYLE: Record<UserRow["status"], string> = {
  ACTIVE: "border-emerald-700 text-emerald-900",
  LOCKED: "border-red-700 text-red-800",
  INVITED: "border-blue-800 text-blue-900",
  INVITATION_EXPIRED: "border-amber-700 text-amber-900",
  DEACTIVATED: "border-slate-600 text-slate-700",
};

export default async function UsersPage() {
  const user = await requireUser();
  const manages = canManageUsers(user);
  if (!manages && !user.teamIds.some((t) => canViewTeamMembers(user, t))) notFound();
  const now = new Date();
  const [users, teams] = await Promise.all([listUsers(db, user, now), listInvitableTeams(db, user)]);
  return (
    <div className="flex flex-col gap-6">
      <Link href="/administration" className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Administration
      </Link>
      <h1 className="text-2xl font-bold">{manages ? "Comptes" : "Membres de l'équipe"}</h1>
      {manages ? null : <p className="text-slate-700">Seul un administrateur peut inviter, désactiver ou déverrouiller un compte.</p>}
      {manages && teams.length ? (
        <section aria-labelledby="inviter" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="inviter" className="mb-1 text-lg font-semibold">
            Inviter une personne
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            Le compte reste inactif jusqu&apos;à ce que la personne choisisse son mot de passe avec le lien, valable {INVITATION_DAYS} jours et une seule fois.
          </p>
          <InviteUserForm teams={teams} />
        </section>
      ) : null}
      <section aria-labelledby="liste-comptes" className="flex flex-col gap-3">
        <h2 id="liste-comptes" className="text-lg font-semibold">
          {users.length} compte{users.length > 1 ? "s" : ""}
        </h2>
        <ul className="flex flex-col gap-2">
          {users.map((u) => (
            <li key={u.id} className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3" aria-label={u.name}>
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <p className="font-semibold">{u.name}</p>
                <span className={`rounded border px-2 py-0.5 text-sm font-medium ${STATUS_STYLE[u.status]}`}>{ACCOUNT_STATUS_LABELS[u.status]}</span>
                {u.totpEnabled ? <span className="text-sm text-slate-700">Double authentification</span> : null}
              </div>
              <p className="break-all text-sm text-slate-700">
                {u.email} · {ROLE_LABELS[u.role]} · {u.teams.join(", ") || "Aucune équipe"}
              </p>
              <p className="text-sm text-slate-700">
                {u.status === "LOCKED" && u.lockedUntil ? `Verrouillé jusqu'à ${parisTime(u.lockedUntil).replace(":", " h ")} · ` : null}
                {u.invitationExpiresAt && u.status === "INVITED" ? `Invitation valable jusqu'au ${formatInstant(u.invitationExpiresAt)} · ` : null}
                {u.lastLoginAt ? `Dernière connexion le ${formatInstant(u.lastLoginAt)}` : "Jamais connecté"}
              </p>
              {manages && u.manageable && !u.isSelf ? <UserActions user={u} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function UserActions({ user }: { user: UserRow }) {
  const invited = user.status === "INVITED" || user.status === "INVITATION_EXPIRED";
  return (
    <div className="flex flex-wrap gap-3">
      {user.status === "LOCKED" ? <UserActionButton key="unlock" action={unlockUserAction} userId={user.id} label="Déverrouiller" /> : null}
      {invited ? <UserActionButton key="renew" action={renewInvitationAction} userId={user.id} label="Nouveau lien d'invitation" /> : null}
      {user.totpEnabled ? (
        <UserActionButton key="totp" action={resetUserTotpAction} userId={user.id} label="Retirer la double authentification" confirm={`Retirer la double authentification de ${user.name} ? Ses sessions seront fermées.`} />
      ) : null}
      {user.status === "DEACTIVATED" ? (
        <UserActionButton key="reactivate" action={setUserActiveAction} userId={user.id} extra={{ active: "true" }} label="Réactiver" />
      ) : user.status !== "INVITATION_EXPIRED" ? (
        <UserActionButton
          key="deactivate"
          action={setUserActiveAction}
          userId={user.id}
          extra={{ active: "false" }}
          label={invited ? "Annuler l'invitation" : "Désactiver"}
          variant="danger"
          confirm={invited ? `Annuler l'invitation de ${user.name} ?` : `Désactiver le compte de ${user.name} ? Ses sessions seront fermées tout de suite.`}
        />
      ) : null}
    </div>
  );
}
