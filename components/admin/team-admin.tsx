"use client";

import { useActionState } from "react";
import {
  addPartnerOrganisationAction,
  addTeamMemberAction,
  deleteSectorAction,
  removeTeamMemberAction,
  saveSectorAction,
  saveTeamDetailsAction,
  setMemberRoleAction,
  unlinkPartnerOrganisationAction,
} from "@/app/(app)/administration/equipes/actions";
import { errorKey, SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from "@/lib/domain/labels";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain/roles";
import type { ActionState } from "@/lib/validation/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export interface TeamAdminProps {
  team: {
    id: string;
    name: string;
    departement: string;
    territory: string | null;
    organisations: { id: string; name: string; kind: OrganisationKind }[];
    sectors: { id: string; name: string; areas: string; cases: number }[];
    members: { id: string; name: string; email: string; role: Role; active: boolean }[];
  };
  currentUserId: string;
}

/**
 * One small form posting to one action, with its result beside it: the
 * success as a status, the refusal as an alert, field errors on the fields.
 */
function ActionForm({
  action,
  teamId,
  label,
  children,
  className = "flex flex-col gap-3",
  variant,
}: {
  action: Action;
  teamId: string;
  label: string;
  children?: (ctx: { v: (name: string) => string | undefined; err: (name: string) => string[] | undefined }) => React.ReactNode;
  className?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, run] = useActionState<ActionState, FormData>(action, { status: "idle" });
  const failed = state.status === "error" ? state : undefined;
  const v = (name: string) => valueAt(failed?.values, errorKey(name));
  const err = (name: string) => failed?.fieldErrors[errorKey(name)];
  return (
    <form action={run} key={failed?.submission ?? "ok"} noValidate className={className}>
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      {state.status === "success" && state.message ? (
        <p role="status" className="font-medium text-emerald-900">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="teamId" value={teamId} />
      {children?.({ v, err })}
      <SubmitButton pendingLabel="Enregistrement…" variant={variant}>
        {label}
      </SubmitButton>
    </form>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function TeamAdmin({ team, currentUserId }: TeamAdminProps) {
  return (
    <div className="flex flex-col gap-6">
      <Section id="titre-equipe" title="Nom et territoire">
        <ActionForm action={saveTeamDetailsAction} teamId={team.id} label="Enregistrer l'équipe">
          {({ v, err }) => (
            <>
              <TextField name="name" label="Nom de l'équipe" required defaultValue={v("name") ?? team.name} errors={err("name")} />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField name="departement" label="Département" required defaultValue={v("departement") ?? team.departement} errors={err("departement")} />
                <TextField name="territory" label="Territoire" defaultValue={v("territory") ?? team.territory ?? ""} errors={err("territory")} />
              </div>
            </>
          )}
        </ActionForm>
      </Section>

      <Section id="titre-partenaires" title="Organisations partenaires">
        {team.organisations.length === 0 ? <p>Aucune organisation partenaire.</p> : null}
        <ul className="flex flex-col gap-3">
          {team.organisations.map((o) => (
            <li key={o.id} aria-label={o.name} className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
              <span>
                <span className="font-medium">{o.name}</span> <span className="text-slate-700">({ORGANISATION_KIND_LABELS[o.kind]})</span>
              </span>
              <ActionForm action={unlinkPartnerOrganisationAction} teamId={team.id} label={`Retirer ${o.name}`} variant="secondary" className="flex flex-col gap-2">
                {() => <input type="hidden" name="organisationId" value={o.id} />}
              </ActionForm>
            </li>
          ))}
        </ul>
        <h3 className="text-lg font-semibold">Ajouter un partenaire</h3>
        <ActionForm action={addPartnerOrganisationAction} teamId={team.id} label="Ajouter le partenaire">
          {({ v, err }) => (
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="name" label="Nom de l'organisation" required autoComplete="off" defaultValue={v("name")} errors={err("name")} />
              <SelectField name="kind" label="Type" required defaultValue={v("kind") ?? "ASSOCIATION"} errors={err("kind")}>
                {Object.entries(ORGANISATION_KIND_LABELS).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </SelectField>
            </div>
          )}
        </ActionForm>
      </Section>

      <Section id="titre-secteurs" title="Secteurs">
        <p className="text-sm text-slate-700">
          Un nouveau ménage (saisi ou importé) est placé dans le secteur qui couvre son code postal, sinon sa commune. Séparez les codes postaux et les
          communes par des virgules.
        </p>
        <ul className="flex flex-col gap-4">
          {team.sectors.map((s) => (
            <li key={s.id} aria-label={`Secteur ${s.name}`} className="flex flex-col gap-3 border-b border-slate-200 pb-4">
              <ActionForm action={saveSectorAction} teamId={team.id} label={`Enregistrer le secteur ${s.name}`}>
                {({ v, err }) => (
                  <>
                    <input type="hidden" name="sectorId" value={s.id} />
                    <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
                      <TextField name="name" label={`Nom (${s.cases} dossier${s.cases > 1 ? "s" : ""})`} required autoComplete="off" defaultValue={v("name") ?? s.name} errors={err("name")} />
                      <TextField name="areas" label="Codes postaux et communes" autoComplete="off" defaultValue={v("areas") ?? s.areas} errors={err("areas")} />
                    </div>
                  </>
                )}
              </ActionForm>
              {s.cases === 0 ? (
                <ActionForm action={deleteSectorAction} teamId={team.id} label={`Supprimer le secteur ${s.name}`} variant="danger">
                  {() => <input type="hidden" name="sectorId" value={s.id} />}
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
        <h3 className="text-lg font-semibold">Nouveau secteur</h3>
        <ActionForm action={saveSectorAction} teamId={team.id} label="Créer le secteur">
          {({ v, err }) => (
            <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
              <TextField name="name" label="Nom du nouveau secteur" required autoComplete="off" defaultValue={v("name")} errors={err("name")} />
              <TextField name="areas" label="Codes postaux et communes du nouveau secteur" autoComplete="off" defaultValue={v("areas")} errors={err("areas")} />
            </div>
          )}
        </ActionForm>
      </Section>

      <Section id="titre-membres" title="Membres et rôles">
        <ul className="flex flex-col gap-4">
          {team.members.map((m) => (
            <li key={m.id} aria-label={m.name} className="flex flex-col gap-3 border-b border-slate-200 pb-4">
              <p>
                <span className="font-medium">{m.name}</span> <span className="break-all text-slate-700">{m.email}</span>
                {m.active ? null : <span className="text-slate-700"> (inactif ou invitation en attente)</span>}
              </p>
              {m.id === currentUserId ? (
                <p className="text-sm text-slate-700">{ROLE_LABELS[m.role]} (votre compte : un autre administrateur peut changer votre rôle).</p>
              ) : (
                <div className="flex flex-wrap items-end gap-3">
                  <ActionForm action={setMemberRoleAction} teamId={team.id} label={`Changer le rôle de ${m.name}`} className="flex flex-wrap items-end gap-3">
                    {({ v, err }) => (
                      <>
                        <input type="hidden" name="userId" value={m.id} />
                        <SelectField name="role" label={`Rôle de ${m.name}`} defaultValue={v("role") ?? m.role} errors={err("role")}>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {ROLE_LABELS[r]}
                            </option>
                          ))}
                        </SelectField>
                      </>
                    )}
                  </ActionForm>
                  <ActionForm action={removeTeamMemberAction} teamId={team.id} label={`Retirer ${m.name} de l'équipe`} variant="secondary">
                    {() => <input type="hidden" name="userId" value={m.id} />}
                  </ActionForm>
                </div>
              )}
            </li>
          ))}
        </ul>
        <h3 className="text-lg font-semibold">Ajouter une personne d&apos;une autre de vos équipes</h3>
        <ActionForm action={addTeamMemberAction} teamId={team.id} label="Ajouter à l'équipe">
          {({ v, err }) => <TextField name="email" label="Adresse e-mail du compte" type="email" required autoComplete="off" defaultValue={v("email")} errors={err("email")} />}
        </ActionForm>
        <p className="text-sm text-slate-700">Une nouvelle personne est invitée depuis la page Comptes.</p>
      </Section>
    </div>
  );
}
