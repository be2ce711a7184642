import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Actor, Role } from "@/lib/domain/roles";
import { auth } from "@/lib/server/auth-config";
import { db } from "@/lib/server/db";

export interface CurrentUser extends Actor {
  name: string;
  email: string;
  teams: { id: string; name: string }[];
}

/**
 * The signed-in user, re-read from the database on every request: a
 * deactivated account or a bumped session version stops working at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      sessionVersion: true,
      memberships: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  const teams = user.memberships.map((m) => m.team);
  return { id: user.id, name: user.name, email: user.email, role: user.role as Role, teams, teamIds: teams.map((t) => t.id) };
});

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  return user;
}
