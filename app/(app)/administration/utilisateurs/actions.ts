"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { readSmtpConfig } from "@/lib/server/mail/config";
import { sendMail } from "@/lib/server/mail/send-mail";
import { inviteUser, type Invitation } from "@/lib/server/services/invite-user";
import { renewInvitation } from "@/lib/server/services/renew-invitation";
import { resetUserTotp } from "@/lib/server/services/reset-user-totp";
import { setUserActive } from "@/lib/server/services/set-user-active";
import { unlockUser } from "@/lib/server/services/unlock-user";
import { formatInstant } from "@/lib/utils/dates";
import type { ActionState } from "@/lib/validation/action-state";
import { inviteUserSchema, setUserActiveSchema, userIdSchema } from "@/lib/validation/accounts";

/** What the invitation forms receive: the link, shown once (only its hash is stored). */
export type InvitationState = ActionState & { link?: string; mailed?: boolean; mailNote?: string };

const refresh = () => revalidatePath("/administration/utilisateurs");

/**
 * The link: on AUTH_URL's origin, or the one our trusted proxy forwarded
 * (lib/server/http/public-origin.ts); never from an untrusted Host. Without
 * either, only the path: the page completes it with the administrator's own
 * address, and no e-mail is sent (issue 14).
 */
async function invitationLink(token: string): Promise<{ link: string; absolute: boolean }> {
  const origin = publicOrigin({ AUTH_URL: process.env.AUTH_URL, trustedProxies: getEnv().TRUST_PROXY }, await headers());
  return origin ? { link: `${origin}/invitation/${token}`, absolute: true } : { link: `/invitation/${token}`, absolute: false };
}

/**
 * Sends the link by e-mail when SMTP is configured (lib/server/mail); the
 * link is shown to the administrator in every case, to pass on otherwise.
 */
async function deliver(invitation: Invitation, to: { name: string; email: string }, message: string): Promise<InvitationState> {
  const { link, absolute } = await invitationLink(invitation.token);
  const state: InvitationState = { status: "success", message, link, mailed: false };
  if (!readSmtpConfig().ok) {
    state.mailNote = "L'envoi d'e-mails n'est pas configuré : transmettez ce lien à la personne vous-même (par un canal sûr).";
    return state;
  }
  if (!absolute) {
    state.mailNote = "L'adresse publique du site (AUTH_URL) n'est pas configurée : le lien n'a pas été envoyé par e-mail, transmettez-le vous-même.";
    return state;
  }
  try {
    await sendMail({
      to: to.email,
      subject: "Votre compte Maintien",
      text: [
        `Bonjour ${to.name},`,
        "",
        "Un compte a été créé pour vous dans Maintien, l'outil de suivi de l'équipe mobile de prévention des expulsions.",
        "Choisissez votre mot de passe en ouvrant ce lien :",
        link,
        "",
        `Ce lien ne sert qu'une fois et expire le ${formatInstant(invitation.expiresAt)}.`,
        "Si vous n'attendiez pas ce message, ignorez-le.",
      ].join("\n"),
    });
    state.mailed = true;
    state.mailNote = `Le lien a été envoyé par e-mail à ${to.email}.`;
  } catch (error) {
    state.mailNote = `${error instanceof Error ? error.message : "L'e-mail n'est pas parti."} Transmettez le lien vous-même.`;
  }
  return state;
}

export const inviteUserAction = formAction(inviteUserSchema, async (input, { user, now }) => {
  const invitation = await inviteUser(db, user, input, now);
  refresh();
  return deliver(invitation, input, `Invitation créée pour ${input.name}. Le lien est valable jusqu'au ${formatInstant(invitation.expiresAt)}.`);
});

export const renewInvitationAction = formAction(userIdSchema, async (input, { user, now }) => {
  const invitation = await renewInvitation(db, user, input, now);
  refresh();
  return deliver(invitation, invitation, `Nouveau lien créé pour ${invitation.name} ; l'ancien ne fonctionne plus.`);
});

export const setUserActiveAction = formAction(setUserActiveSchema, async (input, { user, now }) => {
  try {
    await setUserActive(db, user, input, now);
    return { status: "success", message: input.active ? "Compte réactivé." : "Compte désactivé : ses sessions sont fermées." };
  } finally {
    refresh();
  }
});

export const unlockUserAction = formAction(userIdSchema, async (input, { user, now }) => {
  try {
    await unlockUser(db, user, input, now);
    return { status: "success", message: "Compte déverrouillé." };
  } finally {
    refresh();
  }
});

export const resetUserTotpAction = formAction(userIdSchema, async (input, { user, now }) => {
  try {
    await resetUserTotp(db, user, input, now);
    return { status: "success", message: "Double authentification retirée : la personne pourra la réactiver depuis « Mon compte »." };
  } finally {
    refresh();
  }
});
