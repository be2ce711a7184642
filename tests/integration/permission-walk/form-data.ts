import type { Fields } from "./manifest";

/** A nested input as a browser form would post it: "rates.SUPPORT_WEEK.amount", "cases[0].id". */
export function toFormData(fields: Fields): FormData {
  const form = new FormData();
  const put = (prefix: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((v, i) => put(`${prefix}[${i}]`, v));
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) put(prefix ? `${prefix}.${k}` : k, v);
    else form.append(prefix, String(value));
  };
  put("", fields);
  return form;
}
