"use client";

import { useActionState } from "react";
import { saveProcedureSettingAction } from "@/app/(app)/reglages/actions";
import { FieldFrame } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SettingDefinition } from "@/lib/domain/procedure/settings";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

const control =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** One setting's form: its value, saved on its own (a change recomputes the team's deadlines). */
export function ProcedureSettingForm({ teamId, definition, value, token }: { teamId: string; definition: SettingDefinition; value: string; token: string }) {
  const [state, action] = useActionState(saveProcedureSettingAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const shown = valueAt(failed?.values, "value") ?? value;
  const input = definition.input;
  const label = `Nouvelle valeur${input.kind === "choice" ? "" : ` (${input.unit})`}`;
  return (
    <form action={action} key={failed?.submission ?? token} noValidate className="flex flex-col gap-3">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      {state.status === "success" ? (
        <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-2 font-medium text-emerald-900">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="key" value={definition.key} />
      <input type="hidden" name="token" value={token} />
      {/* Several forms on one page: the ids come from the setting's key, the field's name stays "value". */}
      <FieldFrame
        name={`value-${definition.key}`}
        label={label}
        errors={failed?.fieldErrors.value}
        hint={input.kind === "choice" ? undefined : `Entre ${String(input.min).replace(".", ",")} et ${String(input.max).replace(".", ",")}.`}
      >
        {(a11y) =>
          input.kind === "choice" ? (
            <select name="value" defaultValue={shown} className={control} {...a11y}>
              {input.choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          ) : (
            <input name="value" inputMode={input.kind === "integer" ? "numeric" : "decimal"} defaultValue={shown.replace(".", ",")} className={control} {...a11y} />
          )
        }
      </FieldFrame>
      <SubmitButton>Enregistrer ce réglage</SubmitButton>
    </form>
  );
}
