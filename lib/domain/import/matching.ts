import type { LandlordKind, ProcedureStage } from "@/lib/domain/labels";
import { normaliseForSearch } from "@/lib/domain/search-text";
import type { ImportRow } from "./rows";

/**
 * Does a row of the list name a household the team already follows?
 *
 * 1. Same procedure reference (RG number, EXPLOC reference): same procedure —
 *    but only with the same tenant and address; otherwise a conflict for the
 *    coordinator, and nothing is written (issue 14).
 * 2. Otherwise same tenant (family and first names, in any order), same
 *    address and same postcode, accent-, case- and abbreviation-insensitive.
 *
 * A matched case is updated only with facts it lacks (a new act, a hearing
 * date, a reference, a debt or contact details not on file): the import never
 * overwrites what the team recorded, so re-importing the same list changes
 * nothing. Everything is within one team: the caller passes only its cases.
 */

/** "RG 24/01234" and "rg24-01234" are the same reference. */
export function referenceKey(ref: string | null | undefined): string | null {
  if (!ref) return null;
  const key = ref.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return key === "" ? null : key;
}

const STREET_ABBREVIATIONS: Readonly<Record<string, string>> = {
  av: "avenue",
  ave: "avenue",
  bd: "boulevard",
  bld: "boulevard",
  bvd: "boulevard",
  boul: "boulevard",
  r: "rue",
  pl: "place",
  ch: "chemin",
  che: "chemin",
  chem: "chemin",
  imp: "impasse",
  all: "allee",
  rte: "route",
  fbg: "faubourg",
  sq: "square",
  crs: "cours",
  res: "residence",
  qu: "quai",
  st: "saint",
  ste: "sainte",
  pass: "passage",
  lot: "lotissement",
  sen: "sentier",
};

/** "8, av. Jean-Jaurès" and "8 AVENUE JEAN JAURES" give the same key. */
export function addressKey(addressLine: string): string {
  return normaliseForSearch(addressLine.replace(/\./g, " "))
    .split(" ")
    .map((w) => STREET_ABBREVIATIONS[w] ?? w)
    .join(" ");
}

/** Names in any order: "DUPONT Jean" and "Jean Dupont" are one person. */
export function personKey(lastName: string, firstName: string): string {
  return normaliseForSearch(`${lastName} ${firstName}`).split(" ").filter(Boolean).sort().join(" ");
}

export function householdKey(p: { lastName: string; firstName: string; addressLine: string; postcode: string }): string {
  return `${personKey(p.lastName, p.firstName)}|${addressKey(p.addressLine)}|${p.postcode.trim()}`;
}

/** A case of the team, as much as matching and the update decision need. */
export interface ExistingCase {
  id: string;
  number: number;
  version: number;
  closed: boolean;
  householdId: string;
  procedureRef: string | null;
  courtName: string | null;
  debtCents: number | null;
  tenant: { lastName: string; firstName: string } | null;
  addressLine: string;
  postcode: string;
  phone: string | null;
  email: string | null;
  events: ReadonlyArray<{ stage: ProcedureStage; date: Date }>;
}

/** What an update adds to a matched case; every field is something the case lacks. */
export interface CaseChanges {
  events: { stage: ProcedureStage; date: Date; reference: string | null; courtName: string | null }[];
  procedureRef?: string;
  courtName?: string;
  debtCents?: number;
  phone?: string;
  email?: string;
}

export type EligibilityFlag = "SOCIAL_LANDLORD" | "ALREADY_FOLLOWED" | "ALREADY_IN_CASELOAD" | "REFERENCE_CONFLICT";

/**
 * Issue 14: what the coordinator decided for a row whose procedure reference
 * is another household's case. Nothing is written without a decision.
 */
export type ConflictChoice = "SAME_HOUSEHOLD" | "DIFFERENT_HOUSEHOLD" | "IGNORE";

export const CONFLICT_CHOICE_LABELS: Record<ConflictChoice, string> = {
  SAME_HOUSEHOLD: "C'est le même ménage : compléter le dossier",
  DIFFERENT_HOUSEHOLD: "Ménage différent : créer un nouveau dossier",
  IGNORE: "Ignorer cette ligne",
};

/** The decision for a row, tied to the case it was shown against: another case, and it does not apply. */
export interface ConflictResolution {
  choice: ConflictChoice;
  caseId: string;
}

/** The case a conflicting row was compared with, for the preview and the audit. */
export interface ConflictDetails {
  caseId: string;
  caseNumber: number;
  choice: ConflictChoice | null;
  onFile: { tenant: string | null; address: string; reference: string | null };
}

