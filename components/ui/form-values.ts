/** Reads a value back from the nested values an action returned ("tenant.firstName", "others.0.isChild"). */
export function valueAt(values: Record<string, unknown> | undefined, path: string): string | undefined {
  let node: unknown = values;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "string" ? node : undefined;
}
