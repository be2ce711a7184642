import { isMergeField, MERGE_FIELD_NAMES, type MergeFieldName, type MergeValues } from "./merge-fields";

/**
 * The letters' merge language, deliberately tiny:
 *
 *   {{nom_locataire}}            the value, or the whole line is left out when it is unknown
 *   {{tribunal|le tribunal}}     the value, or the text after "|" when it is unknown
 *
 * Letters are plain text from end to end: the PDF draws characters, the
 * e-mail is text/plain and the page shows React text nodes. A value is never
 * read as template (a tenant called "{{equipe}}" stays "{{equipe}}"), never
 * carries a line break into the letter, and nothing is ever interpreted as
 * HTML, so a value cannot inject markup or lines.
 *
 * In the body, a line whose field is unknown is dropped rather than printed
 * with a hole ("Votre audience est fixée au ." would confuse a household);
 * a subject has one line, so an unknown field there reads "—".
 */

export type TemplateToken = { type: "text"; text: string } | { type: "field"; name: MergeFieldName; fallback: string | null };

export interface TemplateProblem {
  /** 1-based line of the text. */
  line: number;
  message: string;
}

const NAME = /^[A-Za-z0-9_\-. ]+$/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const MISSING = "—";

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The allowed field a mistyped name most likely meant, if one is close. */
export function closestField(name: string): MergeFieldName | null {
  const wanted = name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\s\-.]+/g, "_");
  if (isMergeField(wanted)) return wanted;
  // "nom" → nom_locataire, "telephone" → telephone_equipe: a word of the field's name.
  const byWord = MERGE_FIELD_NAMES.find((candidate) => wanted.length >= 3 && candidate.split("_").includes(wanted));
  if (byWord) return byWord;
  let best: MergeFieldName | null = null;
  let bestScore = Infinity;
  for (const candidate of MERGE_FIELD_NAMES) {
    const score = distance(wanted, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best && bestScore <= Math.max(1, Math.floor(best.length / 4)) ? best : null;
}

interface ParsedLine {
  tokens: TemplateToken[];
  problems: string[];
}

/** One line into text and fields; problems are described in French. */
function parseLine(line: string): ParsedLine {
  const tokens: TemplateToken[] = [];
  const problems: string[] = [];
  let text = "";
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf("{{", i);
    const strayClose = line.indexOf("}}", i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      problems.push("« }} » ferme un champ qui n'a pas été ouvert par « {{ ».");
      text += line.slice(i, strayClose + 2);
      i = strayClose + 2;
      continue;
    }
    if (open === -1) {
      text += line.slice(i);
      break;
    }
    text += line.slice(i, open);
    const close = line.indexOf("}}", open + 2);
    if (close === -1) {
      problems.push("« {{ » ouvre un champ qui n'est pas refermé par « }} » sur la même ligne.");
      text += line.slice(open);
      break;
    }
    const inner = line.slice(open + 2, close);
    const bar = inner.indexOf("|");
    const rawName = (bar === -1 ? inner : inner.slice(0, bar)).trim();
    const fallback = bar === -1 ? null : inner.slice(bar + 1).trim();
    const raw = line.slice(open, close + 2);
    i = close + 2;
    if (!rawName) {
      problems.push(`« ${raw} » : le nom du champ manque.`);
      text += raw;
      continue;
    }
    if (inner.includes("{")) {
      problems.push(`« ${raw} » : un champ ne peut pas en contenir un autre.`);
      text += raw;
      continue;
    }
    if (!isMergeField(rawName)) {
      const hint = NAME.test(rawName) ? closestField(rawName) : null;
      problems.push(`« {{${rawName}}} » n'est pas un champ connu.${hint ? ` Vouliez-vous dire « {{${hint}}} » ?` : ""}`);
      text += raw;
      continue;
    }
    if (text) tokens.push({ type: "text", text });
    text = "";
    tokens.push({ type: "field", name: rawName, fallback: fallback === "" ? null : fallback });
  }
  if (text) tokens.push({ type: "text", text });
  return { tokens, problems };
}

function lines(template: string): string[] {
  return template.replace(/\r\n?/g, "\n").split("\n");
}

/** Every problem of a template, with its line, in French; empty when it can be saved. */
export function checkTemplate(template: string): TemplateProblem[] {
  const found: TemplateProblem[] = [];
  lines(template).forEach((line, index) => {
    if (CONTROL.test(line)) found.push({ line: index + 1, message: "Le texte contient un caractère de contrôle invisible : retapez la ligne." });
    for (const message of parseLine(line).problems) found.push({ line: index + 1, message });
  });
  return found;
}

/** The problems as the form shows them next to the field; `multiline` adds the line number. */
export function describeProblems(problems: readonly TemplateProblem[], multiline: boolean): string[] {
  return problems.map((p) => (multiline ? `Ligne ${p.line} : ${p.message}` : p.message));
}

/** The merge fields a template uses, in order of first use (for the page's list). */
export function fieldsUsed(template: string): MergeFieldName[] {
  const used: MergeFieldName[] = [];
  for (const line of lines(template)) {
    for (const token of parseLine(line).tokens) if (token.type === "field" && !used.includes(token.name)) used.push(token.name);
  }
  return used;
}

/**
 * A value as it may enter a letter: one line, no control characters, trimmed;
 * null when nothing is left.
 */
export function cleanValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  return text === "" ? null : text;
}

type Rendered = { text: string; missing: boolean };

function renderTokens(tokens: readonly TemplateToken[], values: MergeValues, missingText: string | null): Rendered {
  let text = "";
  let missing = false;
  for (const token of tokens) {
    if (token.type === "text") {
      // A field written wrongly in a template saved before a rule changed must
      // not reach a household: its braces read as a dash. Values are not touched.
      text += token.text.replace(/\{\{[^}]*\}\}/g, MISSING);
      continue;
    }
    const value = cleanValue(values[token.name]) ?? cleanValue(token.fallback);
    if (value === null) {
      missing = true;
      text += missingText ?? "";
    } else {
      text += value;
    }
  }
  return { text, missing };
}

/**
 * The body of a letter: one string per line (blank strings are paragraph
 * breaks). Lines whose field is unknown are left out, and the blank lines
 * that this leaves doubled are merged.
 */
export function renderBody(template: string, values: MergeValues): string[] {
  const out: string[] = [];
  for (const line of lines(template)) {
    const { text, missing } = renderTokens(parseLine(line).tokens, values, null);
    if (missing) continue;
    const trimmed = text.trimEnd();
    if (trimmed === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(trimmed);
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out;
}

/** A one-line text (the subject): an unknown field reads "—". */
export function renderLine(template: string, values: MergeValues): string {
  const joined = lines(template).join(" ");
  return renderTokens(parseLine(joined).tokens, values, MISSING).text.replace(/\s+/g, " ").trim();
}