export type RowDecision =
  | { action: "create"; row: ImportRow; eligible: boolean; eligibilityNote: string | null; flags: EligibilityFlag[]; conflict?: ConflictDetails }
  | { action: "update"; row: ImportRow; caseId: string; caseNumber: number; changes: CaseChanges; described: string[]; flags: EligibilityFlag[]; conflict?: ConflictDetails }
  | { action: "skip"; row: ImportRow; reason: string; caseId: string | null; caseNumber: number | null; flags: EligibilityFlag[]; conflict?: ConflictDetails };

export const SOCIAL_LANDLORD_NOTE = "Bailleur social : le dispositif vise les locataires du parc privé.";
export const ALREADY_FOLLOWED_NOTE = "Déjà suivi par les services sociaux (selon la liste).";

/** Eligibility of a new case (shared/domain/outreach.md: private sector, not already followed). */
export function eligibilityOf(row: ImportRow): { eligible: boolean; note: string | null; flags: EligibilityFlag[] } {
  const flags: EligibilityFlag[] = [];
  const notes: string[] = [];
  if (row.landlord.kind === "SOCIAL") {
    flags.push("SOCIAL_LANDLORD");
    notes.push(SOCIAL_LANDLORD_NOTE);
  }
  if (row.alreadyFollowed?.followed) {
    flags.push("ALREADY_FOLLOWED");
    notes.push(row.alreadyFollowed.note ? `Déjà suivi : ${row.alreadyFollowed.note}` : ALREADY_FOLLOWED_NOTE);
  }
  return { eligible: flags.length === 0, note: notes.length ? notes.join(" ") : null, flags };
}

function sameDay(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}

/** The facts of the row that the case lacks, and their French description for the preview. */
export function changesFor(row: ImportRow, existing: ExistingCase, formatDay: (d: Date) => string): { changes: CaseChanges; described: string[] } {
  const changes: CaseChanges = { events: [] };
  const described: string[] = [];
  const has = (stage: ProcedureStage, date: Date) => existing.events.some((e) => e.stage === stage && sameDay(e.date, date));
  if (!has(row.stage, row.actDate)) {
    changes.events.push({ stage: row.stage, date: row.actDate, reference: row.procedureRef, courtName: row.courtName });
    described.push(`${row.stage === "ASSIGNATION" ? "assignation" : "commandement de payer"} du ${formatDay(row.actDate)}`);
  }
  if (row.hearingOn && !has("HEARING", row.hearingOn)) {
    changes.events.push({ stage: "HEARING", date: row.hearingOn, reference: null, courtName: row.courtName });
    described.push(`audience du ${formatDay(row.hearingOn)}`);
  }
  if (row.procedureRef && !existing.procedureRef) {
    changes.procedureRef = row.procedureRef;
    described.push("référence de la procédure");
  }
  if (row.courtName && !existing.courtName) {
    changes.courtName = row.courtName;
    described.push("tribunal");
  }
  if (row.debtCents !== null && existing.debtCents === null) {
    changes.debtCents = row.debtCents;
    described.push("dette locative");
  }
  if (row.phone && !existing.phone) {
    changes.phone = row.phone;
    described.push("téléphone");
  }
  if (row.email && !existing.email) {
    changes.email = row.email;
    described.push("courriel");
  }
  return { changes, described };
}

function preferred(cases: ReadonlyArray<ExistingCase> | undefined): ExistingCase | undefined {
  if (!cases || cases.length === 0) return undefined;
  // An open case first, then the most recent.
  return [...cases].sort((a, b) => Number(a.closed) - Number(b.closed) || b.number - a.number)[0];
}

/**
 * Decides, row by row, create / update / skip. Rows are taken in file order;
 * a row naming the same household or procedure as an earlier row of the same
 * file is skipped as a duplicate of that row. `resolutions` (by row number)
 * are the coordinator's decisions on reference conflicts; a row in conflict
 * without one is skipped.
 */
