import { LETTER_KIND_PLURALS, LETTER_KIND_SLUGS, letterKindFromSlug, type LetterKind } from "./kinds";

/**
 * Which cases a batch of letters is for; the letter kind then keeps the cases
 * whose letter is due (due.ts). In the address: `?courrier=premier-courrier&lot=a-envoyer`,
 * `&lot=aujourd-hui` (lists imported today) or `&lot=liste&liste=<ImportBatch id>`.
 */
export type LetterSelection = { by: "due" } | { by: "today" } | { by: "import"; importBatchId: string };

const LOTS = { due: "a-envoyer", today: "aujourd-hui", import: "liste" } as const;

export function batchQuery(kind: LetterKind, selection: LetterSelection): string {
  const params = new URLSearchParams({ courrier: LETTER_KIND_SLUGS[kind], lot: LOTS[selection.by] });
  if (selection.by === "import") params.set("liste", selection.importBatchId);
  return params.toString();
}

type Search = Record<string, string | string[] | undefined> | URLSearchParams;

function get(search: Search, key: string): string | undefined {
  if (search instanceof URLSearchParams) return search.get(key) ?? undefined;
  const v = search[key];
  return Array.isArray(v) ? v[0] : v;
}

export function parseBatchQuery(search: Search): { kind: LetterKind; selection: LetterSelection } | null {
  const kind = letterKindFromSlug(get(search, "courrier"));
  if (!kind) return null;
  const lot = get(search, "lot");
  if (lot === LOTS.due) return { kind, selection: { by: "due" } };
  if (lot === LOTS.today) return { kind, selection: { by: "today" } };
  const id = get(search, "liste");
  if (lot === LOTS.import && id && id.length <= 64) return { kind, selection: { by: "import", importBatchId: id } };
  return null;
}

/** "Premiers courriers aux locataires à envoyer", "… de la liste « x.csv »". */
export function batchTitle(kind: LetterKind, selection: LetterSelection, fileName?: string | null): string {
  const what = LETTER_KIND_PLURALS[kind];
  const capital = what.charAt(0).toUpperCase() + what.slice(1);
  switch (selection.by) {
    case "due":
      return `${capital} à envoyer`;
    case "today":
      return `${capital} : listes importées aujourd'hui`;
    case "import":
      return `${capital} : liste « ${fileName ?? "importée"} »`;
  }
}

/** The PDF's file name: "premiers-courriers-a-envoyer-2026-06-10.pdf". */
export function batchFileName(kind: LetterKind, selection: LetterSelection, isoDay: string): string {
  return `${LETTER_KIND_SLUGS[kind]}-${LOTS[selection.by]}-${isoDay}.pdf`;
}
