"use client";

import { useActionState, useState } from "react";
import { recordReferralAction, recordReferralFollowUpAction, sendReferralEmailAction } from "@/app/(app)/dossiers/[id]/orientations/actions";
import { ActionReport } from "@/components/letters/action-report";
import { FieldFrame, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { PARTNER_KIND_SHORT, type PartnerKind } from "@/lib/domain/referrals/partners";
import { CONSENT_LABELS, CONSENT_KINDS, FOLLOW_UP_EVENT_LABELS, SHARED_ITEM_LABELS, SHARED_ITEMS, type ConsentKind, type FollowUpEvent } from "@/lib/domain/referrals/referral";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

export const NO_CONSENT_FORM_NOTICE =
  "Sans l'accord du ménage, aucune donnée personnelle n'est transmise : le courrier ne donnera ni nom, ni adresse, ni situation. Proposez au ménage de contacter lui-même le partenaire.";

export interface PartnerOption {
  id: string;
  kind: PartnerKind;
  name: string;
  suggested: boolean;
}

/** A new referral: the partner, why, the household's consent and what it allows to share. */
export function ReferralForm({ caseId, partners, today, authorName }: { caseId: string; partners: PartnerOption[]; today: string; authorName: string }) {
  const [state, action] = useActionState(recordReferralAction, INITIAL);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  const v = (name: string, fallback = "") => valueAt(values, name) ?? fallback;
  const [consent, setConsent] = useState<ConsentKind | "">((v("consent") as ConsentKind) || "");
  const key = state.status === "error" ? state.submission : state.status;
  const suggested = partners.filter((p) => p.suggested);
  const others = partners.filter((p) => !p.suggested);
  return (
    <form key={String(key)} action={action} noValidate className="flex flex-col gap-3">
      <ActionReport state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField name="partnerId" label="Partenaire" required errors={errors.partnerId} defaultValue={v("partnerId", suggested[0]?.id ?? "")}>
        <option value="">Choisir…</option>
        {suggested.length ? (
          <optgroup label="Suggérés pour ce ménage">
            {suggested.map((p) => (
              <option key={p.id} value={p.id}>
                {PARTNER_KIND_SHORT[p.kind]} — {p.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="Tout l'annuaire">
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {PARTNER_KIND_SHORT[p.kind]} — {p.name}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <TextField name="referredOn" type="date" label="Date de l'orientation" required max={today} errors={errors.referredOn} defaultValue={v("referredOn", today)} />
      <TextAreaField name="reason" label="Pourquoi cette orientation" required errors={errors.reason} defaultValue={v("reason")} />
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.consent ? "f-consent-err" : undefined}>
        <legend className="text-sm font-medium text-slate-800">
          Accord du ménage <span aria-hidden="true" className="text-red-700">*</span>
        </legend>
        {CONSENT_KINDS.map((k) => (
          <label key={k} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="consent" value={k} checked={consent === k} onChange={() => setConsent(k)} className="h-5 w-5" />
            {CONSENT_LABELS[k]}
          </label>
        ))}
        {errors.consent ? (
          <p id="f-consent-err" className="text-sm font-medium text-red-700">
            {errors.consent.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {consent === "NONE" ? (
        <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3 font-medium text-amber-900">
          {NO_CONSENT_FORM_NOTICE}
        </p>
      ) : null}
      {consent === "ORAL" || consent === "SIGNED" ? (
        <>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField name="consentOn" type="date" label="Date de l'accord" required max={today} errors={errors.consentOn} defaultValue={v("consentOn", today)} />
            <TextField name="consentCollectedBy" label="Accord recueilli par" required errors={errors.consentCollectedBy} defaultValue={v("consentCollectedBy", authorName)} />
          </div>
          <fieldset className="flex flex-col gap-1" aria-describedby={errors.shared ? "f-shared-err" : undefined}>
            <legend className="text-sm font-medium text-slate-800">Ce que le ménage accepte de transmettre</legend>
            {SHARED_ITEMS.map((item) => (
              <label key={item} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name={`shared.${item}`} defaultChecked={values ? v(`shared.${item}`) === "on" : item === "IDENTITY" || item === "REASON"} className="h-5 w-5" />
                {SHARED_ITEM_LABELS[item]}
              </label>
            ))}
            {errors.shared ? (
              <p id="f-shared-err" className="text-sm font-medium text-red-700">
                {errors.shared.join(" ")}
              </p>
            ) : null}
          </fieldset>
        </>
      ) : null}
      <div>
        <SubmitButton>Enregistrer l&apos;orientation</SubmitButton>
      </div>
    </form>
  );
}

/** "RDV pris le …", "reçu", "sans suite". */
export function FollowUpForm({ caseId, referralId, version, events, today, label }: { caseId: string; referralId: string; version: number; events: FollowUpEvent[]; today: string; label: string }) {
  const [state, action] = useActionState(recordReferralFollowUpAction, INITIAL);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const [event, setEvent] = useState<FollowUpEvent | "">("");
  const prefix = `suite-${referralId}`;
  return (
    <form action={action} noValidate className="flex flex-col gap-2" aria-label={label}>
      <ActionReport state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
      <FieldFrame name={`${prefix}-event`} label="Suite de l'orientation" errors={errors.event}>
        {(a11y) => (
          <select {...a11y} name="event" value={event} onChange={(e) => setEvent(e.target.value as FollowUpEvent)} className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base">
            <option value="">Choisir…</option>
            {events.map((e) => (
              <option key={e} value={e}>
                {FOLLOW_UP_EVENT_LABELS[e]}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {event === "APPOINTMENT" ? (
        <FieldFrame name={`${prefix}-date`} label="Date du rendez-vous" errors={errors.appointmentOn} required>
          {(a11y) => <input {...a11y} type="date" name="appointmentOn" defaultValue={today} className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base" />}
        </FieldFrame>
      ) : null}
      <div>
        <SubmitButton>Enregistrer la suite</SubmitButton>
      </div>
    </form>
  );
}

export function ReferralEmailForm({ caseId, referralId, email }: { caseId: string; referralId: string; email: string }) {
  const [state, action] = useActionState(sendReferralEmailAction, INITIAL);
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <ActionReport state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="referralId" value={referralId} />
      <div>
        <SubmitButton pendingLabel="Envoi en cours…">Envoyer par e-mail à {email}</SubmitButton>
      </div>
    </form>
  );
}
