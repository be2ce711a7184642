import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { INVITATION_DAYS } from "@/lib/domain/accounts/account-status";
import { canManageUser, canManageUsers } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import type { InviteUserInput } from "@/lib/validation/accounts";

/**
 * An invitation link carries 32 random bytes; only their SHA-256 is stored
 * (a database leak gives no usable link). SHA-256 rather than argon2: the
 * token is random and long, there is nothing to brute-force, and the lookup
 * must be by equality.
 */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 24 * 3_600_000);
}

/** A password nobody knows, hashed like real ones: until the invitation is accepted, signing in fails in the usual time. */
export async function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString("base64url"));
}

export interface Invitation {
  userId: string;
  /** The clear token, to build the link: shown once, never stored. */
  token: string;
  expiresAt: Date;
}

/**
 * Admin invites someone to one of their teams (issue 8 §4). The account
 * exists at once, inactive, and becomes usable when the person sets a
 * password through the link (accept-invitation.ts).
 */
export async function inviteUser(db: Db, actor: Actor, input: InviteUserInput, now: Date): Promise<Invitation> {
  if (!canManageUsers(actor)) throw notFound("Cette page");
  if (!canManageUser(actor, [input.teamId])) throw notFound("Cette équipe");
  const team = await db.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
  if (!team) throw notFound("Cette équipe");
  const passwordHash = await unusablePasswordHash();
  const { token, hash } = newInvitationToken();
  const expiresAt = invitationExpiry(now);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      throw new ExpectedError("CONFLICT", "Un compte existe déjà pour cette adresse e-mail.", { email: ["Un compte existe déjà pour cette adresse e-mail."] });
    }
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        active: false,
        invitationTokenHash: hash,
        invitationExpiresAt: expiresAt,
        invitedById: actor.id,
        memberships: { create: { teamId: input.teamId } },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      userId: actor.id,
      action: "user.invite",
      entity: "User",
      entityId: user.id,
      after: { name: input.name, email: input.email, role: input.role, teamId: input.teamId, invitationExpiresAt: expiresAt.toISOString() },
    });
    return { userId: user.id, token, expiresAt };
  });
}
