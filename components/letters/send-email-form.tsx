"use client";

import { useActionState } from "react";
import { sendLetterEmailAction } from "@/app/(app)/courriers/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";
import { ActionReport } from "./action-report";

const INITIAL: ActionState = { status: "idle" };

/** Sends the letter by e-mail (text and PDF); the e-mail is recorded only once the server accepted it. */
export function SendEmailForm({ caseId, version, kind, email, label }: { caseId: string; version: number; kind: "TENANT_FIRST_LETTER" | "REMINDER"; email: string; label: string }) {
  const [state, action] = useActionState(sendLetterEmailAction, INITIAL);
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <ActionReport state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="kind" value={kind} />
      <div>
        <SubmitButton pendingLabel="Envoi en cours…">{label}</SubmitButton>
      </div>
      <p className="text-sm text-slate-700">À : {email}. Le courrier est dans le texte de l&apos;e-mail et joint en PDF.</p>
    </form>
  );
}
