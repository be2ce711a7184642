"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "./field";

/** "others.1.firstName" (zod's path) → "others[1].firstName" (the control's name). */
function formName(errorKey: string): string {
  return errorKey.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/**
 * The error summary of the GOV.UK and DSFR form guidance (issue 16 §4): at
 * the top of the form, focused when it appears, every error in one list, each
 * a link that takes the person to its field (opening a folded part if needed).
 */
export function ErrorSummary({
  fieldErrors,
  formError,
  submission,
  order = [],
}: {
  fieldErrors: Record<string, string[]>;
  formError?: string;
  submission?: number;
  /** The fields' error keys in the order the form shows them: the list follows the page. */
  order?: string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const rank = (key: string) => {
    const i = order.findIndex((o) => key === o || key.startsWith(`${o}.`));
    return i === -1 ? order.length : i;
  };
  const entries = Object.entries(fieldErrors)
    .filter(([, m]) => m.length > 0)
    .sort(([a], [b]) => rank(a) - rank(b));
  useEffect(() => {
    ref.current?.focus();
  }, [submission]);
  if (entries.length === 0 && !formError) return null;

  const go = (event: React.MouseEvent<HTMLAnchorElement>, key: string) => {
    const name = formName(key);
    const el = document.getElementById(fieldId(name)) ?? document.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (!el) return;
    event.preventDefault();
    const folded = el.closest("details");
    if (folded) folded.open = true;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  };

  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="resume-erreurs" className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700">
      <h2 id="resume-erreurs" className="text-lg font-semibold">
        {entries.length > 1 ? `Le formulaire contient ${entries.length} erreurs` : "Le formulaire contient une erreur"}
      </h2>
      {formError && !(entries.length > 0 && formError.startsWith("Le formulaire contient des erreurs")) ? <p className="mt-1">{formError}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-1">
          {entries.map(([key, messages]) => (
            <li key={key}>
              <a href={`#${fieldId(formName(key))}`} onClick={(e) => go(e, key)} className="inline-flex min-h-11 items-center font-medium text-red-900 underline underline-offset-4">
                {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
