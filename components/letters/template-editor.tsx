"use client";

import { useActionState, useMemo, useRef, useState } from "react";
import { resetLetterTemplateAction, saveLetterTemplateAction } from "@/app/(app)/courriers/actions";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { composeLetter, exampleCase, type Letterhead } from "@/lib/domain/letters/compose";
import { LETTER_KIND_LABELS, type LetterKind } from "@/lib/domain/letters/kinds";
import { MERGE_FIELDS } from "@/lib/domain/letters/merge-fields";
import { checkTemplate, describeProblems, fieldsUsed } from "@/lib/domain/letters/template";
import type { ActionState } from "@/lib/validation/action-state";
import { ActionReport } from "./action-report";
import { LetterPreview } from "./letter-preview";

const INITIAL: ActionState = { status: "idle" };

export interface TemplateEditorProps {
  teamId: string;
  kind: LetterKind;
  subject: string;
  body: string;
  version: number;
  isDefault: boolean;
  /** "Modifié le 10/06/2026 par Hélène Rousseau", or null for the default. */
  updatedLabel: string | null;
  letterhead: Letterhead;
  /** The Paris calendar day, "YYYY-MM-DD" (the preview's date). */
  today: string;
}

/**
 * One letter's text: subject and body with the merge fields, a button per
 * field to insert it where the cursor is, and a live preview with a fictitious
 * household. The server checks the fields again when saving and puts any
 * problem next to the field.
 */
export function TemplateEditor(props: TemplateEditorProps) {
  const { teamId, kind, version, isDefault, updatedLabel, letterhead } = props;
  const [state, action] = useActionState(saveLetterTemplateAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  const [subject, setSubject] = useState(() => valueAt(failed?.values, "subject") ?? props.subject);
  const [body, setBody] = useState(() => valueAt(failed?.values, "body") ?? props.body);
  // After a save or a reset elsewhere the page brings a new version: start from its text.
  const [shownVersion, setShownVersion] = useState(`${version}-${isDefault}`);
  if (shownVersion !== `${version}-${isDefault}`) {
    setShownVersion(`${version}-${isDefault}`);
    setSubject(props.subject);
    setBody(props.body);
  }
  const caret = useRef<number | null>(null);

  const today = useMemo(() => new Date(`${props.today}T00:00:00Z`), [props.today]);
  const preview = useMemo(() => composeLetter(kind, { subject, body }, exampleCase(today), letterhead, today), [kind, subject, body, letterhead, today]);
  const problems = useMemo(() => [...describeProblems(checkTemplate(subject), false).map((p) => `Objet : ${p}`), ...describeProblems(checkTemplate(body), true)], [subject, body]);
  const used = useMemo(() => new Set(fieldsUsed(`${subject}\n${body}`)), [subject, body]);

  function insert(name: string) {
    const text = `{{${name}}}`;
    const at = caret.current ?? body.length;
    const next = body.slice(0, at) + text + body.slice(at);
    setBody(next);
    caret.current = at + text.length;
    requestAnimationFrame(() => {
      // The field's id comes from its name (components/ui/field.tsx).
      const el = document.getElementById("f-body") as HTMLTextAreaElement | null;
      if (!el) return;
      el.focus();
      el.setSelectionRange(at + text.length, at + text.length);
    });
  }

  const remember = (e: { currentTarget: HTMLTextAreaElement }) => {
    caret.current = e.currentTarget.selectionStart;
  };

  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">
        {isDefault ? "Texte proposé par l'application (aucune modification enregistrée pour l'équipe)." : updatedLabel}
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <form action={action} noValidate className="flex flex-col gap-3">
          <FormAlert message={failed?.formError} submission={failed?.submission} />
          <ActionReport state={state.status === "success" ? state : INITIAL} />
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="version" value={version} />
          <TextField name="subject" label="Objet" required value={subject} onChange={(e) => setSubject(e.target.value)} errors={failed?.fieldErrors.subject} maxLength={200} />
          <TextAreaField
            name="body"
            label="Texte du courrier"
            required
            hint="Une ligne dont un champ est inconnu pour le ménage (par exemple la date d'audience) est retirée du courrier. {{champ|texte}} écrit « texte » à la place d'un champ inconnu."
            rows={18}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              remember(e);
            }}
            onSelect={remember}
            onKeyUp={remember}
            onClick={remember}
            errors={failed?.fieldErrors.body}
            className="w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 font-mono text-sm leading-relaxed text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700"
          />
          <div>
            <SubmitButton>Enregistrer le modèle</SubmitButton>
          </div>
        </form>
        <section aria-labelledby={`champs-${kind}`} className="flex flex-col gap-2">
          <h3 id={`champs-${kind}`} className="font-semibold">
            Champs disponibles
          </h3>
          <p className="text-sm text-slate-700">Le bouton insère le champ dans le texte, là où se trouve le curseur.</p>
          <ul className="flex flex-col gap-2">
            {MERGE_FIELDS.map((f) => (
              <li key={f.name} className="rounded-md border border-slate-300 p-2">
                <div className="flex items-center justify-between gap-2">
                  <code className="text-sm font-semibold text-slate-900">{`{{${f.name}}}`}</code>
                  <button
                    type="button"
                    onClick={() => insert(f.name)}
                    aria-label={`Insérer {{${f.name}}} dans le texte`}
                    className="rounded border border-slate-500 px-2 py-1 text-sm font-medium hover:bg-slate-100"
                  >
                    Insérer
                  </button>
                </div>
                <p className="text-sm text-slate-700">
                  {f.label}
                  {used.has(f.name) ? <span className="ml-1 font-medium text-emerald-800">(utilisé)</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby={`apercu-${kind}`} className="flex flex-col gap-2">
        <h3 id={`apercu-${kind}`} className="font-semibold">
          Aperçu avec un ménage fictif
        </h3>
        {problems.length ? (
          <div className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
            <p className="font-medium">À corriger avant d&apos;enregistrer :</p>
            <ul className="list-disc pl-5">
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <LetterPreview letter={preview} labelledBy={`apercu-${kind}`} />
      </section>

      {isDefault ? null : <ResetForm teamId={teamId} kind={kind} version={version} />}
    </div>
  );
}

function ResetForm({ teamId, kind, version }: { teamId: string; kind: LetterKind; version: number }) {
  const [state, action] = useActionState(resetLetterTemplateAction, INITIAL);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} noValidate className="flex flex-col gap-2 border-t border-slate-300 pt-3">
      <ActionReport state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="version" value={version} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-3">
          <p>Le texte de l&apos;équipe pour « {LETTER_KIND_LABELS[kind]} » sera remplacé par celui de l&apos;application.</p>
          <SubmitButton pendingLabel="Rétablissement…">Rétablir le texte proposé</SubmitButton>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            Annuler
          </Button>
        </div>
      ) : (
        <div>
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
            Revenir au texte proposé par l&apos;application
          </Button>
        </div>
      )}
    </form>
  );
}
