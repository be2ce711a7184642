/**
 * Server-action requests Next.js would answer with "Internal Server Error"
 * (issue 14 §7), refused by proxy.ts with a French answer before Next.js
 * decodes them (decision 043). Next 16.4 turns any error thrown while it
 * reads an action's body — over `serverActions.bodySizeLimit` (its own 413
 * ApiError), a truncated multipart body, a reply that is not React's
 * encoding — into a 500, and answers an unknown action id with English text.
 *
 * Checked: a POST with a `Next-Action` header (the browser's fetch actions),
 * and a multipart POST to any address but an upload route (a form sent
 * without JavaScript carries its action id in its fields). In order:
 * 1. the id's form: 42 hex digits (Next's server reference ids) → else 400;
 * 2. the id is one of this build's actions, when the build's manifest is
 *    readable → else 404 with `x-nextjs-action-not-found: 1`, the header
 *    Next's client router reads (it shows the page's error boundary, as for
 *    an action of an older deployment);
 * 3. `Content-Length` present and within the limit → else 411 / 413 (browsers
 *    always send it for an action; nginx buffers and sets it);
 * 4. the body parses: multipart/form-data as a form, whose root field "0" (if
 *    any) is a JSON array; any other type as a JSON array (React's
 *    `encodeReply` of the arguments) → else 400.
 * NUL bytes and invisible characters inside fields are the forms' business:
 * the shared zod fields strip them, or the field gets its French error.
 *
 * No Next import: unit-tested in action-request.test.ts.
 */
/** `serverActions.bodySizeLimit` (next.config.ts) and proxy.ts's limit: one value. */
export const ACTION_BODY_LIMIT = "1mb";

export type ActionRefusal = "action-id" | "unknown-action" | "length-required" | "too-large" | "body";

const ACTION_ID = /^[0-9a-f]{42}$/i;

export interface ActionCheckOptions {
  /** `serverActions.bodySizeLimit` in bytes. */
  limitBytes: number;
  /** The build's action ids, or null when they cannot be read (development, no manifest). */
  knownIds: ReadonlySet<string> | null;
}

/** Route handlers that take large multipart uploads and check their size and type themselves (issue 19, the import). */
export const UPLOAD_PATH = /\/televerser\/?$/;

/**
 * A request proxy.ts checks: a POST with a `Next-Action` header (a fetch
 * action), or a multipart POST to any other address than an upload route
 * (a form sent without JavaScript, whose action id travels in its fields —
 * or a route handler's small form).
 */
export function isActionRequest(request: Request): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") && !UPLOAD_PATH.test(new URL(request.url).pathname);
}

/** Why this server-action request is refused, or null to let Next.js run it. Reads a clone of the body. */
export async function actionRefusal(request: Request, options: ActionCheckOptions): Promise<ActionRefusal | null> {
  if (!isActionRequest(request)) return null;
  const header = request.headers.get("next-action");
  if (header !== null) {
    const refusal = idRefusal(header, options);
    if (refusal) return refusal;
  }

  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared.trim())) return "length-required";
  if (Number(declared) > options.limitBytes) return "too-large";

  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  let form: FormData | null = null;
  try {
    if (type.startsWith("multipart/form-data")) {
      form = await request.clone().formData();
      const root = form.get("0");
      if (header !== null && typeof root === "string") argumentList(root);
    } else {
      argumentList(await request.clone().text());
    }
  } catch {
    return "body";
  }
  // A form sent without JavaScript: `$ACTION_ID_<id>`, or `$ACTION_<n>:0` holding {"id": …, "bound": …} (useActionState).
  if (header === null && form) {
    for (const [name, value] of form.entries()) {
      if (name.startsWith("$ACTION_ID_")) {
        const refusal = idRefusal(name.slice("$ACTION_ID_".length), options);
        if (refusal) return refusal;
      } else if (/^\$ACTION_\d+:0$/.test(name)) {
        let id: unknown;
        try {
          id = (JSON.parse(typeof value === "string" ? value : "") as { id?: unknown } | null)?.id;
        } catch {
          return "body";
        }
        const refusal = idRefusal(typeof id === "string" ? id : "", options);
        if (refusal) return refusal;
      }
    }
  }
  return null;
}

/** React's encoding of an action's arguments: a JSON array (Next.js applies the action to it). Throws otherwise. */
function argumentList(json: string): void {
  if (!Array.isArray(JSON.parse(json))) throw new Error("not an argument list");
}

function idRefusal(id: string, options: ActionCheckOptions): ActionRefusal | null {
  if (!ACTION_ID.test(id)) return "action-id";
  if (options.knownIds && !options.knownIds.has(id)) return "unknown-action";
  return null;
}

/** "1mb", "500kb", 1000 (bytes) — the forms `serverActions.bodySizeLimit` accepts — in bytes. */
export function parseSizeLimit(limit: string | number): number {
  if (typeof limit === "number") return limit;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!m) throw new Error(`Invalid size limit: ${limit}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? "b").toLowerCase() as "b" | "kb" | "mb" | "gb"];
  return Math.floor(Number(m[1]) * unit);
}

export const ACTION_REFUSAL_STATUS: Record<ActionRefusal, number> = {
  "action-id": 400,
  "unknown-action": 404,
  "length-required": 411,
  "too-large": 413,
  body: 400,
};

export const ACTION_REFUSAL_MESSAGES: Record<ActionRefusal, string> = {
  "action-id": "Cette requête ne correspond à aucune action de l'application.",
  "unknown-action": "Cette action n'existe pas ou plus : l'application a peut-être été mise à jour. Rechargez la page puis recommencez.",
  "length-required": "Cette requête n'indique pas sa taille : elle n'a pas été traitée.",
  "too-large": "Les données envoyées sont trop volumineuses (1 Mo au plus) : rien n'a été enregistré.",
  body: "Les données envoyées sont illisibles ou incomplètes : rien n'a été enregistré. Rechargez la page puis recommencez.",
};

/** The refusal page: plain HTML in French, no script, no style (the CSP applies). */
export function actionRefusalHtml(refusal: ActionRefusal): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Requête refusée — Maintien</title></head>
<body><main><h1>Requête refusée</h1><p>${ACTION_REFUSAL_MESSAGES[refusal]}</p><p><a href="/">Revenir à l'accueil</a></p></main></body></html>
`;
}
