"use client";

import { useActionState } from "react";
import { createCalendarTokenAction, revokeCalendarTokenAction, setDigestAction } from "@/app/(app)/compte/actions";
import { ActionReport } from "@/components/letters/action-report";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

export function DigestForm({ optedIn }: { optedIn: boolean }) {
  const [state, action] = useActionState(setDigestAction, INITIAL);
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <ActionReport state={state} />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="digest" defaultChecked={optedIn} className="h-5 w-5" />
        Recevoir chaque matin par e-mail le récapitulatif de mes dossiers à traiter
      </label>
      <p className="text-sm text-slate-700">Le message donne des nombres et des numéros de dossier, jamais le nom d&apos;un ménage.</p>
      <div>
        <SubmitButton>Enregistrer mon choix</SubmitButton>
      </div>
    </form>
  );
}

/** The private calendar address: shown once after it is created, revocable. */
export function CalendarForms({ active, origin }: { active: boolean; origin: string }) {
  const [created, create] = useActionState(createCalendarTokenAction, INITIAL);
  const [revoked, revoke] = useActionState(revokeCalendarTokenAction, INITIAL);
  const token = created.status === "success" && created.message?.startsWith("calendar:") ? created.message.slice("calendar:".length) : null;
  // Without a known public origin (no AUTH_URL, no trusted proxy), the address this page was opened at.
  const base = origin || (typeof window !== "undefined" ? window.location.origin : "");
  const url = token ? `${base}/agenda/${token}.ics` : null;
  return (
    <div className="flex flex-col gap-3">
      {url ? (
        <div role="status" className="flex flex-col gap-1 rounded-md border border-emerald-700 bg-emerald-50 p-3 text-emerald-900">
          <p className="font-medium">Votre adresse d&apos;agenda privée (copiez-la maintenant, elle ne sera plus affichée) :</p>
          <label htmlFor="f-calendar-url" className="sr-only">
            Adresse de l&apos;agenda
          </label>
          <input id="f-calendar-url" readOnly value={url} className="w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900" onFocus={(e) => e.currentTarget.select()} />
          <p className="text-sm">Ajoutez-la dans l&apos;agenda de votre téléphone (« s&apos;abonner à un calendrier »). Ne la partagez pas.</p>
        </div>
      ) : (
        <p className="text-slate-800">{active && revoked.status !== "success" ? "Une adresse d'agenda privée est active." : "Aucune adresse d'agenda active."}</p>
      )}
      <ActionReport state={revoked} />
      <div className="flex flex-wrap gap-3">
        <form action={create}>
          <SubmitButton pendingLabel="Création…">{active ? "Remplacer l'adresse de l'agenda" : "Créer une adresse d'agenda"}</SubmitButton>
        </form>
        {active || url ? (
          <form action={revoke}>
            <SubmitButton pendingLabel="Révocation…">Révoquer l&apos;adresse</SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
