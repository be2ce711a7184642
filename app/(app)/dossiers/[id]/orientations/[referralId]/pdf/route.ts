import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/server/http/redirect";
import { db } from "@/lib/server/db";
import { logCaseAccess } from "@/lib/server/access-log";
import { renderLettersPdf } from "@/lib/server/pdf/letters-pdf";
import { getReferralLetter } from "@/lib/server/queries/referrals";
import { getCurrentUser } from "@/lib/server/session";
import { notFoundResponse, pdfResponse } from "@/app/(app)/courriers/pdf-response";

// Personal data: rendered for the signed-in user on every request, never cached.
export const dynamic = "force-dynamic";

/** GET /dossiers/<id>/orientations/<referralId>/pdf: the referral letter to print (issue 20). Authorised like the case. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string; referralId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const { id, referralId } = await params;
  const now = new Date();
  const found = await getReferralLetter(db, user, id, referralId, now);
  if (!found) return notFoundResponse();
  await logCaseAccess(db, user, id, now);
  const bytes = await renderLettersPdf([found.letter], { title: `${found.letter.subject} — ${found.letter.reference}`, author: found.letter.letterhead[0] ?? "Maintien", now });
  return pdfResponse(bytes, `orientation-${referralId.slice(-6)}.pdf`);
}
