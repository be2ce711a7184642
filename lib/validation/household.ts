import { z } from "zod";
import { CASE_SOURCE_LABELS, codes, ENTRY_STAGES, LANDLORD_KIND_LABELS } from "@/lib/domain/labels";
import { checkbox, optionalDate, optionalEuros, requiredDate, requiredEuros, optionalEmail, optionalId, optionalPhone, optionalPostcode, optionalText, postcode, requiredText } from "./fields";

/** Maximum occupants besides the tenant and co-tenant on the form. */
export const MAX_OTHER_OCCUPANTS = 12;

/** On the street the surname is often all that is known (issue 16: the quick household). */
const tenant = z.object({
  firstName: optionalText("Le prénom", 80),
  lastName: requiredText("Le nom", 80),
});

const optionalPerson = z
  .object({ firstName: optionalText("Le prénom", 80), lastName: optionalText("Le nom", 80) })
  .superRefine((p, ctx) => {
    if (p.firstName && !p.lastName) ctx.addIssue({ code: "custom", path: ["lastName"], message: "Le nom est obligatoire si le prénom est saisi." });
    if (p.lastName && !p.firstName) ctx.addIssue({ code: "custom", path: ["firstName"], message: "Le prénom est obligatoire si le nom est saisi." });
  })
  .optional();

const otherOccupant = z.object({
  firstName: optionalText("Le prénom", 80),
  lastName: optionalText("Le nom", 80),
  isChild: checkbox,
});

const newLandlord = z.object({
  kind: z.enum(codes(LANDLORD_KIND_LABELS), { error: "Choisissez le type de bailleur." }),
  name: requiredText("Le nom du bailleur", 160),
  addressLine: optionalText("L'adresse du bailleur"),
  postcode: optionalPostcode,
  city: optionalText("La ville du bailleur", 100),
  phone: optionalPhone,
  email: optionalEmail,
});

/** The form sends both landlord blocks; only the chosen one is validated. */
function keepChosenLandlord(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const v = { ...(raw as Record<string, unknown>) };
  if (v.landlordMode === "existing") delete v.landlord;
  if (v.landlordMode === "new") delete v.landlordId;
  return v;
}

const householdFields = z.object({
    teamId: z.string({ error: "Choisissez l'équipe." }).min(1, "Choisissez l'équipe.").max(64),
    tenant,
    coTenant: optionalPerson,
    others: z.array(otherOccupant.optional()).max(MAX_OTHER_OCCUPANTS, "Trop d'occupants sur un seul formulaire.").optional(),
    addressLine: requiredText("L'adresse"),
    addressExtra: optionalText("Le complément d'adresse"),
    postcode,
    city: requiredText("La ville", 100),
    phone: optionalPhone,
    email: optionalEmail,
    landlordMode: z.enum(["existing", "new"], { error: "Indiquez si le bailleur existe déjà." }),
    landlordId: optionalId,
    landlord: newLandlord.optional(),
    leaseSignedOn: optionalDate("La date de signature du bail"),
    rent: requiredEuros("Le loyer hors charges", 100_000_00),
    charges: optionalEuros("Les charges", 100_000_00),
    stage: z.enum(ENTRY_STAGES, { error: "Choisissez l'étape de la procédure." }),
    stageDate: requiredDate("La date de l'acte"),
    hearingOn: optionalDate("La date d'audience"),
    debt: optionalEuros("La dette locative"),
    procedureRef: optionalText("La référence de la procédure", 80),
    courtName: optionalText("Le tribunal", 120),
    source: z.enum(codes(CASE_SOURCE_LABELS), { error: "Choisissez l'origine du signalement." }),
    /** Issue 15: the day the team learnt of the household (Case.openedOn); today when absent, as the form proposes. */
    identifiedOn: optionalDate("La date d'identification"),
    sectorId: optionalId,
    assignedWorkerId: optionalId,
    alreadyFollowed: checkbox,
    eligibilityNote: optionalText("La remarque sur l'éligibilité", 500),
    notes: optionalText("Les remarques", 2000),
  });

type HouseholdFields = z.output<typeof householdFields>;

/**
 * The cross-field rules. They run even when a field failed its own type (an
 * empty required date), so that every error comes back in one round (issue 16
 * §4). With `today`, dates in the future are refused here too, not later by
 * the service in a second round.
 */
function crossFieldRules(today?: Date) {
  return z.superRefine(
    (raw: unknown, ctx) => {
      const v = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<HouseholdFields>;
      if (v.landlordMode === "existing" && !v.landlordId) {
        ctx.addIssue({ code: "custom", path: ["landlordId"], message: "Choisissez le bailleur dans la liste, ou créez-en un nouveau." });
      }
      if (v.landlordMode === "new" && !v.landlord) {
        ctx.addIssue({ code: "custom", path: ["landlord", "name"], message: "Le nom du bailleur est obligatoire." });
      }
      if (v.hearingOn instanceof Date && v.stageDate instanceof Date && v.hearingOn <= v.stageDate) {
        ctx.addIssue({ code: "custom", path: ["hearingOn"], message: "L'audience doit être postérieure à la date de l'acte." });
      }
      if (v.hearingOn instanceof Date && v.stage === "COMMANDEMENT_DE_PAYER") {
        ctx.addIssue({ code: "custom", path: ["hearingOn"], message: "Une date d'audience suppose une assignation : choisissez l'étape « Assignation »." });
      }
      if (today && v.stageDate instanceof Date && v.stageDate > today) {
        ctx.addIssue({ code: "custom", path: ["stageDate"], message: "La date de l'acte ne peut pas être dans le futur." });
      }
      if (today && v.leaseSignedOn instanceof Date && v.leaseSignedOn > today) {
        ctx.addIssue({ code: "custom", path: ["leaseSignedOn"], message: "La date de signature du bail ne peut pas être dans le futur." });
      }
    },
    { when: () => true },
  );
}

export const newHouseholdSchema = z.preprocess(keepChosenLandlord, householdFields.check(crossFieldRules()));

/** The same form checked against today (Paris), used by the action: future dates are errors of the first round. */
export const newHouseholdSchemaAt = (today: Date) => z.preprocess(keepChosenLandlord, householdFields.check(crossFieldRules(today)));

export type NewHouseholdInput = z.output<typeof newHouseholdSchema>;
