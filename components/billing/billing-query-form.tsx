import { FieldFrame } from "@/components/ui/field";

const CONTROL =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** The agreement and the period to bill: a GET form, so the page's address says what is shown. */
export function BillingQueryForm({
  agreements,
  values,
  errors,
}: {
  agreements: { id: string; label: string }[];
  values: { convention: string; du: string; au: string };
  errors: { du?: string[]; au?: string[] };
}) {
  return (
    <form method="get" action="/facturation" className="grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-4" aria-label="Convention et période">
      <div className="sm:col-span-2">
        <FieldFrame name="billing-convention" label="Convention">
          {(a11y) => (
            <select name="convention" className={CONTROL} defaultValue={values.convention} {...a11y}>
              {agreements.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </div>
      <FieldFrame name="billing-du" label="Du" errors={errors.du}>
        {(a11y) => <input type="date" name="du" className={CONTROL} defaultValue={values.du} {...a11y} />}
      </FieldFrame>
      <FieldFrame name="billing-au" label="Au" errors={errors.au}>
        {(a11y) => <input type="date" name="au" className={CONTROL} defaultValue={values.au} {...a11y} />}
      </FieldFrame>
      <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 sm:col-start-4">
        Afficher
      </button>
    </form>
  );
}
