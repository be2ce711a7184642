"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { addPartnerOrganisation } from "@/lib/server/services/add-partner-organisation";
import { addTeamMember } from "@/lib/server/services/add-team-member";
import { deleteSector } from "@/lib/server/services/delete-sector";
import { removeTeamMember } from "@/lib/server/services/remove-team-member";
import { saveSector } from "@/lib/server/services/save-sector";
import { saveTeamDetails } from "@/lib/server/services/save-team-details";
import { setMemberRole } from "@/lib/server/services/set-member-role";
import { unlinkPartnerOrganisation } from "@/lib/server/services/unlink-partner-organisation";
import {
  addMemberSchema,
  deleteSectorSchema,
  memberRoleSchema,
  partnerOrganisationSchema,
  removeMemberSchema,
  sectorSchema,
  teamDetailsSchema,
  unlinkOrganisationSchema,
} from "@/lib/validation/teams";

// Issue 15: the administration of a team. Each action calls one service,
// which checks "teams.manage" on the team and audits in its transaction.

const refresh = () => revalidatePath("/administration/equipes");

export const saveTeamDetailsAction = formAction(teamDetailsSchema, async (input, { user }) => {
  await saveTeamDetails(db, user, input);
  refresh();
  return { status: "success", message: "Équipe enregistrée." };
});

export const addPartnerOrganisationAction = formAction(partnerOrganisationSchema, async (input, { user }) => {
  await addPartnerOrganisation(db, user, input);
  refresh();
  return { status: "success", message: `${input.name} ajoutée aux partenaires.` };
});

export const unlinkPartnerOrganisationAction = formAction(unlinkOrganisationSchema, async (input, { user }) => {
  await unlinkPartnerOrganisation(db, user, input);
  refresh();
  return { status: "success", message: "Organisation retirée des partenaires." };
});

export const saveSectorAction = formAction(sectorSchema, async (input, { user }) => {
  await saveSector(db, user, input);
  refresh();
  return { status: "success", message: `Secteur « ${input.name} » enregistré.` };
});

export const deleteSectorAction = formAction(deleteSectorSchema, async (input, { user }) => {
  await deleteSector(db, user, input);
  refresh();
  return { status: "success", message: "Secteur supprimé." };
});

export const setMemberRoleAction = formAction(memberRoleSchema, async (input, { user }) => {
  await setMemberRole(db, user, input);
  refresh();
  return { status: "success", message: "Rôle enregistré." };
});

export const addTeamMemberAction = formAction(addMemberSchema, async (input, { user }) => {
  await addTeamMember(db, user, input);
  refresh();
  return { status: "success", message: `${input.email} ajouté à l'équipe.` };
});

export const removeTeamMemberAction = formAction(removeMemberSchema, async (input, { user }) => {
  await removeTeamMember(db, user, input);
  refresh();
  return { status: "success", message: "Personne retirée de l'équipe." };
});
