import "server-only";
import { canImport } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { planImport, type ImportFile, type ImportPlan } from "./plan-import";

/**
 * The preview of a list: what the import would do with each row, decided
 * exactly as the import decides (planImport), and nothing written.
 */
export async function previewImport(db: Db, actor: Actor, input: { teamId: string } & ImportFile, now: Date): Promise<ImportPlan> {
  if (!canImport(actor, input.teamId)) throw notFound("Cette équipe");
  return planImport(db, input.teamId, input, now);
}
