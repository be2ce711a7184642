import { z } from "zod";
import { codes } from "@/lib/domain/labels";
import { PASSWORD_MAX_LENGTH } from "@/lib/domain/accounts/password-policy";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { requiredText } from "./fields";

/**
 * Accounts (issue 8): invitation, activation, password, second factor. The
 * password policy itself (length, name, e-mail) is a domain rule checked by
 * the services, where the name and e-mail are known.
 */

const id = (label = "Le compte") => z.string({ error: `${label} est introuvable.` }).trim().min(1, `${label} est introuvable.`).max(64, `${label} est introuvable.`);

export const emailField = z
  .string({ error: "L'adresse e-mail est obligatoire." })
  .trim()
  .toLowerCase()
  .min(1, "L'adresse e-mail est obligatoire.")
  .max(254, "L'adresse e-mail est trop longue.")
  .pipe(z.email("Adresse e-mail invalide (ex. prenom.nom@exemple.fr)."));

export const inviteUserSchema = z.object({
  name: requiredText("Le nom"),
  email: emailField,
  role: z.enum(codes(ROLE_LABELS), { error: "Choisissez un rôle." }),
  teamId: id("L'équipe"),
});
export type InviteUserInput = z.output<typeof inviteUserSchema>;

export const userIdSchema = z.object({ userId: id() });

export const setUserActiveSchema = z.object({
  userId: id(),
  active: z.enum(["true", "false"], { error: "Action inconnue." }).transform((v) => v === "true"),
});

const newPassword = z
  .string({ error: "Choisissez un mot de passe." })
  .min(1, "Choisissez un mot de passe.")
  .max(PASSWORD_MAX_LENGTH * 4, `Le mot de passe doit contenir au plus ${PASSWORD_MAX_LENGTH} caractères.`);

export const acceptInvitationSchema = z
  .object({
    token: z.string().trim().min(1).max(200),
    password: newPassword,
    confirmation: z.string({ error: "Saisissez de nouveau le mot de passe." }).min(1, "Saisissez de nouveau le mot de passe.").max(PASSWORD_MAX_LENGTH * 4),
  })
  .refine((v) => v.password === v.confirmation, { path: ["confirmation"], message: "Les deux saisies du mot de passe diffèrent." });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Saisissez votre mot de passe actuel." }).min(1, "Saisissez votre mot de passe actuel.").max(512, "Mot de passe trop long."),
    password: newPassword,
    confirmation: z.string({ error: "Saisissez de nouveau le mot de passe." }).min(1, "Saisissez de nouveau le mot de passe.").max(PASSWORD_MAX_LENGTH * 4),
  })
  .refine((v) => v.password === v.confirmation, { path: ["confirmation"], message: "Les deux saisies du mot de passe diffèrent." });

export const totpCode = z
  .string({ error: "Saisissez le code à 6 chiffres." })
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Le code comporte 6 chiffres (ex. 123456)."));

export const confirmTotpSchema = z.object({ code: totpCode });

export const disableTotpSchema = z.object({
  currentPassword: z.string({ error: "Saisissez votre mot de passe." }).min(1, "Saisissez votre mot de passe.").max(512, "Mot de passe trop long."),
  code: totpCode,
});