export function decideRows(
  rows: ReadonlyArray<ImportRow>,
  existing: ReadonlyArray<ExistingCase>,
  formatDay: (d: Date) => string,
  resolutions: ReadonlyMap<number, ConflictResolution> = new Map(),
): RowDecision[] {
  const byRef = new Map<string, ExistingCase[]>();
  const byHousehold = new Map<string, ExistingCase[]>();
  for (const c of existing) {
    const ref = referenceKey(c.procedureRef);
    if (ref) (byRef.get(ref) ?? byRef.set(ref, []).get(ref)!).push(c);
    if (c.tenant) {
      const key = householdKey({ ...c.tenant, addressLine: c.addressLine, postcode: c.postcode });
      (byHousehold.get(key) ?? byHousehold.set(key, []).get(key)!).push(c);
    }
  }

  const seenRef = new Map<string, number>();
  const seenHousehold = new Map<string, number>();
  return rows.map((row): RowDecision => {
    const ref = referenceKey(row.procedureRef);
    const hKey = householdKey({ ...row.tenant, addressLine: row.addressLine, postcode: row.postcode });
    // Among the cases under this reference, the one of this very household first.
    const refCases = ref ? byRef.get(ref) : undefined;
    const byReference = refCases?.find((c) => c.tenant && householdKey({ ...c.tenant, addressLine: c.addressLine, postcode: c.postcode }) === hKey) ?? preferred(refCases);
    const match = byReference ?? preferred(byHousehold.get(hKey));

    const earlier = (ref ? seenRef.get(ref) : undefined) ?? seenHousehold.get(hKey);
    if (ref && !seenRef.has(ref)) seenRef.set(ref, row.rowNumber);
    if (!seenHousehold.has(hKey)) seenHousehold.set(hKey, row.rowNumber);

    if (earlier !== undefined) {
      return { action: "skip", row, reason: `Doublon de la ligne ${earlier} du fichier.`, caseId: match?.id ?? null, caseNumber: match?.number ?? null, flags: match ? ["ALREADY_IN_CASELOAD"] : [] };
    }
    if (!match) {
      const { eligible, note, flags } = eligibilityOf(row);
      return { action: "create", row, eligible, eligibilityNote: note, flags };
    }
    // Issue 14: the same procedure reference with another tenant or another
    // address is not "à compléter": a typo in the list, or two households
    // merged by mistake. Nothing is written to the case unless the
    // coordinator, comparing the two in the preview, decided: the same
    // household (complete the case), another household (a new case), or
    // ignore the row (the default).
    let conflict: ConflictDetails | undefined;
    if (byReference && (!byReference.tenant || householdKey({ ...byReference.tenant, addressLine: byReference.addressLine, postcode: byReference.postcode }) !== hKey)) {
      const resolution = resolutions.get(row.rowNumber);
      const choice = resolution && resolution.caseId === byReference.id ? resolution.choice : null;
      conflict = {
        caseId: byReference.id,
        caseNumber: byReference.number,
        choice,
        onFile: {
          tenant: byReference.tenant ? `${byReference.tenant.lastName} ${byReference.tenant.firstName}` : null,
          address: `${byReference.addressLine} ${byReference.postcode}`,
          reference: byReference.procedureRef,
        },
      };
      if (choice === "DIFFERENT_HOUSEHOLD") {
        const { eligible, note, flags } = eligibilityOf(row);
        return { action: "create", row, eligible, eligibilityNote: note, flags: [...flags, "REFERENCE_CONFLICT"], conflict };
      }
      if (choice !== "SAME_HOUSEHOLD") {
        const onFile = byReference.tenant ? `${byReference.tenant.lastName} ${byReference.tenant.firstName}, ${byReference.addressLine} ${byReference.postcode}` : "un ménage anonymisé";
        return {
          action: "skip",
          row,
          reason:
            choice === "IGNORE"
              ? `Conflit tranché : ligne ignorée (la référence ${row.procedureRef} est celle du dossier n° ${byReference.number}, ${onFile}).`
              : `Conflit à trancher : la référence ${row.procedureRef} est celle du dossier n° ${byReference.number} (${onFile}), mais la liste indique ${row.tenant.lastName} ${row.tenant.firstName}, ${row.addressLine} ${row.postcode}. Rien n'est écrit dans ce dossier sans votre choix dans l'aperçu.`,
          caseId: byReference.id,
          caseNumber: byReference.number,
          flags: ["REFERENCE_CONFLICT"],
          conflict,
        };
      }
    }
    const flags: EligibilityFlag[] = conflict ? ["ALREADY_IN_CASELOAD", "REFERENCE_CONFLICT"] : ["ALREADY_IN_CASELOAD"];
    const withConflict = conflict ? { conflict } : {};
    if (match.closed) {
      return { action: "skip", row, reason: `Le dossier n° ${match.number} de ce ménage est clôturé : rouvrez-le depuis sa fiche si la situation le justifie.`, caseId: match.id, caseNumber: match.number, flags, ...withConflict };
    }
    const { changes, described } = changesFor(row, match, formatDay);
    if (described.length === 0) {
      return { action: "skip", row, reason: `Déjà en file active (dossier n° ${match.number}) : rien de nouveau.`, caseId: match.id, caseNumber: match.number, flags, ...withConflict };
    }
    return { action: "update", row, caseId: match.id, caseNumber: match.number, changes, described, flags, ...withConflict };
  });
}

