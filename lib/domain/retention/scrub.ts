/**
 * Scrubbing personal data out of stored JSON (audit rows' before/after, an
 * import batch's report) when a household is anonymised (decision 014).
 *
 * Three nets, because the JSON is written by many services over the years:
 * 1. by key: a value under a personal key (names, contact, address, notes and
 *    every free-text field) is replaced, whatever it looks like;
 * 2. by shape: any other string is kept only when it is plainly not free
 *    text — an enum code (SUPPORTED), a date, an id, a version hash; anything
 *    else (a sentence, a name under a key nobody listed) is replaced;
 * 3. by value: a string containing one of the household's own personal
 *    strings (its names, phone, e-mail, address) is replaced even when it
 *    passed the first two (an enum-looking "DUPONT").
 * Numbers, booleans and nulls are kept: counts, amounts and flags are what the
 * indicators and the audit trail need.
 */
import { ANONYMISED_TEXT } from "./rules";

/** Keys whose values are personal or free text, in any audited entity. */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set(
  [
    "firstName",
    "lastName",
    "fullName",
    "tenantName",
    "birthYear",
    "phone",
    "email",
    "addressLine",
    "addressExtra",
    "address",
    "postcode",
    "city",
    "notes",
    "note",
    "searchText",
    "sortName",
    "eligibilityNote",
    "procedureRef",
    "reference",
    "actions",
    "wishes",
    "analysis",
    "recommendations",
    "housingCondition",
    "outcomeNote",
    "message",
    "body",
    "text",
    "subject",
    "cells",
    "reason",
    "to",
    "recipient",
  ].map((k) => k.toLowerCase()),
);

const KEEP_SHAPES: ReadonlyArray<RegExp> = [
  /^[A-Z][A-Z0-9_]*$/, // enum code
  /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, // ISO day or instant
  /^c[a-z0-9]{20,31}$/, // cuid
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // uuid
  /^[0-9a-f]{64}$/i, // sha-256
];

/** Lower case, accents removed, spaces collapsed: "Élodie  MÜLLER" → "elodie muller". */
export function normaliseForMatch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The household's own strings worth looking for: long enough not to match everything. */
export function personalNeedles(values: ReadonlyArray<string | null | undefined>): string[] {
  const needles = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    const n = normaliseForMatch(v);
    if (n.length >= 3) needles.add(n);
    // A phone written with or without spaces and dots.
    const digits = v.replace(/[^\d]/g, "");
    if (digits.length >= 8 && digits.length === v.replace(/[\s.+()-]/g, "").length) needles.add(digits);
  }
  return [...needles];
}

function containsNeedle(text: string, needles: ReadonlyArray<string>): boolean {
  if (needles.length === 0) return false;
  const n = normaliseForMatch(text);
  const digits = text.replace(/[^\d]/g, "");
  return needles.some((needle) => n.includes(needle) || (/^\d+$/.test(needle) && digits.includes(needle)));
}

function keepString(value: string, needles: ReadonlyArray<string>): boolean {
  return KEEP_SHAPES.some((re) => re.test(value)) && !containsNeedle(value, needles);
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The JSON with every personal value replaced by "[anonymisé]" (a personal
 * key's null stays null). Returns a new value; `changed` tells whether
 * anything was replaced.
 */
export function scrubJson(value: Json, needles: ReadonlyArray<string>): { value: Json; changed: boolean } {
  let changed = false;
  const walk = (v: Json, personal: boolean): Json => {
    if (v === null || typeof v === "number" || typeof v === "boolean") {
      // A birth year is a number under a personal key: drop it too.
      if (personal && typeof v === "number") {
        changed = true;
        return null;
      }
      return v;
    }
    if (typeof v === "string") {
      if (!personal && keepString(v, needles)) return v;
      if (v === ANONYMISED_TEXT) return v;
      changed = true;
      return ANONYMISED_TEXT;
    }
    if (Array.isArray(v)) return v.map((item) => walk(item, personal));
    const out: { [key: string]: Json } = {};
    for (const [k, item] of Object.entries(v)) out[k] = walk(item, personal || PERSONAL_KEYS.has(k.toLowerCase()));
    return out;
  };
  const result = walk(value, false);
  return { value: result, changed };
}

/** Whether a stored JSON value mentions one of the needles anywhere (keys included). */
export function jsonMentions(value: Json, needles: ReadonlyArray<string>): boolean {
  if (value === null || typeof value === "number" || typeof value === "boolean") return false;
  if (typeof value === "string") return containsNeedle(value, needles);
  if (Array.isArray(value)) return value.some((v) => jsonMentions(v, needles));
  return Object.entries(value).some(([k, v]) => containsNeedle(k, needles) || jsonMentions(v, needles));
}

export interface HouseholdIdentity {
  occupants: ReadonlyArray<{ firstName: string; lastName: string }>;
  addressLine: string;
  phone: string | null;
  email: string | null;
}

/**
 * Whether a row of an imported list (its cells) is about this household: a
 * phone or e-mail of the household, or one occupant's last name together with
 * their first name or the household's address. A last name alone is too
 * common to decide.
 */
export function cellsMentionHousehold(cells: ReadonlyArray<string>, identity: HouseholdIdentity): boolean {
  const text = cells.map((c) => normaliseForMatch(String(c ?? ""))).filter(Boolean);
  const has = (value: string | null) => {
    if (!value) return false;
    const n = normaliseForMatch(value);
    return n.length >= 2 && text.some((t) => t.includes(n));
  };
  const contact = personalNeedles([identity.phone, identity.email]);
  if (contact.length && cells.some((c) => containsNeedle(String(c ?? ""), contact))) return true;
  return identity.occupants.some((o) => has(o.lastName) && (has(o.firstName) || has(identity.addressLine)));
}
