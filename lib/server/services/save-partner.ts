import "server-only";
import { communeKey, parseCommunes } from "@/lib/domain/referrals/partners";
import { canManagePartners, canViewPartners } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, forbidden, notFound } from "@/lib/server/errors";
import type { PartnerInput } from "@/lib/validation/referrals";

/** The partner's fields as stored, from the form (or a CSV line). */
export function partnerData(input: Omit<PartnerInput, "teamId" | "partnerId" | "version">) {
  const communes = parseCommunes(input.communes);
  return {
    kind: input.kind,
    name: input.name,
    addressLine: input.addressLine ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    openingHours: input.openingHours ?? null,
    communes,
    communeKeys: communes.map(communeKey),
    contactName: input.contactName ?? null,
    active: input.active,
  };
}

export function checkPartnerManager(actor: Actor, teamId: string): void {
  if (!canViewPartners(actor, teamId)) throw notFound("Cette équipe");
  if (!canManagePartners(actor, teamId)) throw forbidden("L'annuaire des partenaires est tenu par la coordination de l'équipe.");
}

/** Adds a partner to the team's directory, or updates one (issue 20). */
export async function savePartner(db: Db, actor: Actor, input: PartnerInput): Promise<{ partnerId: string; created: boolean }> {
  checkPartnerManager(actor, input.teamId);
  const data = partnerData(input);
  return db.$transaction(async (tx) => {
    const clash = await tx.partner.findFirst({ where: { teamId: input.teamId, kind: data.kind, name: data.name, ...(input.partnerId ? { id: { not: input.partnerId } } : {}) }, select: { id: true } });
    if (clash) throw new ExpectedError("CONFLICT", "Ce partenaire existe déjà dans l'annuaire.", { name: ["Un partenaire de ce type porte déjà ce nom."] });
    if (input.partnerId) {
      const before = await tx.partner.findUnique({ where: { id: input.partnerId } });
      if (!before || before.teamId !== input.teamId) throw notFound("Ce partenaire");
      const updated = await tx.partner.updateMany({ where: { id: before.id, version: input.version ?? -1 }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) throw conflict("Ce partenaire a été modifié par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.");
      await writeAudit(tx, { userId: actor.id, action: "partner.update", entity: "Partner", entityId: before.id, before: { ...data, ...pick(before) }, after: data });
      return { partnerId: before.id, created: false };
    }
    const row = await tx.partner.create({ data: { teamId: input.teamId, ...data }, select: { id: true } });
    await writeAudit(tx, { userId: actor.id, action: "partner.create", entity: "Partner", entityId: row.id, after: data });
    return { partnerId: row.id, created: true };
  });
}

function pick(p: { kind: string; name: string; addressLine: string | null; postcode: string | null; city: string | null; phone: string | null; email: string | null; openingHours: string | null; communes: string[]; communeKeys: string[]; contactName: string | null; active: boolean }) {
  return { kind: p.kind, name: p.name, addressLine: p.addressLine, postcode: p.postcode, city: p.city, phone: p.phone, email: p.email, openingHours: p.openingHours, communes: p.communes, communeKeys: p.communeKeys, contactName: p.contactName, active: p.active };
}
