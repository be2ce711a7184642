import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/server/http/redirect";
import { logAttachmentAccess } from "@/lib/server/access-log";
import { fileResponse, notFoundResponse } from "@/lib/server/attachments/http";
import { db } from "@/lib/server/db";
import { readAttachment } from "@/lib/server/queries/attachments";
import { getCurrentUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/**
 * GET /dossiers/<id>/documents/<pieceId>: downloads a document
 * (`Content-Disposition: attachment`, whatever its type). Another team, a
 * funder, a document of another case or an unknown id: the same 404. Every
 * read is written to the access log.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string; pieceId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const { id, pieceId } = await params;
  const doc = await readAttachment(db, user, id, pieceId);
  if (!doc) return notFoundResponse();
  await logAttachmentAccess(db, user, doc.caseId, pieceId);
  return fileResponse(doc.bytes, { fileName: doc.fileName, mimeType: doc.mimeType, inline: false });
}