// ───────────────────────────── Landlords

export interface ExistingLandlord {
  id: string;
  name: string;
  kind: LandlordKind;
  postcode: string | null;
  addressLine: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
}

export function landlordNameKey(name: string): string {
  return normaliseForSearch(name);
}

export type LandlordRef = { existingId: string } | { newKey: string };

export interface LandlordPlan {
  /** Per row number: the landlord it leases from. */
  byRow: Map<number, LandlordRef>;
  /** Landlords to create, keyed like LandlordRef.newKey, with the first row's details. */
  toCreate: Map<string, ImportRow["landlord"]>;
  /** Existing landlords whose empty contact fields the list fills. */
  toComplete: Map<string, Partial<Pick<ExistingLandlord, "addressLine" | "postcode" | "city" | "phone" | "email">>>;
  /** The kind of each existing landlord the list uses (the procedure deadlines depend on it). */
  existingKinds: Map<string, LandlordKind>;
}

/**
 * Landlords are shared across a team's households: a landlord of the list is
 * the team's landlord with the same normalised name and, when both are
 * known, the same postcode; the same name with another postcode is another
 * landlord (two "Agence du Centre" in two towns).
 */
export function planLandlords(rows: ReadonlyArray<ImportRow>, existing: ReadonlyArray<ExistingLandlord>): LandlordPlan {
  const byName = new Map<string, ExistingLandlord[]>();
  for (const l of existing) {
    const key = landlordNameKey(l.name);
    (byName.get(key) ?? byName.set(key, []).get(key)!).push(l);
  }
  const byRow = new Map<number, LandlordRef>();
  const toCreate = new Map<string, ImportRow["landlord"]>();
  const toComplete: LandlordPlan["toComplete"] = new Map();
  const existingById = new Map(existing.map((l) => [l.id, l]));
  const newKeysByName = new Map<string, string[]>();

  for (const row of rows) {
    const l = row.landlord;
    const name = landlordNameKey(l.name);
    const candidates = byName.get(name) ?? [];
    const found =
      (l.postcode ? candidates.find((c) => c.postcode === l.postcode) : undefined) ??
      candidates.find((c) => !l.postcode || !c.postcode);
    if (found) {
      byRow.set(row.rowNumber, { existingId: found.id });
      const current = { ...existingById.get(found.id)!, ...toComplete.get(found.id) };
      const fill: Partial<Pick<ExistingLandlord, "addressLine" | "postcode" | "city" | "phone" | "email">> = {};
      for (const field of ["addressLine", "postcode", "city", "phone", "email"] as const) {
        if (!current[field] && l[field]) fill[field] = l[field];
      }
      if (Object.keys(fill).length > 0) toComplete.set(found.id, { ...toComplete.get(found.id), ...fill });
      continue;
    }
    // A landlord new to the team: one row per name and postcode; a row without
    // a postcode joins a new landlord of the same name.
    let key = `${name}|${l.postcode ?? ""}`;
    if (!toCreate.has(key)) {
      const keys = newKeysByName.get(name) ?? [];
      const sameName = keys.find((k) => !l.postcode || k.endsWith("|"));
      if (sameName) key = sameName;
    }
    if (!toCreate.has(key)) {
      toCreate.set(key, l);
      newKeysByName.set(name, [...(newKeysByName.get(name) ?? []), key]);
    }
    else {
      const first = toCreate.get(key)!;
      const merged = { ...first };
      for (const field of ["addressLine", "postcode", "city", "phone", "email"] as const) if (!merged[field] && l[field]) merged[field] = l[field];
      toCreate.set(key, merged);
    }
    byRow.set(row.rowNumber, { newKey: key });
  }
  const existingKinds = new Map<string, LandlordKind>();
  for (const ref of byRow.values()) if ("existingId" in ref) existingKinds.set(ref.existingId, existingById.get(ref.existingId)!.kind);
  return { byRow, toCreate, toComplete, existingKinds };
}

export const ELIGIBILITY_FLAG_LABELS: Record<EligibilityFlag, string> = {
  SOCIAL_LANDLORD: "Bailleur social : hors du champ du dispositif",
  ALREADY_FOLLOWED: "Déjà suivi par les services sociaux",
  ALREADY_IN_CASELOAD: "Déjà en file active",
  REFERENCE_CONFLICT: "Conflit : même référence, autre ménage",
};
