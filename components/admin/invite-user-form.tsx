"use client";

import { useActionState } from "react";
import { inviteUserAction, type InvitationState } from "@/app/(app)/administration/utilisateurs/actions";
import { InvitationLink } from "@/components/admin/invitation-link";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";

const INITIAL: InvitationState = { status: "idle" };

export function InviteUserForm({ teams }: { teams: { id: string; name: string }[] }) {
  const [state, action] = useActionState<InvitationState, FormData>(inviteUserAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string) => (failed ? valueAt(failed.values, name) : undefined);
  const err = (name: string) => failed?.fieldErrors[name];
  return (
    <div className="flex flex-col gap-4">
      {state.status === "success" && state.link ? (
        <div className="flex flex-col gap-3 rounded-md border border-emerald-700 bg-emerald-50 p-3">
          <p role="status" className="font-medium text-emerald-900">
            {state.message}
          </p>
          <InvitationLink id="lien-invitation" link={state.link} note={state.mailNote} />
        </div>
      ) : null}
      <form action={action} key={failed?.submission ?? (state.status === "success" ? state.link : "new")} noValidate className="flex flex-col gap-4">
        <FormAlert message={failed?.formError} submission={failed?.submission} />
        <TextField name="name" label="Prénom et nom" autoComplete="off" required maxLength={200} defaultValue={v("name")} errors={err("name")} />
        <TextField name="email" label="Adresse e-mail" type="email" inputMode="email" autoComplete="off" required maxLength={254} defaultValue={v("email")} errors={err("email")} />
        <SelectField name="role" label="Rôle" required defaultValue={v("role") ?? "SOCIAL_WORKER"} errors={err("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <SelectField name="teamId" label="Équipe" required defaultValue={v("teamId") ?? teams[0]?.id} errors={err("teamId")}>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SubmitButton pendingLabel="Création…">Créer l&apos;invitation</SubmitButton>
      </form>
    </div>
  );
}
