import { z } from "zod";
import { codes, ORGANISATION_KIND_LABELS } from "@/lib/domain/labels";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { emailField } from "./accounts";
import { optionalId, optionalText, requiredText } from "./fields";
import { departementField } from "./setup";

/** Administration of a team (issue 15): every form carries the team it acts on. */

const id = (label: string) => z.string({ error: `${label} est introuvable.` }).trim().min(1, `${label} est introuvable.`).max(64, `${label} est introuvable.`);
const teamId = id("L'équipe");

export const teamDetailsSchema = z.object({
  teamId,
  name: requiredText("Le nom de l'équipe", 160),
  departement: departementField,
  territory: optionalText("Le territoire", 160),
});
export type TeamDetailsInput = z.output<typeof teamDetailsSchema>;

export const partnerOrganisationSchema = z.object({
  teamId,
  name: requiredText("Le nom de l'organisation", 160),
  kind: z.enum(codes(ORGANISATION_KIND_LABELS), { error: "Choisissez le type d'organisation." }),
});
export type PartnerOrganisationInput = z.output<typeof partnerOrganisationSchema>;

export const unlinkOrganisationSchema = z.object({ teamId, organisationId: id("L'organisation") });
export type UnlinkOrganisationInput = z.output<typeof unlinkOrganisationSchema>;

export const sectorSchema = z.object({
  teamId,
  /** Absent: a new sector. */
  sectorId: optionalId,
  name: requiredText("Le nom du secteur", 100),
  areas: optionalText("Les codes postaux et communes", 4000),
});
export type SectorInput = z.output<typeof sectorSchema>;

export const deleteSectorSchema = z.object({ teamId, sectorId: id("Le secteur") });
export type DeleteSectorInput = z.output<typeof deleteSectorSchema>;

export const memberRoleSchema = z.object({
  teamId,
  userId: id("Le compte"),
  role: z.enum(codes(ROLE_LABELS), { error: "Choisissez un rôle." }),
});
export type MemberRoleInput = z.output<typeof memberRoleSchema>;

export const addMemberSchema = z.object({ teamId, email: emailField });
export type AddMemberInput = z.output<typeof addMemberSchema>;

export const removeMemberSchema = z.object({ teamId, userId: id("Le compte") });
export type RemoveMemberInput = z.output<typeof removeMemberSchema>;
