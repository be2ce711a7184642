/**
 * Turns FormData into a plain object for zod. Names with dots and brackets
 * become nested objects and arrays: "occupants[1].firstName" →
 * { occupants: [ , { firstName } ] }. Files are dropped (no upload here).
 */
export type FormValues = { [key: string]: string | FormValues | FormValues[] | string[] };

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const path = name.replace(/\]/g, "").split(/[.[]/).filter(Boolean);
    let node: Record<string, unknown> | unknown[] = out;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1] ?? "");
      const k: string | number = Array.isArray(node) ? Number(key) : key;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[k] = value;
      } else {
        container[k] ??= nextIsIndex ? [] : {};
        node = container[k] as Record<string, unknown> | unknown[];
      }
    });
  }
  return out;
}
