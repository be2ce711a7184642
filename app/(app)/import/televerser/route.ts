import type { NextRequest } from "next/server";
import { canImport } from "@/lib/domain/permissions";
import { isSameOrigin, plainText, seeOther } from "@/lib/server/import/http";
import { ACCEPTED_EXTENSIONS, extensionOf, MAX_IMPORT_BYTES, readSpreadsheet } from "@/lib/server/import/read-file";
import { db } from "@/lib/server/db";
import { saveUpload } from "@/lib/server/import/upload-store";
import { getCurrentUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/**
 * POST /import/televerser: receives the list (multipart form, works without
 * JavaScript), checks who sends it, its size and its type, reads it once in
 * the reading worker (issue 14: limits, off the request path; a file refused
 * by a limit goes back to the form with its French reason and is not kept),
 * keeps it with what was read in the upload store and sends the browser to
 * the preview.
 */
export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return seeOther(request, "/connexion");
  if (!isSameOrigin(request)) return plainText(403, "Requête refusée.");

  // Refused before the body is read: a declared size far above the limit.
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES + 1024 * 1024) return seeOther(request, "/import?erreur=trop-volumineux");

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return seeOther(request, "/import?erreur=fichier-absent");
  }
  const file = form.get("fichier");
  const teamField = form.get("equipe");
  const teamId = typeof teamField === "string" && teamField !== "" ? teamField : user.teams.find((t) => canImport(user, t.id))?.id;
  if (!teamId || !canImport(user, teamId)) return seeOther(request, "/import?erreur=equipe");
  if (!(file instanceof File) || file.name === "") return seeOther(request, "/import?erreur=fichier-absent");
  if (file.size === 0) return seeOther(request, "/import?erreur=fichier-vide");
  if (file.size > MAX_IMPORT_BYTES) return seeOther(request, "/import?erreur=trop-volumineux");
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) return seeOther(request, "/import?erreur=type-non-accepte");

  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = file.name.replace(/[\\/\u0000-\u001f]/g, "_").slice(-200);
  const parsed = await readSpreadsheet(bytes, fileName);
  if (!parsed.ok && parsed.code) return seeOther(request, `/import?erreur=${parsed.code}&equipe=${encodeURIComponent(teamId)}`);
  const sha256 = await saveUpload(db, user.id, { fileName, teamId, bytes, parsed }, new Date());
  return seeOther(request, `/import/apercu?fichier=${sha256}`);
}
