import { NextResponse, type NextRequest } from "next/server";
import { contactRefusal } from "@/lib/domain/letters/compose";
import { LETTER_KIND_LABELS, LETTER_KIND_SLUGS, letterKindFromSlug } from "@/lib/domain/letters/kinds";
import { db } from "@/lib/server/db";
import { logCaseAccess } from "@/lib/server/access-log";
import { renderLettersPdf } from "@/lib/server/pdf/letters-pdf";
import { getCaseLetter } from "@/lib/server/queries/letters/case-letters";
import { getCurrentUser } from "@/lib/server/session";
import { notFoundResponse, pdfResponse, refusedLetterResponse } from "../../../pdf-response";
import { redirectToPath } from "@/lib/server/http/redirect";

// Personal data: rendered for the signed-in user on every request, never cached.
export const dynamic = "force-dynamic";

/**
 * GET /courriers/dossiers/<id>/pdf?courrier=premier-courrier: one letter of
 * one case. Authorised like the case: another team, a funder or an unknown id
 * get the same "not found". Generating records nothing.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const { id } = await params;
  const kind = letterKindFromSlug(request.nextUrl.searchParams.get("courrier"));
  if (!kind) return notFoundResponse();
  const now = new Date();
  const letter = await getCaseLetter(db, user, id, kind, now);
  if (!letter) return notFoundResponse();
  const refusal = contactRefusal([letter]);
  if (refusal) return refusedLetterResponse(refusal);
  await logCaseAccess(db, user, letter.caseId, now);
  const bytes = await renderLettersPdf([letter], { title: `${LETTER_KIND_LABELS[kind]} — ${letter.reference}`, author: letter.letterhead[0] ?? "Maintien", now });
  return pdfResponse(bytes, `${LETTER_KIND_SLUGS[kind]}-${letter.caseNumber}.pdf`);
}
