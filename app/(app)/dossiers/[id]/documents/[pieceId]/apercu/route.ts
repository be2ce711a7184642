import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/server/http/redirect";
import { isPreviewable } from "@/lib/domain/attachments/kinds";
import { logAttachmentAccess } from "@/lib/server/access-log";
import { fileResponse, notFoundResponse } from "@/lib/server/attachments/http";
import { db } from "@/lib/server/db";
import { readAttachment } from "@/lib/server/queries/attachments";
import { getCurrentUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/**
 * GET /dossiers/<id>/documents/<pieceId>/apercu: a PDF or an image shown in
 * the browser (`inline`, under the sandboxing CSP of lib/server/attachments/http.ts,
 * which proxy.ts also applies to this path). Other types are never inline: the
 * answer is the download. Authorised and logged like the download.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string; pieceId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const { id, pieceId } = await params;
  const doc = await readAttachment(db, user, id, pieceId);
  if (!doc) return notFoundResponse();
  await logAttachmentAccess(db, user, doc.caseId, pieceId);
  return fileResponse(doc.bytes, { fileName: doc.fileName, mimeType: doc.mimeType, inline: isPreviewable(doc.mimeType) });
}
