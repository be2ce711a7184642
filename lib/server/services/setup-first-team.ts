import "server-only";
import { passwordProblems } from "@/lib/domain/accounts/password-policy";
import { overlappingAreas, parseSectorAreas } from "@/lib/domain/teams/sectors";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { setupCodeMatches } from "@/lib/server/setup-code";
import type { SetupTeamInput } from "@/lib/validation/setup";

export const ALREADY_INSTALLED = "Maintien est déjà installé : connectez-vous, ou demandez un compte à votre administrateur.";

/** Serialises two setups sent at once: only the first finds no account. */
const SETUP_LOCK_KEY = 15_015;

/**
 * The first run for real use (issue 15): the team, the ADIL and the
 * association as its partner organisations, its sectors, the contact details
 * every letter carries, and the first administrator, in one transaction with
 * their audit rows. Refused once any account exists, or without the code
 * `npm start` printed.
 */
export async function setupFirstTeam(
  db: Db,
  input: SetupTeamInput,
  expectedCode: string | null,
): Promise<{ teamId: string; adminId: string }> {
  if (!expectedCode) {
    throw new ExpectedError(
      "INVALID_STEP",
      "Aucun code d'installation n'a été émis : démarrez Maintien avec « npm start », qui l'affiche, ou créez l'administrateur avec « npm run bootstrap-admin ».",
    );
  }
  if (!setupCodeMatches(input.setupCode, expectedCode)) {
    throw new ExpectedError("INVALID_STEP", "Le code d'installation ne correspond pas : recopiez celui qu'affiche « npm start ».", {
      setupCode: ["Code incorrect : il figure dans la sortie de « npm start »."],
    });
  }
  const problems = passwordProblems(input.password, { email: input.adminEmail, name: input.adminName });
  if (problems.length) throw new ExpectedError("INVALID_STEP", "Le mot de passe ne convient pas : corrigez le champ signalé.", { password: problems });

  const sectors = (input.sectors ?? [])
    .map((s, index) => ({ index, name: s?.name, ...parseSectorAreas(s?.areas ?? "") }))
    .filter((s): s is typeof s & { name: string } => !!s.name);
  const names = new Set<string>();
  for (const s of sectors) {
    const key = s.name.toLocaleLowerCase("fr");
    if (names.has(key)) throw new ExpectedError("INVALID_STEP", "Deux secteurs portent le même nom.", { [`sectors.${s.index}.name`]: ["Ce nom est déjà pris par un autre secteur."] });
    names.add(key);
  }
  const overlaps = overlappingAreas(sectors);
  if (overlaps.length) {
    throw new ExpectedError("INVALID_STEP", `Un code postal ou une commune ne peut appartenir qu'à un secteur : ${overlaps.join(", ")}.`);
  }

  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
    if (await tx.user.findFirst({ select: { id: true } })) throw new ExpectedError("CONFLICT", ALREADY_INSTALLED);

    const adil = await tx.organisation.create({ data: { name: input.adilName, kind: "ADIL" }, select: { id: true, name: true, kind: true } });
    const association = await tx.organisation.create({ data: { name: input.associationName, kind: "ASSOCIATION" }, select: { id: true, name: true, kind: true } });
    const team = await tx.team.create({
      data: {
        name: input.teamName,
        departement: input.departement,
        letterheadName: input.teamName,
        letterheadPhone: input.contactPhone,
        letterheadEmail: input.contactEmail,
        letterheadAddress: input.contactAddress,
        organisations: { create: [{ organisationId: adil.id }, { organisationId: association.id }] },
      },
      select: { id: true, name: true, departement: true },
    });
    const createdSectors = [];
    for (const s of sectors) {
      createdSectors.push(
        await tx.sector.create({ data: { teamId: team.id, name: s.name, postcodes: s.postcodes, communes: s.communes }, select: { id: true, name: true, postcodes: true, communes: true } }),
      );
    }
    const admin = await tx.user.create({
      data: { email: input.adminEmail, name: input.adminName, role: "ADMIN", passwordHash, memberships: { create: { teamId: team.id } } },
      select: { id: true, email: true, role: true },
    });

    const audit = (action: string, entity: string, entityId: string, after: Record<string, unknown>) =>
      writeAudit(tx, { userId: admin.id, action, entity, entityId, after: after as never });
    await audit("setup.organisation.create", "Organisation", adil.id, adil);
    await audit("setup.organisation.create", "Organisation", association.id, association);
    await audit("setup.team.create", "Team", team.id, {
      ...team,
      organisations: [adil.id, association.id],
      contact: { phone: input.contactPhone, email: input.contactEmail, address: input.contactAddress },
    });
    for (const s of createdSectors) await audit("setup.sector.create", "Sector", s.id, { teamId: team.id, ...s });
    await audit("setup.user.create", "User", admin.id, { email: admin.email, role: admin.role, teamId: team.id });
    return { teamId: team.id, adminId: admin.id };
  });
}
