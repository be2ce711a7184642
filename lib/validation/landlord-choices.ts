import { z } from "zod";
import type { ActionState } from "@/lib/validation/action-state";

/** How many landlords the new household form offers at once (issue 17: never the team's whole list). */
export const LANDLORD_CHOICES_LIMIT = 20;

export interface LandlordChoice {
  id: string;
  name: string;
  city: string | null;
}

/** The landlords offered for one search: at most LANDLORD_CHOICES_LIMIT, `more` when others match too. */
export interface LandlordChoices {
  query: string;
  /** The landlords matching the search. */
  landlords: LandlordChoice[];
  more: boolean;
  /** The landlord already chosen, when one was asked for and is the team's: offered whatever the search. */
  chosen?: LandlordChoice | null;
}

/** The name and value of the form's "Rechercher" button (the landlord search without JavaScript). */
export const LANDLORD_SEARCH_INTENT = "chercher-bailleur";

/** The landlord search of the new household form (typed, or sent by the "Rechercher" button without JavaScript). */
export const landlordSearchSchema = z.object({
  teamId: z.string().trim().min(1).max(64),
  query: z.string().max(100).catch(""),
});

/**
 * The new household form's state: the action's usual state, or the result of
 * a landlord search sent without JavaScript (everything typed comes back with
 * it); either may carry the landlords to offer.
 */
export type NewHouseholdState = (
  | ActionState
  | { status: "search"; values: Record<string, unknown>; submission: number }
) & { landlordChoices?: LandlordChoices };
