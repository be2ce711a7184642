import { fingerprint } from "@/lib/domain/support/fingerprint";
import type { AgreementRate } from "./billing";

/** A funder agreement as stored, for its edit form's fingerprint and the audit. */
export interface AgreementValues {
  teamId: string;
  funderName: string;
  reference: string | null;
  periodStart: Date;
  periodEnd: Date;
  advanceShareBp: number;
  advanceReceivedCents: number;
  maxSupportWeeks: number;
  capCents: number | null;
  rates: readonly AgreementRate[];
}

/** What the edit form sends back: a change made meanwhile gives another token. */
export function agreementToken(a: AgreementValues): string {
  const rates = [...a.rates].sort((x, y) => (x.act < y.act ? -1 : 1)).map((r) => ({ act: r.act, amountCents: r.amountCents, maxPerHousehold: r.maxPerHousehold }));
  return fingerprint({ ...a, rates });
}

/** Same funder, ignoring case, accents and spaces: "DDETS de l'Essonne" == "ddets de l’essonne ". */
export function sameFunder(a: string, b: string): boolean {
  const key = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[’']/g, "'")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  return key(a) === key(b);
}

/** Two agreements of the same funder must not cover the same day: an act would be billed twice. */
export function overlaps(a: { periodStart: Date; periodEnd: Date }, b: { periodStart: Date; periodEnd: Date }): boolean {
  return a.periodStart.getTime() <= b.periodEnd.getTime() && b.periodStart.getTime() <= a.periodEnd.getTime();
}
