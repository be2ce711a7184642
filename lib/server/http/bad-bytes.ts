/**
 * Requests no page of the app can answer (issue 14 §7): invalid
 * percent-encoding in the path or the query ("/dossiers/%E0%A4%A"), or a NUL
 * byte anywhere in them ("?q=%00" — PostgreSQL refuses NUL in text and the
 * page would end in "Internal Server Error"). proxy.ts answers them with a
 * French 400 page before any page, action or route handler runs.
 * Pure (no Next import): unit-tested in bad-bytes.test.ts.
 */
export type BadRequestReason = "encoding" | "nul";

export function badRequestReason(url: string): BadRequestReason | null {
  const start = url.indexOf("://") >= 0 ? url.indexOf("/", url.indexOf("://") + 3) : 0;
  const pathAndQuery = start < 0 ? "/" : url.slice(start).split("#")[0]!;
  const [path = "", query = ""] = splitOnce(pathAndQuery, "?");
  const parts = [...path.split("/"), ...query.split("&").flatMap((pair) => splitOnce(pair.replace(/\+/g, " "), "="))];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return "encoding";
    }
    if (decoded.includes("\u0000")) return "nul";
  }
  return null;
}

function splitOnce(text: string, separator: string): [string, string] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}

export const BAD_REQUEST_MESSAGES: Record<BadRequestReason, string> = {
  encoding: "Cette adresse contient des caractères mal encodés : elle ne correspond à aucune page.",
  nul: "Cette adresse contient un caractère non autorisé : elle ne correspond à aucune page.",
};

/** The 400 page: plain HTML in French, no script, no style (the CSP applies). */
export function badRequestHtml(reason: BadRequestReason): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Adresse invalide — Maintien</title></head>
<body><main><h1>Adresse invalide</h1><p>${BAD_REQUEST_MESSAGES[reason]}</p><p><a href="/">Revenir à l'accueil</a></p></main></body></html>
`;
}
