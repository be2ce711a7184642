"use client";

import { useActionState } from "react";
import { saveSheetTemplateAction } from "@/app/(app)/fiche-menage/actions";
import { ActionReport } from "@/components/letters/action-report";
import { TextAreaField, TextField } from "@/components/ui/field";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_BLOCK_LENGTH, SHEET_BLOCK_KEYS, SHEET_BLOCKS, type SheetBlocks } from "@/lib/domain/household-sheet/template";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

/** The jurist's review of the sheet's texts: saving makes a new version; the dated sentences stay the engine's. */
export function SheetTemplateForm({ teamId, version, blocks }: { teamId: string; version: number; blocks: SheetBlocks }) {
  const [state, action] = useActionState(saveSheetTemplateAction, INITIAL);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  const key = state.status === "error" ? state.submission : `${state.status}-${version}`;
  return (
    <form key={String(key)} action={action} noValidate className="flex flex-col gap-3">
      <ActionReport state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="version" value={version} />
      {SHEET_BLOCK_KEYS.map((k) => (
        <TextAreaField
          key={k}
          name={`blocks.${k}`}
          label={SHEET_BLOCKS[k]}
          required
          maxLength={MAX_BLOCK_LENGTH}
          errors={errors[`blocks.${k}`]}
          defaultValue={valueAt(values, `blocks.${k}`) ?? blocks[k]}
        />
      ))}
      <TextField name="note" label="Note de relecture (facultatif)" errors={errors.note} defaultValue={valueAt(values, "note") ?? ""} />
      <div>
        <SubmitButton>Enregistrer une nouvelle version</SubmitButton>
      </div>
    </form>
  );
}
