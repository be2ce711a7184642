"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createHouseholdAction, searchLandlordsAction } from "@/app/(app)/dossiers/nouveau/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField, errorKey, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { valueAt } from "@/components/ui/form-values";
import { SubmitButton } from "@/components/ui/submit-button";
import { CASE_SOURCE_LABELS, LANDLORD_KIND_LABELS } from "@/lib/domain/labels";
import { MAX_OTHER_OCCUPANTS } from "@/lib/validation/household";
import { LANDLORD_SEARCH_INTENT, type LandlordChoice, type LandlordChoices, type NewHouseholdState } from "@/lib/validation/landlord-choices";

export interface NewHouseholdFormProps {
  teams: { id: string; name: string }[];
  sectors: { id: string; name: string }[];
  workers: { id: string; name: string }[];
  /** The first landlords of the team (a search finds the others): never the whole list. */
  landlords: LandlordChoices;
  currentUserId: string;
  /** Today in Paris (YYYY-MM-DD): the identification date's default and the dates' upper bound. */
  today: string;
}

const INITIAL: NewHouseholdState = { status: "idle" };

/** What the landlord list shows, said once for screen readers (a polite live region). */
function choicesMessage(c: LandlordChoices): string {
  const n = c.landlords.length;
  if (!c.query) return c.more ? `Les ${n} premiers bailleurs de l'équipe, par ordre alphabétique : tapez quelques lettres pour trouver les autres.` : `${n} bailleur${n > 1 ? "s" : ""} dans l'équipe.`;
  if (n === 0) return `Aucun bailleur ne correspond à « ${c.query} ».`;
  if (c.more) return `Plus de ${n} bailleurs correspondent à « ${c.query} » : les ${n} premiers sont proposés, précisez la recherche.`;
  return `${n} bailleur${n > 1 ? "s correspondent" : " correspond"} à « ${c.query} ».`;
}

/** The error keys in the order of the form (the error summary follows it). */
const FIELD_ORDER = [
  "teamId",
  "tenant.lastName",
  "tenant.firstName",
  "addressLine",
  "postcode",
  "city",
  "phone",
  "stage",
  "stageDate",
  "hearingOn",
  "landlordMode",
  "landlordId",
  "landlord.kind",
  "landlord.name",
  "rent",
  "identifiedOn",
  "source",
  "coTenant",
  "others",
  "addressExtra",
  "email",
  "leaseSignedOn",
  "charges",
  "landlord",
  "debt",
  "procedureRef",
  "courtName",
  "sectorId",
  "assignedWorkerId",
  "alreadyFollowed",
  "eligibilityNote",
  "notes",
];

/** The fields folded under "Compléter maintenant": an error in one of them opens the fold. */
const DETAIL_FIELDS = /^(coTenant|others|addressExtra|email|leaseSignedOn|charges|debt|procedureRef|courtName|sectorId|assignedWorkerId|alreadyFollowed|eligibilityNote|notes|landlord\.(addressLine|postcode|city|phone|email))/;

function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * "Nouveau ménage" as the street needs it (issue 16 §4): first only the name,
 * the address, the phone if known, the procedure's stage and date and the
 * landlord (picked from a searchable list or created here); the rest is folded
 * under "Compléter maintenant" and can be completed later from the case page.
 * Every error comes back at once, listed at the top with a link to its field.
 */
