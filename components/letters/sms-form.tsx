"use client";

import { useActionState } from "react";
import { sendSmsAction } from "@/app/(app)/courriers/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/validation/action-state";
import { ActionReport } from "./action-report";

const INITIAL: ActionState = { status: "idle" };

/**
 * The SMS is sent from the team's phone today (lib/server/sms: manual
 * provider): the page shows the number and a suggested text, and the button
 * records that it was sent.
 */
export function SmsForm({ caseId, version, phone, text }: { caseId: string; version: number; phone: string; text: string }) {
  const [state, action] = useActionState(sendSmsAction, INITIAL);
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <ActionReport state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <p>
        Numéro : <a href={`sms:${phone.replace(/[^\d+]/g, "")}`} className="font-medium text-blue-800 underline underline-offset-4">{phone}</a>
      </p>
      <figure className="rounded-md border border-slate-300 bg-slate-50 p-3">
        <figcaption className="text-sm font-medium text-slate-700">Texte proposé</figcaption>
        <p className="mt-1">{text}</p>
      </figure>
      <div>
        <SubmitButton pendingLabel="Enregistrement…">J&apos;ai envoyé le SMS</SubmitButton>
      </div>
    </form>
  );
}
