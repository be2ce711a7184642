"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { createHousehold } from "@/lib/server/services/create-household";
import { parisToday } from "@/lib/utils/dates";
import { newHouseholdSchemaAt } from "@/lib/validation/household";

export const createHouseholdAction = formAction(
  (now: Date) => newHouseholdSchemaAt(parisToday(now)),
  async (input, { user, now }) => {
    const { caseId } = await createHousehold(db, user, input, now);
    redirect(`/dossiers/${caseId}?cree=1`);
  },
);
