"use client";

import { useEffect, useState } from "react";
import { keepPagesOffline } from "@/lib/offline/page-cache";
import { copiedAtText } from "@/lib/offline/wording";
import { useOfflineWorker } from "./offline-provider";

/**
 * Issue 18: while online, "Ma tournée" keeps a copy of itself and of each case
 * on it on the phone (for the signed-in social worker only), and says when.
 * Offline, the banner of the signed-in area gives the copy's date instead.
 */
export function RoundOfflineCopy({ paths }: { paths: string[] }) {
  const worker = useOfflineWorker();
  const [state, setState] = useState<{ at: Date | null; busy: boolean }>({ at: null, busy: false });
  const key = paths.join("|");

  useEffect(() => {
    if (!worker?.online || !navigator.onLine) return;
    let cancelled = false;
    setState((s) => ({ ...s, busy: true }));
    keepPagesOffline(worker.userId, key.split("|"))
      .then((at) => {
        if (!cancelled) setState({ at, busy: false });
      })
      .catch(() => {
        if (!cancelled) setState({ at: null, busy: false });
      });
    return () => {
      cancelled = true;
    };
  }, [worker?.online, worker?.userId, key]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!worker) return null;
  return (
    <p className="text-slate-800 print:hidden" aria-live="polite">
      {state.busy
        ? "Copie de la tournée sur le téléphone pour le hors-ligne…"
        : state.at
          ? `Disponible hors ligne sur ce téléphone : ${copiedAtText(state.at)}.`
          : null}
    </p>
  );
}
