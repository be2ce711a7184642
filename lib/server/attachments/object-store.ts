import "server-only";

/**
 * Where attachments' bytes live (issue 19 §3, docs/decisions/032-attachment-storage.md).
 * Two backends behind one interface: an encrypted folder under DATA_DIR
 * (default) and any S3-compatible service (production). Keys are random ids
 * made by the service, never a file name.
 */
export type StorageKind = "FOLDER" | "S3";

export interface ObjectStore {
  readonly kind: StorageKind;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when no object has this key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Deleting a key that has no object is not an error (retries, anonymisation after a migration). */
  delete(key: string): Promise<void>;
  /** Every key held (tests, migration, backups). */
  keys(): Promise<string[]>;
}

/** Keys are ours ("a" + 32 hex), checked before they reach a path or a URL. */
export const STORAGE_KEY_PATTERN = /^a[0-9a-f]{32}$/;

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key).slice(0, 60)}`);
}

export function newStorageKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `a${Buffer.from(bytes).toString("hex")}`;
}
