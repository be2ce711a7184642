import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/server/http/redirect";
import { db } from "@/lib/server/db";
import { logCaseAccess } from "@/lib/server/access-log";
import { renderHouseholdSheetPdf } from "@/lib/server/pdf/household-sheet-pdf";
import { getHouseholdSheet } from "@/lib/server/queries/household-sheet";
import { getCurrentUser } from "@/lib/server/session";
import { notFoundResponse, pdfResponse } from "@/app/(app)/courriers/pdf-response";

export const dynamic = "force-dynamic";

/** GET /dossiers/<id>/ce-qui-va-se-passer/pdf: the household's one-page sheet (issue 20). Authorised like the case. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const { id } = await params;
  const now = new Date();
  const found = await getHouseholdSheet(db, user, id, now);
  if (!found) return notFoundResponse();
  await logCaseAccess(db, user, id, now);
  const bytes = await renderHouseholdSheetPdf(found.sheet, { author: found.sheet.dateLine, now });
  return pdfResponse(bytes, `ce-qui-va-se-passer-${found.number}.pdf`);
}
