import type { User } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { normaliseForSearch } from "@/lib/domain/search-text";
import { hashPassword } from "@/lib/server/password";

import type { Db } from "./db";
import { FIRST_NAMES, LAST_NAMES } from "./french-names";
import { newId } from "./ids";
import { defaultRng, type Rng } from "./random";

/** Password of factory users unless one is given (long enough for the app's rules). */
export const TEST_PASSWORD = "maintien-test-password";

export interface CreateUserOptions {
  role: Role;
  /** Team the user is a member of. */
  teamId?: string;
  /** Several teams (e.g. an admin); merged with `teamId`. */
  teamIds?: ReadonlyArray<string>;
  email?: string;
  name?: string;
  password?: string;
  organisationId?: string | null;
  active?: boolean;
  rng?: Rng;
}

/** The created user, and the clear-text password to sign in with. */
export type CreatedUser = User & { password: string };

export async function createUser(db: Db, opts: CreateUserOptions): Promise<CreatedUser> {
  const rng = opts.rng ?? defaultRng();
  const name = opts.name ?? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const email =
    opts.email ?? `${normaliseForSearch(name).replaceAll(" ", ".")}.${newId().slice(-8)}@test.maintien.fr`;
  const password = opts.password ?? TEST_PASSWORD;
  const user = await db.user.create({
    data: {
      email: email.toLowerCase(),
      name,
      role: opts.role,
      passwordHash: await hashPassword(password),
      organisationId: opts.organisationId ?? null,
      active: opts.active ?? true,
    },
  });
  const teamIds = [...new Set([...(opts.teamId ? [opts.teamId] : []), ...(opts.teamIds ?? [])])];
  if (teamIds.length) {
    await db.teamMembership.createMany({ data: teamIds.map((teamId) => ({ userId: user.id, teamId })) });
  }
  return { ...user, password };
}
