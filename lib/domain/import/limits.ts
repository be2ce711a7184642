/**
 * Hard limits on an uploaded list (issue 14, docs/decisions/042-hostile-import-files.md).
 * A real préfecture list has a few thousand rows and about twenty columns,
 * a few hundred kilobytes of spreadsheet XML: none of these is ever reached
 * by one. They are checked while the file is read, before the work, so a
 * hostile file (a zip bomb, 235 000 rows, a 400 MB cell) is refused having
 * cost a bounded amount of memory and time.
 */
export const IMPORT_LIMITS = {
  /** Rows of the sheet (the header included). */
  maxRows: 50_000,
  /** Cells in one row. */
  maxColumns: 200,
  /** Characters in one cell: Excel itself stores at most 32 767. */
  maxCellChars: 32_767,
  /** Bytes of the XLSX once decompressed, every part together (declared and actual). */
  maxDecompressedBytes: 100 * 1024 * 1024,
  /** Files inside the XLSX archive (a workbook has a dozen). */
  maxZipEntries: 1_000,
  /** Bytes of one XML tag (its name and attributes). */
  maxTagBytes: 64 * 1024,
} as const;

export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

/** The reader's budget, off the request path (lib/server/import/read-file.ts). */
export const READ_BUDGET = {
  /** The reading is stopped past this time. */
  timeoutMs: 30_000,
  /** Heap of the worker that reads (V8 old generation, MB). */
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 48,
  /** Reads at once per app process; the others wait their turn. */
  concurrent: 2,
} as const;

const thousands = (n: number) => n.toLocaleString("fr-FR").replace(/\u202f|\u00a0/g, " ");

/** Why a file was refused by a limit, as a code (in the import page's URL) and its French message. */
export const LIMIT_MESSAGES = {
  "trop-de-lignes": `Le fichier dépasse ${thousands(IMPORT_LIMITS.maxRows)} lignes : découpez-le en plusieurs fichiers.`,
  "trop-de-colonnes": `Une ligne du fichier dépasse ${IMPORT_LIMITS.maxColumns} colonnes : ce n'est pas une liste de la préfecture, vérifiez le fichier.`,
  "cellule-trop-longue": `Une cellule dépasse ${thousands(IMPORT_LIMITS.maxCellChars)} caractères : ce n'est pas une liste de la préfecture, vérifiez le fichier.`,
  "trop-decompresse": `Le fichier décompressé dépasse ${IMPORT_LIMITS.maxDecompressedBytes / 1024 / 1024} Mo : ce classeur ne peut pas être lu, découpez-le ou enregistrez-le au format .csv.`,
  "classeur-anormal": "Ce classeur Excel (.xlsx) a une structure anormale : ouvrez-le et enregistrez-le à nouveau.",
  "lecture-trop-longue": "La lecture du fichier a pris trop de temps : découpez la liste en plusieurs fichiers ou enregistrez-la au format .csv.",
  "lecture-trop-lourde": "La lecture du fichier demande trop de mémoire : découpez la liste en plusieurs fichiers ou enregistrez-la au format .csv.",
} as const;

export type LimitCode = keyof typeof LIMIT_MESSAGES;

export function isLimitCode(code: unknown): code is LimitCode {
  return typeof code === "string" && code in LIMIT_MESSAGES;
}
