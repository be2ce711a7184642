import { beforeEach, describe, expect, it } from "vitest";
import { sampleRow, SAMPLE_HEADERS, toCells, toCsvText, type SampleRow } from "@/lib/domain/import/sample-list";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { previewImport } from "@/lib/server/import/preview-import";
import { readSpreadsheet } from "@/lib/server/import/read-file";
import { importList } from "@/lib/server/import/run-import";
import { loadUpload, saveUpload } from "@/lib/server/import/upload-store";
import { createHousehold } from "@/lib/server/services/create-household";
import { newHouseholdSchema } from "@/lib/validation/household";
import { CONFLICT_FIELD_PREFIX, conflictFieldValue, parseConflictDecisions } from "@/lib/validation/import";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

// Issue 14, part 6: the same procedure reference with another tenant is a
// conflict; nothing is written to the case on file without the coordinator's
// decision, which is validated, applied in the import's transaction and audited.

const NOW = new Date("2026-04-10T08:00:00Z");
const TODAY = new Date("2026-04-10T00:00:00Z");

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  const u = await createUser(db, { role: "COORDINATOR", teamId: team.id });
  const coordinator: Actor = { id: u.id, role: u.role, teamIds: [team.id] };
  const onFileRow = sampleRow(1, TODAY);
  await createHousehold(
    db,
    coordinator,
    newHouseholdSchema.parse({
      teamId: team.id,
      tenant: { firstName: onFileRow["Prénom du locataire"], lastName: onFileRow["Nom du locataire"] },
      addressLine: onFileRow.Adresse,
      postcode: onFileRow["Code postal"],
      city: onFileRow.Commune,
      landlordMode: "new",
      landlord: { kind: "AGENCY", name: onFileRow.Bailleur, postcode: onFileRow["Code postal du bailleur"] },
      rent: onFileRow["Loyer mensuel"],
      stage: "ASSIGNATION",
      stageDate: onFileRow["Date de l'acte"].split("/").reverse().join("-"),
      hearingOn: "",
      debt: "",
      procedureRef: onFileRow["Référence de la procédure"],
      courtName: "",
      source: "MANUAL",
    }),
    NOW,
  );
  const onFile = await db.case.findFirstOrThrow({ where: { teamId: team.id }, select: { id: true, number: true, version: true, householdId: true } });
  // The list names another tenant at another address under the same reference.
  const conflicting: SampleRow = { ...sampleRow(2, TODAY), "Référence de la procédure": onFileRow["Référence de la procédure"] };
  const bytes = new TextEncoder().encode(toCsvText([[...SAMPLE_HEADERS], toCells(conflicting)]));
  return { team, coordinator, onFile, conflicting, file: { teamId: team.id, fileName: "liste.csv", bytes } };
}

