import type { LandlordKind } from "@/lib/domain/labels";
import {
  cellText,
  isBlank,
  LANDLORD_KIND_HINT,
  parseAlreadyFollowed,
  parseAmount,
  parseDay,
  parseEmail,
  parseLandlordKind,
  parsePhone,
  parsePostcode,
  parseStage,
  parseText,
  type CellValue,
  type ImportStage,
  type Parsed,
} from "./cells";
import { COLUMN_LABELS, type HeaderMapping, type ImportColumnKey } from "./columns";
import { splitPersonName, splitTenants, type PersonName } from "./names";

/** One refused cell: the column, what it held, and why, in French. */
export interface CellError {
  column: ImportColumnKey;
  value: string;
  message: string;
}

/** A spreadsheet row as read: its number as the spreadsheet shows it (header = its own line). */
export interface RawRow {
  rowNumber: number;
  cells: ReadonlyArray<CellValue>;
}

/** A row that can be imported, every value normalised. */
export interface ImportRow {
  rowNumber: number;
  tenant: PersonName;
  coTenant: PersonName | null;
  addressLine: string;
  addressExtra: string | null;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  landlord: {
    name: string;
    kind: LandlordKind;
    addressLine: string | null;
    postcode: string | null;
    city: string | null;
    phone: string | null;
    email: string | null;
  };
  rentCents: number;
  chargesCents: number | null;
  debtCents: number | null;
  leaseSignedOn: Date | null;
  stage: ImportStage;
  actDate: Date;
  hearingOn: Date | null;
  courtName: string | null;
  procedureRef: string | null;
  alreadyFollowed: { followed: boolean; note: string | null } | null;
}

export type RowResult = { ok: true; row: ImportRow } | { ok: false; rowNumber: number; errors: CellError[]; summary: string };

/** A row whose every used cell is empty: a blank line, skipped without a word. */
export function isBlankRow(row: RawRow): boolean {
  return row.cells.every(isBlank);
}

/**
 * Reads and checks one row. Every refused cell is reported, not only the
 * first, so that the person fixing the file sees the whole row's problems.
 * `today` (a calendar day) refuses acts dated in the future, like the
 * new-household form does.
 */
