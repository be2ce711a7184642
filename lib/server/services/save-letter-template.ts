import "server-only";
import { LETTER_KIND_LABELS } from "@/lib/domain/letters/kinds";
import { checkTemplate, describeProblems } from "@/lib/domain/letters/template";
import { canEditLetterTemplates } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, notFound } from "@/lib/server/errors";
import type { LetterTemplateInput, ResetLetterTemplateInput } from "@/lib/validation/letters";

const CHANGED = "Ce modèle a été modifié par quelqu'un d'autre entre-temps. La page a été rechargée : reprenez vos modifications sur le texte actuel.";

/**
 * Saves a team's text of one letter. The version the coordinator started from
 * must still be the stored one (0 while the app's default applies), so two
 * coordinators editing at once cannot overwrite each other. The merge fields
 * are checked again here: a template with an unknown field never reaches a
 * household. The write and its audit (before/after) share one transaction.
 */
export async function saveLetterTemplate(db: Db, actor: Actor, input: LetterTemplateInput, now: Date): Promise<{ version: number }> {
  if (!canEditLetterTemplates(actor, input.teamId)) throw notFound("Cette équipe");
  const subjectProblems = describeProblems(checkTemplate(input.subject), false);
  const bodyProblems = describeProblems(checkTemplate(input.body), true);
  if (subjectProblems.length || bodyProblems.length) {
    throw new ExpectedError("INVALID_STEP", "Le modèle contient des champs inconnus : corrigez les champs signalés.", {
      ...(subjectProblems.length ? { subject: subjectProblems } : {}),
      ...(bodyProblems.length ? { body: bodyProblems } : {}),
    });
  }

  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.letterTemplate.findUnique({
        where: { teamId_kind: { teamId: input.teamId, kind: input.kind } },
        select: { id: true, subject: true, body: true, version: true },
      });
      let id: string;
      let version: number;
      if (!current) {
        if (input.version !== 0) throw conflict(CHANGED);
        const row = await tx.letterTemplate.create({
          data: { teamId: input.teamId, kind: input.kind, subject: input.subject, body: input.body, version: 1, updatedById: actor.id, updatedAt: now },
          select: { id: true },
        });
        id = row.id;
        version = 1;
      } else {
        const updated = await tx.letterTemplate.updateMany({
          where: { id: current.id, version: input.version },
          data: { subject: input.subject, body: input.body, version: { increment: 1 }, updatedById: actor.id, updatedAt: now },
        });
        if (updated.count !== 1) throw conflict(CHANGED);
        id = current.id;
        version = input.version + 1;
      }
      await writeAudit(tx, {
        userId: actor.id,
        action: "letter_template.save",
        entity: "LetterTemplate",
        entityId: id,
        before: current ? { kind: input.kind, subject: current.subject, body: current.body, version: current.version } : { kind: input.kind, default: true },
        after: { kind: input.kind, subject: input.subject, body: input.body, version },
      });
      return { version };
    });
  } catch (error) {
    // Two first saves at once: the unique (team, kind) lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict(CHANGED);
    throw error;
  }
}

/** Back to the app's default text: the team's text is deleted (and kept in the audit). */
export async function resetLetterTemplate(db: Db, actor: Actor, input: ResetLetterTemplateInput): Promise<void> {
  if (!canEditLetterTemplates(actor, input.teamId)) throw notFound("Cette équipe");
  await db.$transaction(async (tx) => {
    const current = await tx.letterTemplate.findUnique({
      where: { teamId_kind: { teamId: input.teamId, kind: input.kind } },
      select: { id: true, subject: true, body: true, version: true },
    });
    if (!current) {
      if (input.version === 0) return;
      throw conflict(CHANGED);
    }
    const deleted = await tx.letterTemplate.deleteMany({ where: { id: current.id, version: input.version } });
    if (deleted.count !== 1) throw conflict(CHANGED);
    await writeAudit(tx, {
      userId: actor.id,
      action: "letter_template.reset",
      entity: "LetterTemplate",
      entityId: current.id,
      before: { kind: input.kind, subject: current.subject, body: current.body, version: current.version },
      after: { kind: input.kind, default: true, label: LETTER_KIND_LABELS[input.kind] },
    });
  });
}
