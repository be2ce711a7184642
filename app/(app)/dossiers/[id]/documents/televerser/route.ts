import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/server/http/redirect";
import { FILE_REFUSALS, MAX_ATTACHMENT_BYTES } from "@/lib/domain/attachments/kinds";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { isSameOrigin, plainText } from "@/lib/server/import/http";
import { addAttachment } from "@/lib/server/services/add-attachment";
import { getCurrentUser } from "@/lib/server/session";
import { attachmentSchema } from "@/lib/validation/attachments";

export const dynamic = "force-dynamic";

type Answer = { ok: true; attachmentId: string } | { ok: false; status: number; formError?: string; fieldErrors?: Record<string, string[]>; code?: string };

/**
 * POST /dossiers/<id>/documents/televerser: one document or photo (issue 19).
 * A route handler, not a server action: files exceed the actions' 1 MB body
 * limit. The page's form posts here with fetch and reads JSON (the form keeps
 * what was typed and the file chosen on a refusal); without JavaScript the
 * browser gets a 303 back to the list, with the refusal's code.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const answer = (a: Answer): Response => {
    if (wantsJson) return NextResponse.json(a, { status: a.ok ? 200 : a.status, headers: { "Cache-Control": "no-store" } });
    // A path, never an absolute URL built from the request (issue 14: behind a proxy it would be localhost).
    const back = new URLSearchParams();
    if (a.ok) back.set("ajoute", a.attachmentId);
    else if (a.status === 404) return plainText(404, "Page introuvable");
    else back.set("erreur", a.code ?? "invalide");
    return redirectToPath(`/dossiers/${encodeURIComponent(id)}/documents?${back.toString()}`, 303);
  };
  if (!user) return wantsJson ? NextResponse.json({ ok: false, formError: "Votre session a expiré : reconnectez-vous." }, { status: 401 }) : redirectToPath("/connexion", 303);
  if (!isSameOrigin(request)) return plainText(403, "Requête refusée.");

  // Refused before the body is read: a declared size far above the limit.
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ATTACHMENT_BYTES + 1024 * 1024) return answer({ ok: false, status: 413, code: "tooLarge", fieldErrors: { fichier: [FILE_REFUSALS.tooLarge] } });

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer({ ok: false, status: 400, code: "missing", fieldErrors: { fichier: [FILE_REFUSALS.missing] } });
  }
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const parsed = attachmentSchema.safeParse({ caseId: id, kind: text("kind"), documentOn: text("documentOn"), note: text("note") });
  // The camera's input and the file picker's: whichever holds a file.
  const file = [form.get("photo"), form.get("fichier")].find((f): f is File => f instanceof File && f.size > 0 && f.name !== "") ?? null;
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  }
  if (!file) fieldErrors.fichier = [FILE_REFUSALS.missing];
  else if (file.size > MAX_ATTACHMENT_BYTES) fieldErrors.fichier = [FILE_REFUSALS.tooLarge];
  if (!parsed.success || !file || fieldErrors.fichier) return answer({ ok: false, status: 400, code: fieldErrors.fichier ? "missing" : "invalide", fieldErrors });

  try {
    const result = await addAttachment(db, user, parsed.data, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, new Date());
    if (!result.ok) return answer({ ok: false, status: 422, code: result.refusal, fieldErrors: { fichier: [result.message] } });
    return answer({ ok: true, attachmentId: result.attachmentId });
  } catch (error) {
    if (error instanceof ExpectedError) return answer({ ok: false, status: error.code === "NOT_FOUND" ? 404 : error.code === "FORBIDDEN" ? 403 : 409, code: error.code, formError: error.message });
    throw error;
  }
}
