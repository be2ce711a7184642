import type { NextRequest } from "next/server";
import { canImport } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { isSameOrigin, plainText, seeOther } from "@/lib/server/import/http";
import { importList } from "@/lib/server/import/run-import";
import { deleteUpload, loadUpload } from "@/lib/server/import/upload-store";
import { parseConflictDecisions } from "@/lib/validation/import";
import { getCurrentUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

const FAILED = "L'import n'a pas abouti : rien n'a été enregistré. Réessayez ; si le problème persiste, signalez-le.";

/**
 * POST /import/executer (fichier=<sha256>): imports the list kept since the
 * preview, in one transaction (docs/decisions/012-import.md).
 *
 * - With JavaScript the page asks for `application/x-ndjson` and reads one
 *   JSON line per step: {"type":"progress","done":n,"total":N}, then
 *   {"type":"done","url":…} or {"type":"error","message":…}. The page shows a
 *   <progress> bar from it.
 * - Without JavaScript the form posts normally and the answer is a redirect
 *   to the result page once the import is written.
 */
export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return seeOther(request, "/connexion");
  if (!isSameOrigin(request)) return plainText(403, "Requête refusée.");
  const form = await request.formData().catch(() => null);
  const sha256 = form?.get("fichier");
  const now = new Date();
  const upload = typeof sha256 === "string" ? await loadUpload(db, user.id, sha256, now) : null;
  const streamed = (request.headers.get("accept") ?? "").includes("application/x-ndjson");
  if (!upload || !canImport(user, upload.teamId)) {
    if (streamed) return plainText(404, "Le fichier envoyé n'est plus disponible : envoyez-le de nouveau.");
    return seeOther(request, upload ? "/import?erreur=equipe" : "/import?erreur=expire");
  }
  // Issue 14: the coordinator's decision for each reference conflict (validated here, applied in the import's transaction).
  const decisions = parseConflictDecisions(form!);
  if (!decisions.ok) {
    if (streamed) return plainText(400, decisions.message);
    return seeOther(request, `/import/apercu?fichier=${upload.sha256}`);
  }
  const input = { teamId: upload.teamId, fileName: upload.fileName, bytes: upload.bytes, parsed: upload.parsed, conflicts: decisions.resolutions };

  if (!streamed) {
    try {
      const result = await importList(db, user, input, now);
      await deleteUpload(db, user.id, upload.sha256);
      return seeOther(request, `/import/${result.batchId}`);
    } catch (error) {
      if (!(error instanceof ExpectedError)) console.error(error);
      return seeOther(request, "/import?erreur=echec");
    }
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (message: Record<string, unknown>) => controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      try {
        const result = await importList(db, user, input, now, { onProgress: (p) => send({ type: "progress", ...p }) });
        await deleteUpload(db, user.id, upload.sha256);
        send({ type: "done", url: `/import/${result.batchId}` });
      } catch (error) {
        if (!(error instanceof ExpectedError)) console.error(error);
        send({ type: "error", message: error instanceof ExpectedError ? error.message : FAILED });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
  });
}
