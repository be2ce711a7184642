/**
 * First administrator of a real deployment.
 *
 *   BOOTSTRAP_PASSWORD=… tsx --conditions=react-server scripts/bootstrap-admin.ts \
 *     --email admin@example.fr --name "Prénom Nom" [--team-name "Équipe mobile Essonne" --departement 91]
 *
 * The password comes from BOOTSTRAP_PASSWORD or is asked on the terminal
 * (not echoed). Refuses when an administrator already exists: later accounts
 * are created in the app. Creates the team when none exists yet.
 */
import path from "node:path";
import readline from "node:readline";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createPgAdapter } from "@/lib/server/pg-adapter";
import { z } from "zod";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/password";

import { applyMigrations } from "./db/migrations";
import { openTarget } from "./db/target";

export const bootstrapInputSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "adresse e-mail invalide" })),
  name: z.string().trim().min(1, "le nom est obligatoire").max(200),
  password: z
    .string()
    .min(12, "le mot de passe doit faire au moins 12 caractères")
    .max(256, "le mot de passe doit faire au plus 256 caractères"),
  teamName: z.string().trim().min(1).max(200).optional(),
  departement: z
    .string()
    .trim()
    .regex(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, "code de département invalide (ex. 91, 2A, 974)")
    .optional(),
});
export type BootstrapInput = z.input<typeof bootstrapInputSchema>;

/** An expected refusal, shown to the operator as is. */
export class BootstrapRefusal extends Error {}

export interface BootstrapResult {
  userId: string;
  email: string;
  /** Team the administrator joined, if any. */
  team: { id: string; name: string; created: boolean } | null;
}

/** Creates the first ADMIN (and the team when there is none), in one transaction. */
export async function bootstrapAdmin(db: PrismaClient, raw: BootstrapInput): Promise<BootstrapResult> {
  const parsed = bootstrapInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BootstrapRefusal(parsed.error.issues.map((i) => `${i.path.join(".") || "entrée"} : ${i.message}`).join("\n"));
  }
  const input = parsed.data;
  // Hash before the transaction: argon2 takes a moment and needs no lock.
  const passwordHash = await hashPassword(input.password);

  return db.$transaction(async (tx) => {
    if (await tx.user.findFirst({ where: { role: "ADMIN" }, select: { id: true } })) {
      throw new BootstrapRefusal("Un administrateur existe déjà : créez les autres comptes depuis l'application.");
    }
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new BootstrapRefusal(`Un compte existe déjà pour ${input.email}.`);
    }

    let team: BootstrapResult["team"] = null;
    if (input.teamName) {
      const existing = await tx.team.findFirst({ where: { name: input.teamName }, select: { id: true, name: true } });
      if (existing) {
        team = { ...existing, created: false };
      } else {
        if (!input.departement) throw new BootstrapRefusal("--departement est obligatoire pour créer l'équipe.");
        const created = await tx.team.create({ data: { name: input.teamName, departement: input.departement }, select: { id: true, name: true } });
        team = { ...created, created: true };
      }
    } else {
      const teams = await tx.team.findMany({ select: { id: true, name: true }, take: 2 });
      if (teams.length === 0) {
        throw new BootstrapRefusal("Aucune équipe n'existe encore : indiquez --team-name et --departement pour la créer.");
      }
      if (teams.length === 1) team = { ...(teams[0] as { id: string; name: string }), created: false };
    }

    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: "ADMIN", passwordHash },
      select: { id: true, email: true },
    });
    if (team) await tx.teamMembership.create({ data: { userId: user.id, teamId: team.id } });
    return { userId: user.id, email: user.email, team };
  });
}

// ───────────────────────────── CLI

/** Reads one line from the terminal without echoing it, or the first line of piped input. */
async function askPassword(prompt: string): Promise<string> {
  const muted = { on: false };
  const output = new Writable({
    write(chunk, encoding, callback) {
      if (!muted.on) process.stdout.write(chunk, encoding);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: Boolean(process.stdin.isTTY) });
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.question(prompt, (answer) => resolve(answer));
      muted.on = true;
      rl.on("close", () => reject(new BootstrapRefusal("Aucun mot de passe saisi.")));
    });
  } finally {
    muted.on = false;
    process.stdout.write("\n");
    rl.close();
  }
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.BOOTSTRAP_PASSWORD;
  if (fromEnv) return fromEnv;
  const password = await askPassword("Mot de passe de l'administrateur (12 caractères au moins) : ");
  if (process.stdin.isTTY) {
    const again = await askPassword("Confirmez le mot de passe : ");
    if (again !== password) throw new BootstrapRefusal("Les deux saisies diffèrent.");
  }
  return password;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      "team-name": { type: "string" },
      departement: { type: "string" },
    },
  });
  if (!values.email || !values.name) {
    console.error('Usage : bootstrap-admin --email adresse --name "Prénom Nom" [--team-name "…" --departement 91]');
    return 2;
  }
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv && !/^postgres(ql)?:\/\//.test(fromEnv)) {
    console.error("DATABASE_URL doit être une URL postgresql://.");
    return 2;
  }
  // Issue 15: without DATABASE_URL, the embedded database `npm start` uses
  // ($EMBEDDED_DB_DIR, else $DATA_DIR/pglite, else data/pglite), through the
  // running app's socket when it is up, else opened here; brought up to date first.
  if (!fromEnv && !process.env.EMBEDDED_DB_DIR && process.env.DATA_DIR) {
    process.env.EMBEDDED_DB_DIR = path.join(process.env.DATA_DIR, "pglite");
  }
  const target = await openTarget();
  let db: PrismaClient | null = null;
  try {
    if (target.kind === "embedded") await applyMigrations(target.url, { poolMax: 1 });
    const max = Number(process.env.DATABASE_POOL_MAX ?? "1");
    const poolMax = target.kind === "embedded" ? 1 : Number.isInteger(max) && max > 0 ? max : 1;
    db = new PrismaClient({ adapter: createPgAdapter(target.url, poolMax) });
    const result = await bootstrapAdmin(db, {
      email: values.email,
      name: values.name,
      password: await readPassword(),
      teamName: values["team-name"],
      departement: values.departement,
    });
    const team = result.team ? ` ; équipe « ${result.team.name} »${result.team.created ? " créée" : ""}` : "";
    console.log(`Administrateur créé : ${result.email}${team}.`);
    return 0;
  } catch (error) {
    if (error instanceof BootstrapRefusal) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db?.$disconnect();
    await target.release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
