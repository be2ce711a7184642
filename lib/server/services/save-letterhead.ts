import "server-only";
import { canEditLetterTemplates } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, notFound } from "@/lib/server/errors";
import { letterheadToken } from "@/lib/server/queries/letters/letterhead";
import type { LetterheadInput } from "@/lib/validation/letters";

/**
 * Saves the team's letterhead and signature (merged into every letter). The
 * Team row has no version column: the form carries a fingerprint of the values
 * it showed, and the UPDATE only matches a row that still holds them, so a
 * colleague's change in between is never overwritten silently.
 */
export async function saveLetterhead(db: Db, actor: Actor, input: LetterheadInput): Promise<{ token: string }> {
  if (!canEditLetterTemplates(actor, input.teamId)) throw notFound("Cette équipe");
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUnique({
      where: { id: input.teamId },
      select: { letterheadName: true, letterheadAddress: true, letterheadPhone: true, letterheadEmail: true, letterSignature: true },
    });
    if (!before) throw notFound("Cette équipe");
    if (letterheadToken(before) !== input.token) throw conflict("L'en-tête a été modifié par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.");
    const after = {
      letterheadName: input.name ?? null,
      letterheadAddress: input.address ?? null,
      letterheadPhone: input.phone ?? null,
      letterheadEmail: input.email ?? null,
      letterSignature: input.signature ?? null,
    };
    const updated = await tx.team.updateMany({ where: { id: input.teamId, ...before }, data: after });
    if (updated.count !== 1) throw conflict("L'en-tête a été modifié par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.");
    await writeAudit(tx, { userId: actor.id, action: "team.letterhead", entity: "Team", entityId: input.teamId, before, after });
    return { token: letterheadToken(after) };
  });
}
