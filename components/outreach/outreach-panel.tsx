"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { SavedNotice } from "@/components/ui/saved-notice";
import { OUTREACH_STEP_LABELS, type ClosureReason, type OutreachKind } from "@/lib/domain/labels";
import type { EventAvailability } from "@/lib/domain/outreach/available-actions";
import type { PendingStep } from "@/lib/domain/outreach/pending-steps";
import { formatDay } from "@/lib/utils/dates";
import { EventForm } from "./event-form";

/** The order of the buttons: the field worker's most frequent steps first. */
const ORDER: OutreachKind[] = ["VISIT", "LETTER_TENANT", "HOUSEHOLD_CONTACT", "LETTER_LANDLORD", "REMINDER", "PHONE_CALL", "SMS", "EMAIL", "LANDLORD_CONTACT", "CLOSURE", "REOPENING"];
const BUTTON_LABELS: Record<OutreachKind | "FIRST_LETTERS", string> = {
  FIRST_LETTERS: "Premiers courriers",
  VISIT: "Visite",
  LETTER_TENANT: "Courrier au locataire",
  HOUSEHOLD_CONTACT: "Le ménage a pris contact",
  LETTER_LANDLORD: "Courrier au bailleur",
  REMINDER: "Relance envoyée",
  PHONE_CALL: "Appel sans réponse",
  SMS: "SMS envoyé",
  EMAIL: "Courriel envoyé",
  LANDLORD_CONTACT: "Le bailleur a pris contact",
  CLOSURE: "Clôturer",
  REOPENING: "Rouvrir",
};

const STEP_KIND: Record<PendingStep["step"], OutreachKind> = {
  LETTER_TENANT: "LETTER_TENANT",
  LETTER_LANDLORD: "LETTER_LANDLORD",
  FIRST_VISIT: "VISIT",
  SECOND_VISIT: "VISIT",
  REMINDER: "REMINDER",
  CLOSURE_NO_CONTACT: "CLOSURE",
  CLOSURE_GONE: "CLOSURE",
};

export interface OutreachPanelProps {
  caseId: string;
  version: number;
  availability: EventAvailability[];
  pending: PendingStep[];
  closureReasons: ClosureReason[];
  /** The event just saved (from the page's URL): its confirmation is shown and focused at the top of the panel. */
  saved?: { id: string; message: string } | null;
  /** Opens this step's form at once (a link such as "Visite" from "Ma tournée"). */
  initialKind?: OutreachKind | null;
}

/** What to do next on this case, and the buttons the workflow allows now (the same rules as the server). */
export function OutreachPanel({ caseId, version, availability, pending, closureReasons, saved, initialKind }: OutreachPanelProps) {
  const available = new Set(availability.filter((a) => a.available).map((a) => a.kind));
  const router = useRouter();
  const [open, setOpen] = useState<OutreachKind | "FIRST_LETTERS" | null>(initialKind && available.has(initialKind) ? initialKind : null);
  const [message, setMessage] = useState<string | null>(null);
  // The main button is the next step of the sequence when there is one (the landlord letter is a side step).
  const nextKinds = pending.filter((p) => p.ready && p.step !== "LETTER_LANDLORD").map((p) => STEP_KIND[p.step]);
  const buttons: Array<OutreachKind | "FIRST_LETTERS"> = ORDER.filter((k) => available.has(k));
  // Issue 15: both first letters due: one step records them together (each button stays).
  if (available.has("LETTER_TENANT") && available.has("LETTER_LANDLORD")) buttons.unshift("FIRST_LETTERS");
  const primary = buttons[0] === "FIRST_LETTERS" ? "FIRST_LETTERS" : (nextKinds.find((k) => available.has(k)) ?? buttons[0]);
  const waitingReminder = availability.find((a) => a.kind === "REMINDER" && !a.available && a.code === "TOO_EARLY");

  const onDone = useCallback(
    (text: string, savedId?: string) => {
      setOpen(null);
      if (savedId) {
        // The page shows the confirmation and the saved event highlighted in the history.
        setMessage(null);
        router.replace(`/dossiers/${caseId}?section=historique&enregistre=${encodeURIComponent(savedId)}`, { scroll: false });
      } else setMessage(text);
    },
    [caseId, router],
  );

  return (
    <div className="flex flex-col gap-4">
      {message ? <SavedNotice message={message} token={message} /> : saved ? <SavedNotice message={saved.message} token={saved.id} /> : null}
      {pending.length > 0 ? (
        <div>
          <h3 className="font-semibold">À faire sur ce dossier</h3>
          <ul className="ml-5 list-disc">
            {pending.map((p) => (
              <li key={p.step}>
                {OUTREACH_STEP_LABELS[p.step]}
                {p.dueOn ? (p.ready ? ` (depuis le ${formatDay(p.dueOn)})` : ` à partir du ${formatDay(p.dueOn)}`) : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {waitingReminder && !waitingReminder.available ? <p className="text-slate-800">{waitingReminder.message}</p> : null}

      {open ? (
        <EventForm key={open} caseId={caseId} version={version} kind={open} closureReasons={closureReasons} onDone={onDone} onCancel={() => setOpen(null)} />
      ) : (
        <div className="flex flex-wrap gap-2">
          {[...buttons].sort((a, b) => Number(b === primary) - Number(a === primary)).map((k) => (
            <button
              key={k}
              type="button"
              className={buttonClass(k === primary ? "primary" : "secondary")}
              onClick={() => {
                setMessage(null);
                setOpen(k);
              }}
            >
              {BUTTON_LABELS[k]}
            </button>
          ))}
          {available.size === 0 ? <p className="text-slate-700">Aucune action possible pour votre rôle sur ce dossier.</p> : null}
        </div>
      )}
    </div>
  );
}
