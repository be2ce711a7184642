// Issue 18: sends the outbox back when the network returns, in the order it
// was typed, to POST /hors-ligne/envoi (the server re-checks everything).
import type { ReplayItemResult } from "@/lib/validation/offline-outbox";
import { applyResults, getMeta, listOutbox } from "./outbox-store";
import { wipeOfflineData } from "./page-cache";

export type SyncOutcome =
  | { kind: "done"; sent: number; review: number }
  /** No network (or the server could not be reached): the entries stay. */
  | { kind: "unreachable" }
  /** The session is gone: the copied pages are wiped; the entries wait for the same worker's next sign-in. */
  | { kind: "session" }
  | { kind: "error" };

export const REPLAY_URL = "/hors-ligne/envoi";
const BATCH = 50;

let running: Promise<SyncOutcome> | null = null;

/** One send at a time: a second call while one runs waits for it. */
export function syncOutbox(workerId: string): Promise<SyncOutcome> {
  running ??= send(workerId).finally(() => {
    running = null;
  });
  return running;
}

async function send(workerId: string): Promise<SyncOutcome> {
  let sent = 0;
  let review = 0;
  for (;;) {
    const pending = (await listOutbox(workerId)).filter((e) => e.status === "pending").slice(0, BATCH);
    if (pending.length === 0) return { kind: "done", sent, review };
    let res: Response;
    try {
      res = await fetch(REPLAY_URL, {
        method: "POST",
        credentials: "same-origin",
        redirect: "manual",
        cache: "no-store",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ items: pending.map((e) => ({ clientId: e.clientId, workerId: e.workerId, fields: e.fields })) }),
      });
    } catch {
      return { kind: "unreachable" };
    }
    if (res.status === 401 || res.type === "opaqueredirect") {
      await wipeOfflineData({ keepOutbox: true });
      return { kind: "session" };
    }
    if (!res.ok) return { kind: "error" };
    const body = (await res.json()) as { results: ReplayItemResult[] };
    await applyResults(body.results);
    sent += body.results.filter((r) => r.status !== "review").length;
    review += body.results.filter((r) => r.status === "review").length;
  }
}

/**
 * "Se déconnecter", first step: what can still be sent is sent (online, at
 * most 5 s). Returns how many entries are still on the phone (pending or "à
 * revoir"): signing out would delete them, so the caller asks first.
 */
export async function sendBeforeSignOut(): Promise<number> {
  try {
    const owner = typeof indexedDB !== "undefined" ? await getMeta("owner") : undefined;
    if (!owner) return 0;
    if (navigator.onLine) await Promise.race([syncOutbox(owner), new Promise((r) => setTimeout(r, 5_000))]);
    return (await listOutbox(owner)).length;
  } catch {
    // No IndexedDB (private mode, old browser): nothing was kept.
    return 0;
  }
}

/** "Se déconnecter", last step: everything personal on the phone is deleted, the outbox included (docs/security.md). */
export async function wipeBeforeSignOut(): Promise<void> {
  await wipeOfflineData();
}
