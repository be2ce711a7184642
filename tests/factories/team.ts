import type { Organisation, Sector, Team } from "@/lib/generated/prisma/client";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";

import type { Db } from "./db";
import { newId } from "./ids";

export async function createOrganisation(
  db: Db,
  opts: { name: string; kind: OrganisationKind },
): Promise<Organisation> {
  return db.organisation.create({ data: { name: opts.name, kind: opts.kind } });
}

export interface CreateTeamOptions {
  name?: string;
  /** Département code; default "91". */
  departement?: string;
  territory?: string | null;
  /** Sector names, e.g. ["Nord", "Centre", "Sud"]. */
  sectors?: ReadonlyArray<string>;
  /** Organisations the team joins (ADIL + association). */
  organisationIds?: ReadonlyArray<string>;
  /** The contact details every letter carries (issue 15); none by default. */
  contact?: { phone: string; email: string; address: string };
}

/** A fictitious contact block for demo and test teams (letters refuse to go out without one). */
export function demoContact(departement: string): { phone: string; email: string; address: string } {
  return { phone: "01 60 00 00 00", email: `prevention${departement}@exemple.fr`, address: `1 place de la République\n${departement}000 Préfecture` };
}

export type TeamWithSectors = Team & { sectors: Array<Pick<Sector, "id" | "teamId" | "name">> };

export async function createTeam(db: Db, opts: CreateTeamOptions = {}): Promise<TeamWithSectors> {
  const team = await db.team.create({
    data: {
      name: opts.name ?? `Équipe test ${newId().slice(-6)}`,
      departement: opts.departement ?? "91",
      territory: opts.territory ?? null,
      ...(opts.contact
        ? { letterheadPhone: opts.contact.phone, letterheadEmail: opts.contact.email, letterheadAddress: opts.contact.address }
        : {}),
    },
  });
  if (opts.organisationIds?.length) {
    await db.teamOrganisation.createMany({
      data: opts.organisationIds.map((organisationId) => ({ teamId: team.id, organisationId })),
    });
  }
  const names = opts.sectors ?? [];
  const sectors = names.map((name) => ({ id: newId(), teamId: team.id, name }));
  if (sectors.length) await db.sector.createMany({ data: sectors });
  return { ...team, sectors };
}
