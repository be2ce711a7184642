import "server-only";
import type { Letterhead } from "@/lib/domain/letters/compose";
import { DEFAULT_TEMPLATES, type LetterTemplateText } from "@/lib/domain/letters/defaults";
import { LETTER_KINDS, type LetterKind } from "@/lib/domain/letters/kinds";
import { canEditLetterTemplates } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { createHash } from "node:crypto";

// Reads for the letters (issue 7): the team's letterhead and its templates.
// Every read checks the actor's team.

export interface LetterheadView extends Letterhead {
  /** Fingerprint of the values shown (the Team row has no version). */
  token: string;
}

const LETTERHEAD_SELECT = {
  name: true,
  letterheadName: true,
  letterheadAddress: true,
  letterheadPhone: true,
  letterheadEmail: true,
  letterSignature: true,
} as const;

type LetterheadRow = Prisma.TeamGetPayload<{ select: typeof LETTERHEAD_SELECT }>;

export function letterheadToken(row: Omit<LetterheadRow, "name">): string {
  const values = [row.letterheadName, row.letterheadAddress, row.letterheadPhone, row.letterheadEmail, row.letterSignature];
  return createHash("sha256").update(JSON.stringify(values)).digest("hex").slice(0, 32);
}

function toLetterhead(row: LetterheadRow): LetterheadView {
  return {
    teamName: row.name,
    name: row.letterheadName,
    address: row.letterheadAddress,
    phone: row.letterheadPhone,
    email: row.letterheadEmail,
    signature: row.letterSignature,
    token: letterheadToken(row),
  };
}

export async function readLetterhead(db: Db, teamId: string): Promise<LetterheadView | null> {
  const row = await db.team.findUnique({ where: { id: teamId }, select: LETTERHEAD_SELECT });
  return row ? toLetterhead(row) : null;
}

export async function readTemplates(db: Db, teamId: string): Promise<Record<LetterKind, LetterTemplateText | null>> {
  const rows = await db.letterTemplate.findMany({ where: { teamId }, select: { kind: true, subject: true, body: true } });
  const map = Object.fromEntries(LETTER_KINDS.map((k) => [k, null])) as Record<LetterKind, LetterTemplateText | null>;
  for (const r of rows) map[r.kind] = { subject: r.subject, body: r.body };
  return map;
}

export interface TemplateView {
  kind: LetterKind;
  subject: string;
  body: string;
  /** 0 while the app's default applies. */
  version: number;
  isDefault: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
}

export interface LetterSettings {
  teamId: string;
  teamName: string;
  letterhead: LetterheadView;
  templates: TemplateView[];
}

/** The template page: every kind's text (saved or default) and the letterhead; null when not allowed. */
export async function getLetterSettings(db: Db, actor: Actor, teamId: string): Promise<LetterSettings | null> {
  if (!canEditLetterTemplates(actor, teamId)) return null;
  const letterhead = await readLetterhead(db, teamId);
  if (!letterhead) return null;
  const rows = await db.letterTemplate.findMany({
    where: { teamId },
    select: { kind: true, subject: true, body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const templates = LETTER_KINDS.map((kind): TemplateView => {
    const row = rows.find((r) => r.kind === kind);
    return row
      ? { kind, subject: row.subject, body: row.body, version: row.version, isDefault: false, updatedAt: row.updatedAt, updatedByName: row.updatedBy?.name ?? null }
      : { kind, ...DEFAULT_TEMPLATES[kind], version: 0, isDefault: true, updatedAt: null, updatedByName: null };
  });
  return { teamId, teamName: letterhead.teamName, letterhead, templates };
}
