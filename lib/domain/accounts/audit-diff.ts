/**
 * Before/after of an audit entry as rows a person can read (issue 8 §3 "who,
 * when, what, before/after"): one row per field, the changed ones first,
 * values in French. Pure.
 */
export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function euros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${sign}${units},${String(abs % 100).padStart(2, "0")}\u00a0€`;
}

/** A stored value shown to a person: dates in Paris time, cents in euros, booleans in words. */
export function formatAuditValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return /cents$/i.test(field) && Number.isInteger(value) ? euros(value) : String(value).replace(".", ",");
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) {
      const d = new Date(value);
      if (!Number.isNaN(d.getTime())) {
        return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" }).format(d).replace(" ", " à ");
      }
    }
    if (ISO_DAY.test(value)) return value.split("-").reverse().join("/");
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => formatAuditValue(field, v)).join(", ") : "—";
  return JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === undefined || value === null ? {} : { valeur: value };
}

export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields.map((field) => {
    const was = formatAuditValue(field, b[field]);
    const now = formatAuditValue(field, a[field]);
    return { field, before: was, after: now, changed: JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null) };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
