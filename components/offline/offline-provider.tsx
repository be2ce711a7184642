"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { SERVICE_WORKER_URL } from "@/lib/offline/cache-names";
import { listOutbox, OUTBOX_CHANGED, removeFromOutbox, type OutboxEntry } from "@/lib/offline/outbox-store";
import { claimDeviceFor, copiedAt } from "@/lib/offline/page-cache";
import { REPLAY_URL, syncOutbox } from "@/lib/offline/sync";
import { copiedAtText, pendingMessage, sentMessage, typedValues } from "@/lib/offline/wording";

interface OfflineContextValue {
  /** The signed-in worker: every outbox entry carries it. */
  userId: string;
  /** The server can be reached now (false: forms save on the phone at once). */
  online: boolean;
}
const OfflineContext = createContext<OfflineContextValue | null>(null);

/** The signed-in worker for the forms that may save on the phone (null outside the signed-in area). */
export function useOfflineWorker(): OfflineContextValue | null {
  return useContext(OfflineContext);
}

/**
 * Whether the server can be reached. navigator.onLine alone is not enough: a
 * phone "connected" to a network that carries nothing says true, and so does
 * a page served from the copy (Chromium). So a GET to /hors-ligne/envoi (204,
 * never handled by the service worker) decides, at load, on the browser's
 * online/offline events, and every 10 s while unreachable.
 */
function useReachable(): boolean {
  const [reachable, setReachable] = useState(true);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      clearTimeout(timer);
      let ok = navigator.onLine;
      if (ok) {
        try {
          await fetch(REPLAY_URL, { method: "GET", cache: "no-store", credentials: "same-origin" });
        } catch {
          ok = false;
        }
      }
      if (cancelled) return;
      setReachable(ok);
      if (!ok) timer = setTimeout(() => void check(), 10_000);
    };
    const onChange = () => void check();
    void check();
    window.addEventListener("online", onChange);
    window.addEventListener("offline", onChange);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      window.removeEventListener("online", onChange);
      window.removeEventListener("offline", onChange);
    };
  }, []);
  return reachable;
}

/**
 * Issue 18: the offline side of the signed-in area. Registers the service
 * worker, gives the phone to this worker (another account's pages and outbox
 * are wiped), sends the outbox when the network is there, and says so:
 * offline and the date of the copy shown, entries waiting, entries "à revoir"
 * with the reason and what was typed (never dropped silently).
 */
export function OfflineProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  const router = useRouter();
  const online = useReachable();
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [copy, setCopy] = useState<Date | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  const reload = useCallback(async () => {
    try {
      setEntries(await listOutbox(userId));
    } catch {
      setEntries([]);
    }
  }, [userId]);

  const send = useCallback(async () => {
    const outcome = await syncOutbox(userId);
    await reload();
    if (outcome.kind === "done" && (outcome.sent > 0 || outcome.review > 0)) {
      setNotice(outcome.sent > 0 ? sentMessage(outcome.sent) : null);
      router.refresh();
    } else if (outcome.kind === "session") {
      setNotice("Votre session a expiré : reconnectez-vous pour envoyer les saisies en attente. Elles restent sur le téléphone.");
    }
  }, [userId, reload, router]);

  useEffect(() => {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" }).catch(() => undefined);
    let cancelled = false;
    claimDeviceFor(userId)
      .catch(() => undefined)
      .then(() => {
        if (!cancelled) setReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [userId]);

  useEffect(() => {
    if (!ready) return;
    void reload();
    const onChange = () => void reload();
    window.addEventListener(OUTBOX_CHANGED, onChange);
    return () => window.removeEventListener(OUTBOX_CHANGED, onChange);
  }, [ready, reload]);

  // Back online (or a page opened online): send what waits.
  useEffect(() => {
    if (ready && online) void send();
  }, [ready, online, send]);

  // Offline: the date of the copy this page comes from.
  useEffect(() => {
    if (online) {
      setCopy(null);
      return;
    }
    copiedAt(window.location.pathname, userId)
      .then(setCopy)
      .catch(() => setCopy(null));
  }, [online, userId]);

  const pending = entries.filter((e) => e.status === "pending");
  const review = entries.filter((e) => e.status === "review");

  return (
    <OfflineContext.Provider value={{ userId, online }}>
      <div className="mb-4 flex flex-col gap-3 empty:hidden print:hidden">
        {!online ? (
          <p role="status" className="rounded-md border-2 border-slate-700 bg-slate-100 p-3 font-medium text-slate-900">
            Hors ligne.{" "}
            {copy ? `Cette page est la copie gardée sur le téléphone : ${copiedAtText(copy)}.` : "Les saisies de visites, de contacts et de courriers sont gardées sur le téléphone."}
          </p>
        ) : null}
        {pending.length > 0 ? (
          <p role="status" className="rounded-md border-2 border-amber-700 bg-amber-50 p-3 font-medium text-amber-950">
            {pendingMessage(pending.length)}
          </p>
        ) : null}
        {online && notice ? (
          <p role="status" className="rounded-md border-2 border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
            {notice}
          </p>
        ) : null}
        {review.length > 0 ? (
          <section aria-labelledby="a-revoir" className="rounded-md border-2 border-red-700 bg-white p-3">
            <h2 id="a-revoir" className="text-lg font-semibold text-red-800">
              À revoir ({review.length})
            </h2>
            <p className="mb-2 text-slate-800">Ces saisies faites hors ligne n&apos;ont pas été enregistrées. Elles restent ici jusqu&apos;à ce que vous les retiriez.</p>
            <ul className="flex flex-col gap-3">
              {review.map((e) => (
                <li key={e.clientId} className="flex flex-col gap-1 border-t border-slate-300 pt-2">
                  <p className="font-medium">{typedValues(e.fields).join(" ; ")}</p>
                  <p className="text-red-800">Motif : {e.reason ?? "refusée par le serveur."}</p>
                  <div className="flex flex-wrap gap-3">
                    {e.fields.caseId ? (
                      <Link href={`/dossiers/${e.fields.caseId}`} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
                        Ouvrir le dossier
                      </Link>
                    ) : null}
                    <button
                      type="button"
                      className="min-h-11 rounded-md border border-slate-500 px-3 text-sm font-medium hover:bg-slate-100"
                      onClick={() => void removeFromOutbox(e.clientId)}
                    >
                      Retirer de la liste<span className="sr-only"> : {typedValues(e.fields).slice(0, 2).join(" ")}</span>
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      {children}
    </OfflineContext.Provider>
  );
}
