/**
 * Money is integer cents everywhere (STYLE §10). These convert between what a
 * French user types or reads ("1 234,56 €") and cents.
 */

const EUROS = /^(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:[,.](\d{1,2}))?$/;

/** Parses "1234", "1 234,56", "1.234,5", "650.00" or "650 €" into cents; null when it is not an amount. */
export function parseEurosToCents(input: string): number | null {
  const text = input.replace(/€/g, "").trim();
  if (text === "") return null;
  // "650.00" is a decimal point, "1.234" a thousands separator; both are common in spreadsheets.
  const normalised = /^\d+\.\d{1,2}$/.test(text) ? text.replace(".", ",") : text;
  const match = EUROS.exec(normalised);
  if (!match) return null;
  const whole = Number((match[1] ?? "").replace(/[ \u00a0\u202f.]/g, ""));
  const fraction = Number(((match[2] ?? "") + "00").slice(0, 2));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : null;
}

const formatter = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** 123456 → "1 234,56 €" (French grouping with a narrow no-break space). */
export function formatCents(cents: number): string {
  return formatter.format(cents / 100);
}

/** Cents → the value to put back in an input ("1234,56"). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  const whole = Math.trunc(cents / 100);
  const fraction = Math.abs(cents % 100);
  return fraction === 0 ? String(whole) : `${whole},${String(fraction).padStart(2, "0")}`;
}
