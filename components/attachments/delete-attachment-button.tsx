"use client";

import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { deleteAttachmentAction } from "@/app/(app)/dossiers/[id]/documents/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionState } from "@/lib/validation/action-state";

const INITIAL: ActionState = { status: "idle" };

function ConfirmButton() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="danger" disabled={pending} aria-disabled={pending}>
      {pending ? "Suppression…" : "Confirmer la suppression"}
    </Button>
  );
}

/** Deletes a document after a confirmation (the file is deleted from the storage at once). */
export function DeleteAttachmentButton({ caseId, attachmentId, label }: { caseId: string; attachmentId: string; label: string }) {
  const [asking, setAsking] = useState(false);
  const [state, action] = useActionState(deleteAttachmentAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  if (!asking) {
    return (
      <Button type="button" variant="secondary" onClick={() => setAsking(true)} aria-label={`Supprimer : ${label}`}>
        Supprimer
      </Button>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-2 rounded-md border-2 border-red-700 p-3">
      <FormAlert message={failed?.formError} submission={failed?.submission} />
      <p className="font-medium">Supprimer définitivement « {label} » ?</p>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <div className="flex flex-wrap gap-3">
        <ConfirmButton />
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
