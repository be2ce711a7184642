"use client";

import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { deleteLedgerLineAction } from "@/app/(app)/dossiers/[id]/audience/actions";
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

/** Asks before removing a month from the ledger. */
export function DeleteLineForm({ caseId, lineId, token, label, onDone, onCancel }: { caseId: string; lineId: string; token: string; label: string; onDone: (message: string) => void; onCancel: () => void }) {
  const [state, action] = useActionState(deleteLedgerLineAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Supprimé.");
  }, [state, onDone]);
  return (
    <section aria-labelledby="titre-suppression" className="rounded-lg border-2 border-red-700 bg-white p-4">
      <h3 id="titre-suppression" ref={headingRef} tabIndex={-1} className="mb-3 text-lg font-semibold">
        Supprimer {label} du relevé ?
      </h3>
      <form action={action} className="flex flex-col gap-3">
        <FormAlert message={failed?.formError} submission={failed?.submission} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="lineId" value={lineId} />
        <input type="hidden" name="token" value={token} />
        <div className="flex flex-wrap gap-3">
          <ConfirmButton />
          <Button type="button" variant="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </div>
      </form>
    </section>
  );
}
