/**
 * What an administrator sees of an account: derived from the stored flags,
 * never stored itself.
 */
export type AccountStatus = "ACTIVE" | "LOCKED" | "INVITED" | "INVITATION_EXPIRED" | "DEACTIVATED";

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  ACTIVE: "Actif",
  LOCKED: "Verrouillé",
  INVITED: "Invitation envoyée",
  INVITATION_EXPIRED: "Invitation expirée",
  DEACTIVATED: "Désactivé",
};

export interface AccountFlags {
  active: boolean;
  lockedUntil: Date | null;
  invitationTokenHash: string | null;
  invitationExpiresAt: Date | null;
}

export function accountStatus(flags: AccountFlags, now: Date): AccountStatus {
  if (!flags.active) {
    if (flags.invitationTokenHash) {
      return flags.invitationExpiresAt && flags.invitationExpiresAt.getTime() > now.getTime() ? "INVITED" : "INVITATION_EXPIRED";
    }
    return "DEACTIVATED";
  }
  if (flags.lockedUntil && flags.lockedUntil.getTime() > now.getTime()) return "LOCKED";
  return "ACTIVE";
}

/** How long an invitation link stays valid. */
export const INVITATION_DAYS = 7;
