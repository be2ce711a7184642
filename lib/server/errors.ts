import "server-only";

/**
 * Expected refusals. The action wrapper turns them into a French message next
 * to the form; anything else is a bug and reaches error.tsx.
 */
export class ExpectedError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID_STEP" | "UNAUTHENTICATED",
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}

/**
 * Not found and not allowed answer the same way: a user of another team must
 * not learn that a case id exists.
 */
export function notFound(what = "Ce dossier"): ExpectedError {
  return new ExpectedError("NOT_FOUND", `${what} est introuvable ou vous n'y avez pas accès.`);
}

/**
 * A member of the case's team whose role may read the case but not do this
 * (a coordinator reading the support tab): they already know the case exists,
 * so the refusal may say why. Anyone else gets notFound().
 */
export function forbidden(message: string): ExpectedError {
  return new ExpectedError("FORBIDDEN", message);
}

export function conflict(message = "Ce dossier a été modifié par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez."): ExpectedError {
  return new ExpectedError("CONFLICT", message);
}
