// Issue 18: the phone's outbox, in IndexedDB (browser only). Each entry holds
// only what the event needs (OUTBOX_FIELDS), the client-made id (the server's
// idempotency key), the case version it was typed against (in its fields) and
// the worker's id. Sent entries are deleted; refused ones stay "à revoir"
// with the reason until the worker removes them. Everything is deleted at
// sign-out (wipeOfflineData). See docs/security.md.
import { OUTBOX_FIELDS, type ReplayItemResult } from "@/lib/validation/offline-outbox";

export const DB_NAME = "maintien-hors-ligne";
const OUTBOX = "outbox";
const META = "meta";
/** Fired on window whenever the outbox changes: the banner counts again. */
export const OUTBOX_CHANGED = "maintien:outbox";

export interface OutboxEntry {
  clientId: string;
  workerId: string;
  /** The event's form fields (caseId, version, kind, day, time, …): the time typed or tapped, never the send time. */
  fields: Record<string, string>;
  /** When it was put in the outbox (display and order). */
  savedAt: string;
  status: "pending" | "review";
  reason?: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: "clientId" });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(store: string, mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = body(tx.objectStore(store));
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function changed() {
  window.dispatchEvent(new Event(OUTBOX_CHANGED));
}

/** Keeps only the event's fields of a submitted form. */
export function outboxFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of OUTBOX_FIELDS) {
    const v = form.get(name);
    if (typeof v === "string" && v !== "") out[name] = v;
  }
  return out;
}

export async function addToOutbox(entry: Omit<OutboxEntry, "savedAt" | "status">): Promise<void> {
  await run(OUTBOX, "readwrite", (s) => s.put({ ...entry, savedAt: new Date().toISOString(), status: "pending" } satisfies OutboxEntry));
  changed();
}

/** This worker's entries, in the order they were typed. */
export async function listOutbox(workerId: string): Promise<OutboxEntry[]> {
  const all = (await run<OutboxEntry[]>(OUTBOX, "readonly", (s) => s.getAll())) ?? [];
  return all.filter((e) => e.workerId === workerId).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Applies the server's answers: sent entries leave the phone, refused ones become "à revoir". */
export async function applyResults(results: ReplayItemResult[]): Promise<void> {
  const db = await open();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(OUTBOX, "readwrite");
      const store = tx.objectStore(OUTBOX);
      for (const r of results) {
        if (r.status === "review") {
          const get = store.get(r.clientId);
          get.onsuccess = () => {
            if (get.result) store.put({ ...(get.result as OutboxEntry), status: "review", reason: r.reason });
          };
        } else store.delete(r.clientId);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
  changed();
}

export async function removeFromOutbox(clientId: string): Promise<void> {
  await run(OUTBOX, "readwrite", (s) => s.delete(clientId));
  changed();
}

export async function getMeta(key: string): Promise<string | undefined> {
  return (await run<string>(META, "readonly", (s) => s.get(key))) ?? undefined;
}

export async function setMeta(key: string, value: string): Promise<void> {
  await run(META, "readwrite", (s) => s.put(value, key));
}

/** Deletes the whole outbox database (sign-out, another account on this phone). */
export async function deleteOutboxDatabase(): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    req.onblocked = () => resolve();
  });
  changed();
}
