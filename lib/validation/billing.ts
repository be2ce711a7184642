import { z } from "zod";
import { BILLABLE_ACT_LABELS, type BillableAct } from "@/lib/domain/labels";
import { optionalEuros, optionalText, requiredDate, requiredText } from "./fields";

/**
 * A funder agreement (rates, caps, advance) and the billing page's query
 * (issue 5). Rates are data typed by a coordinator, never constants.
 */

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const RATE_MAX = 100_000_00;

export const BILLABLE_ACTS = Object.keys(BILLABLE_ACT_LABELS) as BillableAct[];

/** "60", "60,5" or "60 %" → basis points (6050). */
const percentToBp = z.preprocess(
  emptyToUndefined,
  z.string({ error: "La part versée en avance est obligatoire (ex. 60)." }).transform((v, ctx) => {
    const m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(v.trim());
    const bp = m ? Number(m[1]) * 100 + Number(((m[2] ?? "") + "00").slice(0, 2)) : NaN;
    if (!m || bp > 10_000) {
      ctx.addIssue({ code: "custom", message: "La part versée en avance est un pourcentage entre 0 et 100 (ex. 60)." });
      return z.NEVER;
    }
    return bp;
  }),
);

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} doit être un nombre.` })
    .int(`${label} doit être un nombre entier.`)
    .min(min, `${label} doit être au moins ${min}.`)
    .max(max, `${label} ne peut pas dépasser ${max}.`);

const rateSchema = (act: BillableAct) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? {} : v),
    z.object(
      {
        amount: optionalEuros(`Le tarif « ${BILLABLE_ACT_LABELS[act]} »`, RATE_MAX),
        maxPerHousehold: z.preprocess(emptyToUndefined, wholeNumber("Le plafond par ménage", 1, 99).optional()),
      },
      { error: "Tarif invalide." },
    ),
  );

export const agreementSchema = z
  .object({
    /** Present when editing, with the fingerprint of the values the form showed. */
    agreementId: z.preprocess(emptyToUndefined, z.string().min(1).max(64).optional()),
    token: z.preprocess(emptyToUndefined, z.string().min(1).max(200).optional()),
    teamId: z.string({ error: "Choisissez l'équipe." }).min(1, "Choisissez l'équipe.").max(64),
    funderName: requiredText("Le financeur"),
    reference: optionalText("La référence de la convention"),
    periodStart: requiredDate("Le début de la convention"),
    periodEnd: requiredDate("La fin de la convention"),
    advanceShare: percentToBp,
    advanceReceived: optionalEuros("L'avance reçue").transform((v) => v ?? 0),
    maxSupportWeeks: z.preprocess(emptyToUndefined, wholeNumber("Le nombre de semaines par ménage", 1, 52)),
    cap: optionalEuros("Le plafond de la convention"),
    rates: z.preprocess(
      (v) => (v === undefined || v === null ? {} : v),
      z.object(Object.fromEntries(BILLABLE_ACTS.map((a) => [a, rateSchema(a)])) as Record<BillableAct, ReturnType<typeof rateSchema>>, { error: "Tarifs invalides." }),
    ),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (v.periodEnd < v.periodStart) issue(["periodEnd"], "La fin de la convention ne peut pas précéder son début.");
    if (v.cap !== undefined && v.advanceReceived > v.cap) issue(["advanceReceived"], "L'avance reçue ne peut pas dépasser le plafond de la convention.");
    const rates = BILLABLE_ACTS.map((a) => [a, v.rates[a]] as const);
    if (rates.every(([, r]) => r.amount === undefined)) issue(["rates", "SUPPORT_WEEK", "amount"], "Indiquez au moins un tarif : une convention finance au moins un acte.");
    for (const [act, r] of rates) {
      if (r.maxPerHousehold !== undefined && r.amount === undefined) issue(["rates", act, "maxPerHousehold"], "Un plafond sans tarif n'a pas de sens : indiquez le tarif ou videz ce champ.");
    }
  })
  .transform((v) => ({
    ...v,
    rates: BILLABLE_ACTS.flatMap((act) => {
      const r = v.rates[act];
      return r.amount === undefined ? [] : [{ act, amountCents: r.amount, maxPerHousehold: r.maxPerHousehold ?? null }];
    }),
  }));
export type AgreementInput = z.output<typeof agreementSchema>;

/** The billing page's query, in the page's address: ?convention=…&du=2026-01-01&au=2026-06-30. */
export const billingQuerySchema = z.object({
  convention: z.preprocess(emptyToUndefined, z.string().min(1).max(64).optional()),
  du: requiredDate("Le début de la période"),
  au: requiredDate("La fin de la période"),
});

export type BillingQueryField = "convention" | "du" | "au";

/** The query's fields from search parameters: strings only, first value. */
export function billingFieldsFrom(params: Record<string, string | string[] | undefined>): Partial<Record<BillingQueryField, string>> {
  const out: Partial<Record<BillingQueryField, string>> = {};
  for (const field of ["convention", "du", "au"] as const) {
    const value = params[field];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[field] = first.slice(0, 64);
  }
  return out;
}

export function parseBillingPeriod(fields: { du?: string; au?: string }):
  | { ok: true; from: Date; to: Date }
  | { ok: false; fieldErrors: Partial<Record<"du" | "au", string[]>> } {
  const parsed = billingQuerySchema.pick({ du: true, au: true }).safeParse(fields);
  if (parsed.success) return { ok: true, from: parsed.data.du, to: parsed.data.au };
  const fieldErrors: Partial<Record<"du" | "au", string[]>> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0]) as "du" | "au"] ??= []).push(issue.message);
  return { ok: false, fieldErrors };
}
