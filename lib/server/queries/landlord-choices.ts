import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { normaliseForSearch } from "@/lib/domain/search-text";
import type { Db } from "@/lib/server/db";
import { LANDLORD_CHOICES_LIMIT, type LandlordChoices } from "@/lib/validation/landlord-choices";

/**
 * The landlords the new household form offers (issue 17): the first
 * LANDLORD_CHOICES_LIMIT of the team matching every word of the search
 * (accent-free, on name and city), in the order of the `(teamId, searchText)`
 * index, so a team of 8 000 landlords costs one short index walk instead of
 * the whole list. `include`: the landlord already chosen, returned apart
 * (`chosen`) when it is the team's.
 */
export async function searchLandlordChoices(db: Db, actor: Actor, teamId: string, query: string, include?: string | null): Promise<LandlordChoices> {
  const q = query.trim().slice(0, 100);
  if (!canViewCases(actor, teamId)) return { query: q, landlords: [], more: false };
  const where: Prisma.LandlordWhereInput = { teamId };
  const words = normaliseForSearch(q).split(" ").filter(Boolean).slice(0, 6);
  if (words.length) where.AND = words.map((w) => ({ searchText: { contains: w } }));
  const select = { id: true, name: true, city: true } as const;
  const [found, chosen] = await Promise.all([
    db.landlord.findMany({ where, orderBy: [{ searchText: "asc" }, { id: "asc" }], take: LANDLORD_CHOICES_LIMIT + 1, select }),
    include && include.length <= 64 ? db.landlord.findFirst({ where: { id: include, teamId }, select }) : null,
  ]);
  return { query: q, landlords: found.slice(0, LANDLORD_CHOICES_LIMIT), more: found.length > LANDLORD_CHOICES_LIMIT, ...(include ? { chosen } : {}) };
}
