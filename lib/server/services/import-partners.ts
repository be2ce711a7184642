import "server-only";
import Papa from "papaparse";
import { planPartnerCsv } from "@/lib/domain/referrals/partner-csv";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { checkPartnerManager, partnerData } from "./save-partner";

/**
 * Imports a team's partner directory from a CSV (issue 20): all or nothing.
 * Every line is checked first (lib/domain/referrals/partner-csv.ts); one
 * error refuses the file with the French message of each bad line. A partner
 * already in the directory (same type and name) is updated, the others are
 * added; one transaction, one audit row per partner.
 */
export async function importPartners(db: Db, actor: Actor, input: { teamId: string; csv: string }): Promise<{ created: number; updated: number }> {
  checkPartnerManager(actor, input.teamId);
  const parsed = Papa.parse<string[]>(input.csv.replace(/^\uFEFF/, ""), { delimiter: "", skipEmptyLines: false });
  const plan = planPartnerCsv(parsed.data);
  if (!plan.ok) throw new ExpectedError("INVALID_STEP", `Aucun partenaire importé : ${plan.errors.length} ligne(s) à corriger.`, { csv: plan.errors.slice(0, 50) });
  return db.$transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const { row } of plan.rows) {
      const data = partnerData({ ...row, active: true });
      const existing = await tx.partner.findUnique({ where: { teamId_kind_name: { teamId: input.teamId, kind: data.kind, name: data.name } }, select: { id: true } });
      if (existing) {
        await tx.partner.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } });
        await writeAudit(tx, { userId: actor.id, action: "partner.import.update", entity: "Partner", entityId: existing.id, after: data });
        updated++;
      } else {
        const p = await tx.partner.create({ data: { teamId: input.teamId, ...data }, select: { id: true } });
        await writeAudit(tx, { userId: actor.id, action: "partner.import.create", entity: "Partner", entityId: p.id, after: data });
        created++;
      }
    }
    return { created, updated };
  });
}