export function normaliseRow(raw: RawRow, mapping: HeaderMapping, today: Date): RowResult {
  const errors: CellError[] = [];
  const cell = (key: ImportColumnKey): CellValue => {
    const index = mapping.columns[key];
    return index === undefined ? null : raw.cells[index];
  };
  const label = (key: ImportColumnKey) => COLUMN_LABELS[key];
  function take<T>(key: ImportColumnKey, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    errors.push({ column: key, value: cellText(cell(key)), message: parsed.message });
    return undefined;
  }
  function required<T>(key: ImportColumnKey, value: T | null | undefined, message?: string): T | undefined {
    if (value === null) errors.push({ column: key, value: "", message: message ?? `${label(key)} : champ obligatoire vide.` });
    return value ?? undefined;
  }

  // Tenant(s): separate name columns win over the combined one.
  let tenant: PersonName | null = null;
  let coTenant: PersonName | null = null;
  const lastName = cellText(cell("tenantLastName"));
  if (lastName !== "") {
    const firstName = cellText(cell("tenantFirstName"));
    tenant = firstName !== "" ? { lastName, firstName } : (splitPersonName(lastName) ?? { lastName, firstName: "" });
  }
  const combined = splitTenants(cellText(cell("tenants")));
  if (!tenant && combined[0]) tenant = combined[0];
  const coLast = cellText(cell("coTenantLastName"));
  if (coLast !== "") coTenant = { lastName: coLast, firstName: cellText(cell("coTenantFirstName")) };
  else if (combined.length > 1 && tenant === combined[0]) coTenant = combined[1]!;
  if (!tenant) {
    const column: ImportColumnKey = mapping.columns.tenantLastName !== undefined ? "tenantLastName" : "tenants";
    errors.push({ column, value: "", message: "Nom du locataire : champ obligatoire vide." });
  } else if (tenant.lastName.length > 80 || tenant.firstName.length > 80) {
    errors.push({ column: "tenantLastName", value: `${tenant.lastName} ${tenant.firstName}`, message: "Nom du locataire : 80 caractères au plus pour le nom et le prénom." });
  }

  const addressLine = required("addressLine", take("addressLine", parseText(cell("addressLine"), label("addressLine"), 200)), "Adresse : champ obligatoire vide.");
  const addressExtra = take("addressExtra", parseText(cell("addressExtra"), label("addressExtra"), 200));
  const postcode = required("postcode", take("postcode", parsePostcode(cell("postcode"), label("postcode"))));
  const city = required("city", take("city", parseText(cell("city"), label("city"), 100)));
  const phone = take("phone", parsePhone(cell("phone"), label("phone")));
  const email = take("email", parseEmail(cell("email"), label("email")));

  const landlordName = required("landlordName", take("landlordName", parseText(cell("landlordName"), label("landlordName"), 160)));
  const landlordKind = required(
    "landlordKind",
    take("landlordKind", parseLandlordKind(cell("landlordKind"), label("landlordKind"))),
    `Type de bailleur : champ obligatoire vide (${LANDLORD_KIND_HINT}).`,
  );
  const landlordAddress = take("landlordAddress", parseText(cell("landlordAddress"), label("landlordAddress"), 200));
  const landlordPostcode = take("landlordPostcode", parsePostcode(cell("landlordPostcode"), label("landlordPostcode")));
  const landlordCity = take("landlordCity", parseText(cell("landlordCity"), label("landlordCity"), 100));
  const landlordPhone = take("landlordPhone", parsePhone(cell("landlordPhone"), label("landlordPhone")));
  const landlordEmail = take("landlordEmail", parseEmail(cell("landlordEmail"), label("landlordEmail")));

  const rentCents = required("rent", take("rent", parseAmount(cell("rent"), label("rent"))), "Loyer mensuel : champ obligatoire vide (il faut le loyer pour créer le bail).");
  if (rentCents === 0) errors.push({ column: "rent", value: cellText(cell("rent")), message: "Loyer mensuel : le loyer ne peut pas être nul." });
  else if (rentCents !== undefined && rentCents > 100_000_00) errors.push({ column: "rent", value: cellText(cell("rent")), message: "Loyer mensuel : montant trop élevé pour un loyer." });
  const chargesCents = take("charges", parseAmount(cell("charges"), label("charges")));
  const debtCents = take("debt", parseAmount(cell("debt"), label("debt")));
  const leaseSignedOn = take("leaseSignedOn", parseDay(cell("leaseSignedOn"), label("leaseSignedOn")));

  const stageCell = take("stage", parseStage(cell("stage"), label("stage")));
  const actDate = required("actDate", take("actDate", parseDay(cell("actDate"), label("actDate"))));
  const hearingOn = take("hearingDate", parseDay(cell("hearingDate"), label("hearingDate")));
  // A list of hearings may not name the stage: a hearing date means an assignation.
  let stage: ImportStage | undefined = stageCell ?? undefined;
  if (stageCell === null) {
    if (hearingOn) stage = "ASSIGNATION";
    else errors.push({ column: "stage", value: "", message: "Étape : champ obligatoire vide (commandement de payer ou assignation)." });
  }
  if (actDate && actDate > today) errors.push({ column: "actDate", value: cellText(cell("actDate")), message: "Date de l'acte : elle ne peut pas être dans le futur." });
  if (leaseSignedOn && leaseSignedOn > today) errors.push({ column: "leaseSignedOn", value: cellText(cell("leaseSignedOn")), message: "Date du bail : elle ne peut pas être dans le futur." });
  if (hearingOn && actDate && hearingOn <= actDate) {
    errors.push({ column: "hearingDate", value: cellText(cell("hearingDate")), message: "Date d'audience : elle doit être postérieure à la date de l'acte." });
  }
  if (hearingOn && stageCell === "COMMANDEMENT_DE_PAYER") {
    errors.push({ column: "hearingDate", value: cellText(cell("hearingDate")), message: "Date d'audience : une audience suppose une assignation, or l'étape indiquée est « commandement de payer »." });
  }
  const courtName = take("courtName", parseText(cell("courtName"), label("courtName"), 120));
  const procedureRef = take("procedureRef", parseText(cell("procedureRef"), label("procedureRef"), 80));
  const alreadyFollowed = take("alreadyFollowed", parseAlreadyFollowed(cell("alreadyFollowed")));

  if (errors.length > 0 || !tenant || !addressLine || !postcode || !city || !landlordName || !landlordKind || rentCents === undefined || !stage || !actDate) {
    return { ok: false, rowNumber: raw.rowNumber, errors, summary: errors.map((e) => e.message).join(" ") };
  }
  return {
    ok: true,
    row: {
      rowNumber: raw.rowNumber,
      tenant,
      coTenant: coTenant && coTenant.lastName !== "" ? coTenant : null,
      addressLine,
      addressExtra: addressExtra ?? null,
      postcode,
      city,
      phone: phone ?? null,
      email: email ?? null,
      landlord: {
        name: landlordName,
        kind: landlordKind,
        addressLine: landlordAddress ?? null,
        postcode: landlordPostcode ?? null,
        city: landlordCity ?? null,
        phone: landlordPhone ?? null,
        email: landlordEmail ?? null,
      },
      rentCents,
      chargesCents: chargesCents ?? null,
      debtCents: debtCents ?? null,
      leaseSignedOn: leaseSignedOn ?? null,
      stage,
      actDate,
      hearingOn: hearingOn ?? null,
      courtName: courtName ?? null,
      procedureRef: procedureRef ?? null,
      alreadyFollowed: alreadyFollowed ?? null,
    },
  };
}
