import { z } from "zod";
import { optionalDate, optionalEmail, optionalEuros, optionalId, optionalPhone, optionalText, requiredEuros } from "./fields";

/**
 * "Compléter le ménage" on the case page (issue 16 §4): what the quick
 * household left out. The form shows what is on file; an emptied field is
 * cleared. The case version the person saw guards against a concurrent change.
 */
export const completeHouseholdSchema = z.object({
  caseId: z.string().min(1).max(64),
  version: z.coerce.number({ error: "Version du dossier manquante." }).int().min(0),
  tenantFirstName: optionalText("Le prénom", 80),
  phone: optionalPhone,
  email: optionalEmail,
  addressExtra: optionalText("Le complément d'adresse"),
  leaseSignedOn: optionalDate("La date de signature du bail"),
  rent: requiredEuros("Le loyer hors charges", 100_000_00),
  charges: optionalEuros("Les charges", 100_000_00),
  debt: optionalEuros("La dette locative"),
  sectorId: optionalId,
  assignedWorkerId: optionalId,
  notes: optionalText("Les remarques", 2000),
});

export type CompleteHouseholdInput = z.output<typeof completeHouseholdSchema>;
