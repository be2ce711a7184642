import { z } from "zod";
import type { ConflictChoice, ConflictResolution } from "@/lib/domain/import/matching";
import "./fields";

/**
 * The coordinator's decisions on reference conflicts, posted with the import
 * (issue 14): one radio group per conflicting row, `conflit-<row>` =
 * `<choice>:<case id>`. The case id ties the decision to the case shown: if
 * the row now conflicts with another case, the decision does not apply and
 * the row is skipped.
 */
export const CONFLICT_FIELD_PREFIX = "conflit-";

export const CONFLICT_CHOICE_VALUES = { meme: "SAME_HOUSEHOLD", nouveau: "DIFFERENT_HOUSEHOLD", ignorer: "IGNORE" } as const satisfies Record<string, ConflictChoice>;

export function conflictFieldValue(choice: ConflictChoice, caseId: string): string {
  const key = (Object.keys(CONFLICT_CHOICE_VALUES) as (keyof typeof CONFLICT_CHOICE_VALUES)[]).find((k) => CONFLICT_CHOICE_VALUES[k] === choice)!;
  return `${key}:${caseId}`;
}

const MESSAGE = "Un choix pour une ligne en conflit est invalide : rechargez l'aperçu et choisissez de nouveau.";

const entrySchema = z.object({
  rowNumber: z.coerce.number({ error: MESSAGE }).int(MESSAGE).min(1, MESSAGE).max(1_000_000, MESSAGE),
  value: z
    .string({ error: MESSAGE })
    .regex(/^(meme|nouveau|ignorer):[A-Za-z0-9_-]{1,64}$/, MESSAGE)
    .transform((v) => {
      const [choice, caseId] = v.split(":") as [keyof typeof CONFLICT_CHOICE_VALUES, string];
      return { choice: CONFLICT_CHOICE_VALUES[choice], caseId } satisfies ConflictResolution;
    }),
});

export const conflictDecisionsSchema = z.array(entrySchema).max(50_000, MESSAGE);

/** The decisions of a posted form, by row number; or the French reason they were refused. */
export function parseConflictDecisions(form: FormData): { ok: true; resolutions: Map<number, ConflictResolution> } | { ok: false; message: string } {
  const entries: { rowNumber: string; value: unknown }[] = [];
  for (const [name, value] of form.entries()) {
    if (name.startsWith(CONFLICT_FIELD_PREFIX)) entries.push({ rowNumber: name.slice(CONFLICT_FIELD_PREFIX.length), value });
  }
  const parsed = conflictDecisionsSchema.safeParse(entries);
  if (!parsed.success) return { ok: false, message: MESSAGE };
  return { ok: true, resolutions: new Map(parsed.data.map((e) => [e.rowNumber, e.value])) };
}
