import type { Household, Occupant, Prisma } from "@/lib/generated/prisma/client";
import type { OccupantRole } from "@/lib/generated/prisma/enums";
import { buildSearchText, buildSortName, normaliseForSearch } from "@/lib/domain/search-text";

import type { Db } from "./db";
import { FIRST_NAMES, LAST_NAMES, STREETS, type PersonName } from "./french-names";
import { newId } from "./ids";
import { townsOf, type Town } from "./places";
import { defaultRng, type Rng } from "./random";

export interface OccupantInput extends PersonName {
  role?: OccupantRole;
  birthYear?: number | null;
  isChild?: boolean;
}

export interface HouseholdOptions {
  teamId: string;
  /** Main tenant; drawn at random when absent. */
  tenant?: PersonName;
  /** A co-tenant: true for a random one, a name, or false/absent for none. */
  coTenant?: PersonName | boolean;
  /** Number of children; random (0–3) when absent. */
  children?: number;
  /** Replaces tenant/coTenant/children entirely; the first one is the main tenant. */
  occupants?: ReadonlyArray<OccupantInput>;
  town?: Town;
  departement?: string;
  addressLine?: string;
  phone?: string | null;
  email?: string | null;
  notes?: string | null;
  /** Year that ages are counted from (birth years); default 2025. */
  referenceYear?: number;
  rng?: Rng;
}

export interface HouseholdPlan {
  household: Prisma.HouseholdCreateManyInput & { id: string; searchText: string; sortName: string };
  occupants: Array<Prisma.OccupantCreateManyInput & { id: string }>;
}

function drawOccupants(rng: Rng, opts: HouseholdOptions, year: number): OccupantInput[] {
  const taken = new Set<string>();
  // Distinct first names within a household, so people can be told apart.
  const firstName = () => {
    let name = rng.pick(FIRST_NAMES);
    while (taken.has(name)) name = rng.pick(FIRST_NAMES);
    taken.add(name);
    return name;
  };
  const tenant = opts.tenant ?? { firstName: firstName(), lastName: rng.pick(LAST_NAMES) };
  taken.add(tenant.firstName);
  const tenantAge = rng.int(24, 68);
  const list: OccupantInput[] = [{ ...tenant, role: "TENANT", birthYear: year - tenantAge }];
  const co = opts.coTenant === undefined ? rng.chance(0.3) : opts.coTenant;
  if (co) {
    const name = co === true ? { firstName: firstName(), lastName: rng.chance(0.6) ? tenant.lastName : rng.pick(LAST_NAMES) } : co;
    taken.add(name.firstName);
    list.push({ ...name, role: "CO_TENANT", birthYear: year - rng.int(24, 68) });
  }
  const children = opts.children ?? (tenantAge < 55 ? rng.pick([0, 0, 1, 1, 2, 3]) : 0);
  for (let i = 0; i < children; i++) {
    list.push({
      firstName: firstName(),
      lastName: tenant.lastName,
      role: "OTHER",
      isChild: true,
      birthYear: year - rng.int(1, 17),
    });
  }
  return list;
}

/** A household and its occupants, not yet inserted, with searchText and sortName maintained. */
export function planHousehold(opts: HouseholdOptions): HouseholdPlan {
  const rng = opts.rng ?? defaultRng();
  const year = opts.referenceYear ?? 2025;
  const people = opts.occupants?.length ? [...opts.occupants] : drawOccupants(rng, opts, year);
  const main = people[0];
  if (!main) throw new Error("planHousehold: a household needs at least one occupant");
  const town = opts.town ?? rng.pick(townsOf(opts.departement ?? "91"));
  const addressLine = opts.addressLine ?? `${rng.int(1, 150)} ${rng.pick(STREETS)}`;
  const id = newId();
  const occupants = people.map((p, position) => ({
    id: newId(),
    householdId: id,
    role: p.role ?? (position === 0 ? "TENANT" : "OTHER"),
    firstName: p.firstName,
    lastName: p.lastName,
    birthYear: p.birthYear ?? null,
    isChild: p.isChild ?? false,
    position,
  }));
  return {
    household: {
      id,
      teamId: opts.teamId,
      addressLine,
      addressExtra: rng.chance(0.3) ? `Bât. ${rng.pick(["A", "B", "C"])}, ${rng.int(1, 9)}e étage` : null,
      postcode: town.postcode,
      city: town.city,
      // ARCEP sets 06 39 98 xx xx aside for fiction: these numbers reach nobody.
      phone: opts.phone !== undefined ? opts.phone : rng.chance(0.6) ? `06 39 98 ${rng.int(10, 99)} ${rng.int(10, 99)}` : null,
      email: opts.email !== undefined ? opts.email : rng.chance(0.3) ? `${normaliseForSearch(`${main.firstName} ${main.lastName}`).replaceAll(" ", ".")}${rng.int(1, 99)}@example.org` : null,
      notes: opts.notes ?? null,
      searchText: buildSearchText([...people.flatMap((p) => [p.firstName, p.lastName]), addressLine, town.postcode, town.city]),
      sortName: buildSortName(main.lastName, main.firstName),
    },
    occupants,
  };
}

export async function insertHouseholdPlans(db: Db, plans: ReadonlyArray<HouseholdPlan>): Promise<void> {
  if (!plans.length) return;
  await db.household.createMany({ data: plans.map((p) => p.household) });
  await db.occupant.createMany({ data: plans.flatMap((p) => p.occupants) });
}

export async function createHousehold(
  db: Db,
  opts: HouseholdOptions,
): Promise<Household & { occupants: Occupant[] }> {
  const plan = planHousehold(opts);
  await insertHouseholdPlans(db, [plan]);
  return db.household.findUniqueOrThrow({
    where: { id: plan.household.id },
    include: { occupants: { orderBy: { position: "asc" } } },
  });
}
