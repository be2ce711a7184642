import "server-only";
import type { Db } from "@/lib/server/db";
import { hashInvitationToken } from "@/lib/server/services/invite-user";

export interface PendingInvitation {
  name: string;
  email: string;
  expiresAt: Date;
}

/** The invitation behind a link, if it is still valid: otherwise null (unknown, used or expired look the same). */
export async function getInvitation(db: Db, token: string, now: Date): Promise<PendingInvitation | null> {
  if (!token || token.length > 200) return null;
  const user = await db.user.findUnique({
    where: { invitationTokenHash: hashInvitationToken(token) },
    select: { name: true, email: true, active: true, invitationExpiresAt: true },
  });
  if (!user || user.active || !user.invitationExpiresAt || user.invitationExpiresAt <= now) return null;
  return { name: user.name, email: user.email, expiresAt: user.invitationExpiresAt };
}
