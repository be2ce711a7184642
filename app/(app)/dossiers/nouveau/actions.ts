"use server";

import { redirect } from "next/navigation";
import { canCreateHousehold } from "@/lib/domain/permissions";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { searchLandlordChoices } from "@/lib/server/queries/landlord-choices";
import { getCurrentUser } from "@/lib/server/session";
import { createHousehold } from "@/lib/server/services/create-household";
import { parisToday } from "@/lib/utils/dates";
import { formDataToObject } from "@/lib/validation/form-data";
import { newHouseholdSchemaAt } from "@/lib/validation/household";
import { LANDLORD_SEARCH_INTENT, landlordSearchSchema, type LandlordChoices, type NewHouseholdState } from "@/lib/validation/landlord-choices";

const create = formAction(
  (now: Date) => newHouseholdSchemaAt(parisToday(now)),
  async (input, { user, now }) => {
    const { caseId } = await createHousehold(db, user, input, now);
    redirect(`/dossiers/${caseId}?cree=1`);
  },
);

/** The landlords offered for the search typed in the form (and the one chosen, kept): null when not allowed. */
async function choicesFor(values: Record<string, unknown>): Promise<LandlordChoices | null> {
  const user = await getCurrentUser();
  const parsed = landlordSearchSchema.safeParse({ teamId: values.teamId, query: values.landlordSearch ?? "" });
  if (!user || !parsed.success || !canCreateHousehold(user, parsed.data.teamId)) return null;
  const chosen = typeof values.landlordId === "string" ? values.landlordId : null;
  return searchLandlordChoices(db, user, parsed.data.teamId, parsed.data.query, chosen);
}

/**
 * Creates the household; or, when the form was sent by its "Rechercher"
 * button (no JavaScript), searches the landlords and gives everything typed
 * back. A refused form also comes back with the landlords it showed, so the
 * one chosen stays chosen.
 */
export async function createHouseholdAction(prev: NewHouseholdState, formData: FormData): Promise<NewHouseholdState> {
  if (formData.get("intent") === LANDLORD_SEARCH_INTENT) {
    const values = formDataToObject(formData);
    delete values.intent;
    const landlordChoices = (await choicesFor(values)) ?? undefined;
    return { status: "search", values: { ...values, landlordMode: "existing" }, submission: Date.now(), landlordChoices };
  }
  const state = await create(prev.status === "search" ? { status: "idle" } : prev, formData);
  if (state.status !== "error") return state;
  const landlordChoices = (await choicesFor(state.values)) ?? undefined;
  return { ...state, landlordChoices };
}

/** The landlord search as the user types (with JavaScript): at most LANDLORD_CHOICES_LIMIT landlords of the team. */
export async function searchLandlordsAction(input: { teamId: string; query: string }): Promise<LandlordChoices | null> {
  // A browser may send anything: choicesFor validates it.
  const fields = (input ?? {}) as Partial<typeof input>;
  return choicesFor({ teamId: fields.teamId, landlordSearch: fields.query ?? "" });
}