export function NewHouseholdForm({ teams, sectors, workers, landlords, currentUserId, today }: NewHouseholdFormProps) {
  const [state, action] = useActionState(createHouseholdAction, INITIAL);
  const failed = state.status === "error" ? state : undefined;
  // A refused form, or a landlord search sent without JavaScript: everything typed comes back.
  const returned = state.status === "error" || state.status === "search" ? state : undefined;
  const values = returned?.values;
  const v = (name: string) => valueAt(values, errorKey(name));
  const err = (name: string) => failed?.fieldErrors[errorKey(name)];
  const checked = (name: string) => v(name) === "on";

  const initialOthers = Array.isArray(values?.others) ? (values.others as unknown[]).length : 0;
  const [othersCount, setOthersCount] = useState(initialOthers);
  const hasLandlords = landlords.landlords.length > 0;
  const [landlordMode, setLandlordMode] = useState<string>(v("landlordMode") ?? (hasLandlords ? "existing" : "new"));

  // The landlord picker (issue 17): a search on the server, at most 20 landlords shown. With JavaScript the
  // list follows what is typed; without it, "Rechercher" sends the form back with the results (nothing lost).
  const formRef = useRef<HTMLFormElement>(null);
  const [choices, setChoices] = useState<LandlordChoices>(returned?.landlordChoices ?? landlords);
  const [landlordQuery, setLandlordQuery] = useState(v("landlordSearch") ?? "");
  const [chosenId, setChosenId] = useState(v("landlordId") ?? "");
  const [chosen, setChosen] = useState<LandlordChoice | null>(() => choices.chosen ?? choices.landlords.find((l) => l.id === chosenId) ?? null);
  const [hydrated, setHydrated] = useState(false);
  const searchSeq = useRef(0);
  const searchedQuery = useRef(choices.query);
  useEffect(() => setHydrated(true), []);
  const runSearch = async (query: string) => {
    const seq = ++searchSeq.current;
    searchedQuery.current = query.trim();
    const teamId = formRef.current ? String(new FormData(formRef.current).get("teamId") ?? "") : "";
    const found = await searchLandlordsAction({ teamId, query });
    if (found && seq === searchSeq.current) setChoices(found);
  };
  useEffect(() => {
    if (landlordQuery.trim() === searchedQuery.current) return;
    const timer = setTimeout(() => void runSearch(landlordQuery), 250);
    return () => clearTimeout(timer);
    // runSearch reads the latest state when it runs; only the query starts a search.
  }, [landlordQuery]);
  const shownLandlords = chosen && !choices.landlords.some((l) => l.id === chosen.id) ? [chosen, ...choices.landlords] : choices.landlords;
  const detailsOpen = Object.keys(failed?.fieldErrors ?? {}).some((k) => DETAIL_FIELDS.test(k)) || undefined;

  return (
    <form ref={formRef} action={action} key={returned?.submission ?? "new"} noValidate className="flex flex-col gap-5">
      {failed ? <ErrorSummary fieldErrors={failed.fieldErrors} formError={failed.formError} submission={failed.submission} order={FIELD_ORDER} /> : null}
      <p className="text-sm text-slate-700">
        Les champs marqués <span aria-hidden="true" className="text-red-700">*</span>
        <span className="sr-only">d&apos;un astérisque</span> sont obligatoires. Le reste peut être complété plus tard, depuis le dossier.
      </p>

      {teams.length > 1 ? (
        <SelectField name="teamId" label="Équipe" required defaultValue={v("teamId")} errors={err("teamId")}>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <input type="hidden" name="teamId" value={teams[0]?.id ?? ""} />
      )}

      <Fieldset legend="Locataire">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="tenant.lastName" label="Nom" required autoComplete="off" autoCapitalize="characters" defaultValue={v("tenant.lastName")} errors={err("tenant.lastName")} />
          <TextField name="tenant.firstName" label="Prénom" hint="Si vous le connaissez." autoComplete="off" defaultValue={v("tenant.firstName")} errors={err("tenant.firstName")} />
        </div>
      </Fieldset>

      <Fieldset legend="Adresse et téléphone">
        <TextField name="addressLine" label="Adresse" required autoComplete="off" defaultValue={v("addressLine")} errors={err("addressLine")} />
        <div className="grid grid-cols-[7rem_1fr] gap-3">
          <TextField name="postcode" label="Code postal" required inputMode="numeric" maxLength={5} autoComplete="off" defaultValue={v("postcode")} errors={err("postcode")} />
          <TextField name="city" label="Ville" required autoComplete="off" defaultValue={v("city")} errors={err("city")} />
        </div>
        <TextField name="phone" label="Téléphone" hint="Si vous le connaissez." type="tel" inputMode="tel" autoComplete="off" defaultValue={v("phone")} errors={err("phone")} />
      </Fieldset>

      <Fieldset legend="Procédure">
        <SelectField name="stage" label="Étape de la procédure" required defaultValue={v("stage") ?? "ASSIGNATION"} errors={err("stage")}>
          <option value="COMMANDEMENT_DE_PAYER">Commandement de payer</option>
          <option value="ASSIGNATION">Assignation</option>
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="stageDate" label="Date de l'acte" type="date" required max={today} defaultValue={v("stageDate")} errors={err("stageDate")} />
          <TextField name="hearingOn" label="Date d'audience" type="date" hint="Si elle est connue (assignation)." defaultValue={v("hearingOn")} errors={err("hearingOn")} />
        </div>
      </Fieldset>

      <Fieldset legend="Bailleur et loyer">
        <div role="radiogroup" aria-label="Bailleur connu ou nouveau" className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {[
            { value: "existing", label: "Bailleur déjà connu de l'équipe", disabled: !hasLandlords },
            { value: "new", label: "Nouveau bailleur", disabled: false },
          ].map((o) => (
            <label key={o.value} className="flex min-h-11 items-center gap-3 text-base">
              <input
                type="radio"
                name="landlordMode"
                value={o.value}
                className="h-5 w-5 accent-blue-800"
                checked={landlordMode === o.value}
                disabled={o.disabled}
                onChange={() => setLandlordMode(o.value)}
              />
              {o.label}
            </label>
          ))}
        </div>
        <div hidden={landlordMode !== "existing"} className="flex flex-col gap-3">
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1 basis-56">
              <TextField
                name="landlordSearch"
                label="Rechercher un bailleur"
                hint="Quelques lettres du nom ou de la ville."
                type="search"
                autoComplete="off"
                value={landlordQuery}
                onChange={(e) => setLandlordQuery(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key !== "Enter") return;
                  e.preventDefault(); // search now, do not send the form
                  void runSearch(landlordQuery);
                }}
              />
            </div>
            {hydrated ? null : (
              <Button type="submit" name="intent" value={LANDLORD_SEARCH_INTENT} variant="secondary" formNoValidate>
                Rechercher
              </Button>
            )}
          </div>
          <p role="status" className="text-sm text-slate-700">
            {choicesMessage(choices)}
          </p>
          <SelectField
            name="landlordId"
            label="Bailleur"
            required
            value={chosenId}
            onChange={(e) => {
              setChosenId(e.target.value);
              setChosen(shownLandlords.find((l) => l.id === e.target.value) ?? null);
            }}
            errors={err("landlordId")}
          >
            <option value="">{choices.query ? `${choices.landlords.length} bailleur(s) trouvé(s)…` : "Choisir un bailleur…"}</option>
            {shownLandlords.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
                {l.city ? ` (${l.city})` : ""}
              </option>
            ))}
          </SelectField>
        </div>
        <div hidden={landlordMode !== "new"} className="flex flex-col gap-4">
          <SelectField name="landlord.kind" label="Type de bailleur" required defaultValue={v("landlord.kind") ?? "PRIVATE_PERSON"} errors={err("landlord.kind")}>
            {Object.entries(LANDLORD_KIND_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField name="landlord.name" label="Nom du bailleur" required autoComplete="off" defaultValue={v("landlord.name")} errors={err("landlord.name")} />
        </div>
        <TextField name="rent" label="Loyer mensuel hors charges (€)" required inputMode="decimal" hint="Ex. 650 ou 650,50" defaultValue={v("rent")} errors={err("rent")} />
      </Fieldset>

      <Fieldset legend="Identification">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="identifiedOn" label="Date d'identification" type="date" max={today} hint="Aujourd'hui, sauf si le ménage a été repéré avant." defaultValue={v("identifiedOn") ?? today} errors={err("identifiedOn")} />
          <SelectField name="source" label="Origine du signalement" required defaultValue={v("source") ?? "PREFECTURE_LIST"} errors={err("source")}>
            {Object.entries(CASE_SOURCE_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
      </Fieldset>

      <details open={detailsOpen} className="group rounded-lg border border-slate-300 bg-white">
        <summary className="flex min-h-11 cursor-pointer items-center px-4 py-2 text-lg font-semibold text-blue-900">
          Compléter maintenant (facultatif)
        </summary>
        <div className="flex flex-col gap-5 border-t border-slate-200 p-4">
          <Fieldset legend="Autres occupants">
            <p className="text-sm font-medium text-slate-800">Co-locataire</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="coTenant.firstName" label="Prénom du co-locataire" autoComplete="off" defaultValue={v("coTenant.firstName")} errors={err("coTenant.firstName")} />
              <TextField name="coTenant.lastName" label="Nom du co-locataire" autoComplete="off" defaultValue={v("coTenant.lastName")} errors={err("coTenant.lastName")} />
            </div>
            {Array.from({ length: othersCount }, (_, i) => (
              <div key={i} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
                <TextField name={`others[${i}].firstName`} label={`Prénom de l'occupant ${i + 1}`} autoComplete="off" defaultValue={v(`others[${i}].firstName`)} errors={err(`others[${i}].firstName`)} />
                <TextField name={`others[${i}].lastName`} label={`Nom de l'occupant ${i + 1}`} autoComplete="off" defaultValue={v(`others[${i}].lastName`)} errors={err(`others[${i}].lastName`)} />
                <div className="flex items-end pb-2">
                  <CheckboxField name={`others[${i}].isChild`} label="Enfant" defaultChecked={checked(`others[${i}].isChild`)} />
                </div>
              </div>
            ))}
            {othersCount < MAX_OTHER_OCCUPANTS ? (
              <Button type="button" variant="secondary" className="self-start" onClick={() => setOthersCount((n) => n + 1)}>
                Ajouter un occupant
              </Button>
            ) : null}
          </Fieldset>

          <Fieldset legend="Coordonnées">
            <TextField name="addressExtra" label="Complément d'adresse (bâtiment, étage…)" autoComplete="off" defaultValue={v("addressExtra")} errors={err("addressExtra")} />
            <TextField name="email" label="Adresse e-mail" type="email" inputMode="email" autoComplete="off" defaultValue={v("email")} errors={err("email")} />
          </Fieldset>

          <Fieldset legend="Bail">
            <TextField
              name="leaseSignedOn"
              label="Date de signature du bail"
              type="date"
              hint="Elle détermine le délai du commandement de payer (6 semaines pour un bail signé à partir du 29 juillet 2023)."
              defaultValue={v("leaseSignedOn")}
              errors={err("leaseSignedOn")}
            />
            <TextField name="charges" label="Charges mensuelles (€)" inputMode="decimal" defaultValue={v("charges")} errors={err("charges")} />
            <div hidden={landlordMode !== "new"} className="flex flex-col gap-4">
              <TextField name="landlord.addressLine" label="Adresse du bailleur" autoComplete="off" defaultValue={v("landlord.addressLine")} errors={err("landlord.addressLine")} />
              <div className="grid grid-cols-[7rem_1fr] gap-3">
                <TextField name="landlord.postcode" label="Code postal du bailleur" inputMode="numeric" maxLength={5} autoComplete="off" defaultValue={v("landlord.postcode")} errors={err("landlord.postcode")} />
                <TextField name="landlord.city" label="Ville du bailleur" autoComplete="off" defaultValue={v("landlord.city")} errors={err("landlord.city")} />
              </div>
              <TextField name="landlord.phone" label="Téléphone du bailleur" type="tel" autoComplete="off" defaultValue={v("landlord.phone")} errors={err("landlord.phone")} />
              <TextField name="landlord.email" label="E-mail du bailleur" type="email" autoComplete="off" defaultValue={v("landlord.email")} errors={err("landlord.email")} />
            </div>
          </Fieldset>

          <Fieldset legend="Dossier judiciaire">
            <TextField name="debt" label="Dette locative déclarée (€)" inputMode="decimal" defaultValue={v("debt")} errors={err("debt")} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="procedureRef" label="Référence de la procédure (RG)" autoComplete="off" defaultValue={v("procedureRef")} errors={err("procedureRef")} />
              <TextField name="courtName" label="Tribunal" autoComplete="off" defaultValue={v("courtName")} errors={err("courtName")} />
            </div>
          </Fieldset>

          <Fieldset legend="Suivi">
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField name="sectorId" label="Secteur" hint="Par défaut, celui qui couvre le code postal ou la commune." defaultValue={v("sectorId") ?? ""} errors={err("sectorId")}>
                <option value="">Selon le code postal</option>
                {sectors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
              <SelectField name="assignedWorkerId" label="Suivi par" defaultValue={v("assignedWorkerId") ?? (workers.some((w) => w.id === currentUserId) ? currentUserId : "")} errors={err("assignedWorkerId")}>
                <option value="">Personne pour l&apos;instant</option>
                {workers.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <CheckboxField name="alreadyFollowed" label="Ménage déjà suivi par les services sociaux (hors critères)" defaultChecked={checked("alreadyFollowed")} errors={err("alreadyFollowed")} />
            <TextField name="eligibilityNote" label="Remarque sur l'éligibilité" autoComplete="off" defaultValue={v("eligibilityNote")} errors={err("eligibilityNote")} />
            <TextAreaField name="notes" label="Remarques" defaultValue={v("notes")} errors={err("notes")} />
          </Fieldset>
        </div>
      </details>

      <div className="flex flex-wrap gap-3">
        <SubmitButton>Créer le dossier</SubmitButton>
      </div>
    </form>
  );
}
