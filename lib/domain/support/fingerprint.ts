/**
 * A short fingerprint of what a form showed (optimistic concurrency on rows
 * that have no version column: a support week's text, a funder agreement).
 * The form sends it back; a change made meanwhile gives another fingerprint.
 * cyrb53 (public domain), twice with two seeds: not cryptographic, it only has
 * to tell two versions of the same row apart.
 */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Dates as ISO strings, keys in a stable order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export function fingerprint(value: unknown): string {
  const text = canonical(value);
  return `${cyrb53(text, 1)}-${cyrb53(text, 2)}`;
}

/** What an edit of a support week sends back: the fingerprint of the week and text it showed. */
export function supportWeekToken(week: { weekOf: Date; actions: string }): string {
  return fingerprint({ weekOf: week.weekOf, actions: week.actions });
}
