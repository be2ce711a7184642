"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { importPartners } from "@/lib/server/services/import-partners";
import { savePartner } from "@/lib/server/services/save-partner";
import { partnerSchema, partnersCsvSchema } from "@/lib/validation/referrals";

export const savePartnerAction = formAction(partnerSchema, async (input, { user }) => {
  const { created } = await savePartner(db, user, input);
  revalidatePath("/partenaires");
  return { status: "success", message: `${input.name} : partenaire ${created ? "ajouté" : "modifié"}.` };
});

export const importPartnersAction = formAction(partnersCsvSchema, async (input, { user }) => {
  const { created, updated } = await importPartners(db, user, input);
  revalidatePath("/partenaires");
  return { status: "success", message: `Import terminé : ${created} partenaire(s) ajouté(s), ${updated} mis à jour.` };
});
