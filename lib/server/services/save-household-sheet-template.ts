import "server-only";
import { canEditHouseholdSheet, canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, forbidden, notFound } from "@/lib/server/errors";
import type { SheetTemplateInput } from "@/lib/validation/referrals";

/**
 * Saves a new version of the team's "Ce qui va se passer" texts (issue 20).
 * Never an update: every version is a row, kept, and audited; the latest one
 * is the sheet's. The form carries the version it showed: a colleague's save
 * in between refuses this one (no silent overwrite of a jurist's review).
 */
export async function saveHouseholdSheetTemplate(db: Db, actor: Actor, input: SheetTemplateInput): Promise<{ version: number }> {
  if (!canViewCases(actor, input.teamId) && !canEditHouseholdSheet(actor, input.teamId)) throw notFound("Cette équipe");
  if (!canEditHouseholdSheet(actor, input.teamId)) throw forbidden("Les textes de la fiche sont relus par la juriste ou la coordination de l'équipe.");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Team" WHERE "id" = ${input.teamId} FOR UPDATE`;
    const latest = await tx.householdSheetTemplate.findFirst({ where: { teamId: input.teamId }, orderBy: { version: "desc" }, select: { version: true } });
    const current = latest?.version ?? 0;
    if (current !== input.version) throw conflict("Une autre version des textes a été enregistrée entre-temps. La page a été rechargée : relisez-la puis recommencez.");
    const row = await tx.householdSheetTemplate.create({
      data: { teamId: input.teamId, version: current + 1, blocks: input.blocks, note: input.note ?? null, createdById: actor.id },
      select: { id: true, version: true },
    });
    await writeAudit(tx, { userId: actor.id, action: "household_sheet.template.save", entity: "HouseholdSheetTemplate", entityId: row.id, after: { version: row.version, note: input.note ?? null, blocks: input.blocks } });
    return { version: row.version };
  });
}
