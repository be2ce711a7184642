"use client";

import { useActionState } from "react";
import { confirmLettersAction } from "@/app/(app)/courriers/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LetterKind } from "@/lib/domain/letters/kinds";
import type { ActionState } from "@/lib/validation/action-state";
import { ActionReport } from "./action-report";

const INITIAL: ActionState = { status: "idle" };

/**
 * "Courriers envoyés": after printing and posting, the user confirms; the
 * cases (with the version each had on the page) get their letter event.
 * Printing alone records nothing.
 */
export function ConfirmLettersForm({
  teamId,
  kind,
  cases,
  today,
  submitLabel = "Confirmer l'envoi",
  idPrefix = "envoi",
}: {
  teamId: string;
  kind: LetterKind;
  cases: { id: string; version: number }[];
  today: string;
  submitLabel?: string;
  idPrefix?: string;
}) {
  const [state, action] = useActionState(confirmLettersAction, INITIAL);
  const dayError = state.status === "error" ? state.fieldErrors.day : undefined;
  // Once confirmed, the page comes back without these cases: the form stays to show its report.
  if (cases.length === 0) return <ActionReport state={state} />;
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <ActionReport state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="kind" value={kind} />
      {cases.map((c, i) => (
        <span key={c.id} hidden>
          <input type="hidden" name={`cases[${i}].id`} value={c.id} />
          <input type="hidden" name={`cases[${i}].version`} value={c.version} />
        </span>
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          {/* Several of these forms share a page: the ids carry a prefix (components/ui/field.tsx derives them from the name). */}
          <div className="text-sm font-medium text-slate-800">
            <label htmlFor={`${idPrefix}-jour`}>Date d&apos;envoi</label>
            <span aria-hidden="true" className="text-red-700"> *</span>
          </div>
          <input
            id={`${idPrefix}-jour`}
            name="day"
            type="date"
            required
            aria-required
            defaultValue={today}
            max={today}
            aria-invalid={dayError ? true : undefined}
            aria-describedby={dayError ? `${idPrefix}-jour-err` : undefined}
            className="w-48 rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700"
          />
          {dayError ? (
            <p id={`${idPrefix}-jour-err`} className="text-sm font-medium text-red-700">
              {dayError.join(" ")}
            </p>
          ) : null}
        </div>
        <SubmitButton pendingLabel="Enregistrement…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
