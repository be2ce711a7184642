"use client";

import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

type Phase = { kind: "idle" } | { kind: "running"; done: number; total: number } | { kind: "error"; message: string } | { kind: "done" };

/**
 * The one "Importer N lignes" button. Without JavaScript the form posts and
 * the server redirects to the result once written. With JavaScript the page
 * reads the server's progress lines (application/x-ndjson) and shows them in
 * a labelled <progress>, announced politely; then goes to the result page.
 */
export function ImportRunner({ fileToken, rowCount, formId = "import-executer", label: givenLabel }: { fileToken: string; rowCount: number; formId?: string; label?: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const alertRef = useRef<HTMLDivElement>(null);
  const label = givenLabel ?? `Importer ${rowCount} ligne${rowCount > 1 ? "s" : ""}`;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.kind === "running" || phase.kind === "done") return;
    setPhase({ kind: "running", done: 0, total: rowCount });
    const fail = (message: string) => {
      setPhase({ kind: "error", message });
      requestAnimationFrame(() => alertRef.current?.focus());
    };
    try {
      const response = await fetch(event.currentTarget.action, {
        method: "POST",
        body: new FormData(event.currentTarget),
        headers: { Accept: "application/x-ndjson" },
      });
      if (response.status === 400) return fail(await response.text());
      if (!response.ok || !response.body) return fail(response.status === 404 ? "Le fichier envoyé n'est plus disponible : envoyez-le de nouveau." : "L'import n'a pas abouti : rien n'a été enregistré.");
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.trim()) continue;
          const message = JSON.parse(line) as { type: string; done?: number; total?: number; url?: string; message?: string };
          if (message.type === "progress") setPhase({ kind: "running", done: message.done ?? 0, total: message.total ?? rowCount });
          else if (message.type === "done" && message.url) {
            setPhase({ kind: "done" });
            window.location.assign(message.url);
            return;
          } else if (message.type === "error") return fail(message.message ?? "L'import n'a pas abouti : rien n'a été enregistré.");
        }
      }
      fail("L'import a été interrompu : rien n'a été enregistré. Réessayez.");
    } catch {
      fail("La connexion au serveur a été perdue. Si l'import n'apparaît pas dans l'historique, rien n'a été enregistré : réessayez.");
    }
  }

  const running = phase.kind === "running" || phase.kind === "done";
  const percent = phase.kind === "running" && phase.total > 0 ? Math.round((phase.done / phase.total) * 100) : phase.kind === "done" ? 100 : 0;
  return (
    <form id={formId} method="post" action="/import/executer" onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="fichier" value={fileToken} />
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={running} aria-disabled={running}>
          {label}
        </button>
      </div>
      {running ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="import-progress" className="font-medium">
            Import en cours : ne fermez pas cette page
          </label>
          <progress id="import-progress" max={100} value={percent} className="h-4 w-full">
            {percent} %
          </progress>
          <p role="status" aria-live="polite" className="text-sm text-slate-700">
            {phase.kind === "done" ? "Import terminé, ouverture du résultat…" : phase.kind === "running" ? `${phase.done} sur ${phase.total} lignes écrites (${percent} %)` : ""}
          </p>
        </div>
      ) : null}
      {phase.kind === "error" ? (
        <div ref={alertRef} tabIndex={-1} role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {phase.message}
        </div>
      ) : null}
    </form>
  );
}