function formWith(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe("import conflicts (same reference, another household)", () => {
  beforeEach(resetDatabase);

  it("shows the conflict in the preview with the case on file, and writes nothing to it without a decision", async () => {
    const { coordinator, onFile, file } = await setup();
    const plan = await previewImport(db, coordinator, file, NOW);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.decisions).toHaveLength(1);
    expect(plan.decisions[0]).toMatchObject({ action: "skip", conflict: { caseId: onFile.id, caseNumber: onFile.number, choice: null } });

    const result = await importList(db, coordinator, file, NOW);
    expect(result).toMatchObject({ createdCount: 0, updatedCount: 0, skippedCount: 1 });
    expect(await db.case.findUniqueOrThrow({ where: { id: onFile.id }, select: { version: true } })).toEqual({ version: onFile.version });
    expect(await db.case.count()).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "import.create" }, select: { after: true } });
    expect(audit.after).toMatchObject({ conflicts: [{ rowNumber: 2, caseId: onFile.id, choice: "IGNORE", decided: false }] });
  });

  it("« C'est le même ménage » completes the case on file, and the audit names the choice", async () => {
    const { coordinator, onFile, file } = await setup();
    const { resolutions } = parseConflictDecisions(formWith({ [`${CONFLICT_FIELD_PREFIX}2`]: conflictFieldValue("SAME_HOUSEHOLD", onFile.id) })) as { ok: true; resolutions: Map<number, never> };
    const result = await importList(db, coordinator, { ...file, conflicts: resolutions }, NOW);
    expect(result).toMatchObject({ createdCount: 0, updatedCount: 1 });
    const after = await db.case.findUniqueOrThrow({ where: { id: onFile.id }, select: { version: true, hearingOn: true } });
    expect(after.version).toBe(onFile.version + 1);
    expect(after.hearingOn).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "case.import-update", entityId: onFile.id }, select: { after: true } });
    expect(audit.after).toMatchObject({ conflictChoice: "SAME_HOUSEHOLD", rowNumber: 2 });
    const batch = await db.auditLog.findFirstOrThrow({ where: { action: "import.create" }, select: { after: true } });
    expect(batch.after).toMatchObject({ conflicts: [{ rowNumber: 2, caseId: onFile.id, choice: "SAME_HOUSEHOLD", decided: true }] });
  });

  it("« Ménage différent » creates a new case and leaves the case on file untouched", async () => {
    const { coordinator, onFile, conflicting, file } = await setup();
    const conflicts = new Map([[2, { choice: "DIFFERENT_HOUSEHOLD" as const, caseId: onFile.id }]]);
    const result = await importList(db, coordinator, { ...file, conflicts }, NOW);
    expect(result).toMatchObject({ createdCount: 1, updatedCount: 0, skippedCount: 0 });
    expect(await db.case.findUniqueOrThrow({ where: { id: onFile.id }, select: { version: true } })).toEqual({ version: onFile.version });
    const created = await db.case.findFirstOrThrow({ where: { source: "PREFECTURE_LIST" }, select: { id: true, procedureRef: true, household: { select: { occupants: { select: { lastName: true } } } } } });
    expect(created.household.occupants[0]!.lastName).toBe(conflicting["Nom du locataire"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "case.create", entityId: created.id }, select: { after: true } });
    expect(audit.after).toMatchObject({ conflictChoice: "DIFFERENT_HOUSEHOLD", conflictingCaseId: onFile.id });
  });

  it("« Ignorer cette ligne » writes nothing, and a decision about another case does not apply", async () => {
    const { coordinator, onFile, file } = await setup();
    for (const conflicts of [new Map([[2, { choice: "IGNORE" as const, caseId: onFile.id }]]), new Map([[2, { choice: "SAME_HOUSEHOLD" as const, caseId: "cnotthiscase000000000000" }]])]) {
      const result = await importList(db, coordinator, { ...file, conflicts }, NOW);
      expect(result).toMatchObject({ createdCount: 0, updatedCount: 0, skippedCount: 1 });
    }
    expect(await db.case.findUniqueOrThrow({ where: { id: onFile.id }, select: { version: true } })).toEqual({ version: onFile.version });
    expect(await db.case.count()).toBe(1);
  });

  it("refuses a malformed decision with a French message", () => {
    for (const fields of [{ "conflit-2": "fusionner:abc" }, { "conflit-x": "meme:abc" }, { "conflit-2": "meme:" }] as Record<string, string>[]) {
      expect(parseConflictDecisions(formWith(fields))).toEqual({ ok: false, message: expect.stringMatching(/^Un choix pour une ligne en conflit est invalide/) });
    }
  });

  it("keeps the file as read at upload: reloading the preview does not parse it again", async () => {
    const { coordinator, file } = await setup();
    const parsed = await readSpreadsheet(file.bytes, file.fileName);
    const sha = await saveUpload(db, coordinator.id, { ...file, parsed }, NOW);
    const upload = (await loadUpload(db, coordinator.id, sha, NOW))!;
    expect(upload.parsed).toEqual(parsed);
    // With the rows kept, the bytes are not read again (garbage bytes would be refused).
    const plan = await previewImport(db, coordinator, { ...file, bytes: new Uint8Array([1, 2, 3]), parsed: upload.parsed }, NOW);
    expect(plan.ok).toBe(true);
  });
});
