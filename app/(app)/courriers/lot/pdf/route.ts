import { NextResponse, type NextRequest } from "next/server";
import { contactRefusal } from "@/lib/domain/letters/compose";
import { batchFileName, batchTitle, parseBatchQuery } from "@/lib/domain/letters/selection";
import { db } from "@/lib/server/db";
import { logCaseAccesses } from "@/lib/server/access-log";
import { renderLettersPdf } from "@/lib/server/pdf/letters-pdf";
import { getBatchLetters } from "@/lib/server/queries/letters/batches";
import { lettersTeamId } from "@/lib/server/queries/letters/overview";
import { getCurrentUser } from "@/lib/server/session";
import { toIsoDay } from "@/lib/utils/dates";
import { notFoundResponse, pdfResponse, refusedLetterResponse } from "../../pdf-response";
import { redirectToPath } from "@/lib/server/http/redirect";

// Personal data: rendered for the signed-in user on every request, never cached.
export const dynamic = "force-dynamic";

/**
 * GET /courriers/lot/pdf?courrier=premier-courrier&lot=a-envoyer (or
 * lot=aujourd-hui, lot=liste&liste=<id>): every due letter of the batch in one
 * PDF, one letter from a new page. Generating records nothing: the user
 * confirms the sending afterwards ("Confirmer l'envoi").
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const parsed = parseBatchQuery(request.nextUrl.searchParams);
  const teamId = lettersTeamId(user);
  if (!parsed || !teamId) return notFoundResponse();
  const now = new Date();
  const found = await getBatchLetters(db, user, teamId, parsed.kind, parsed.selection, now);
  if (!found) return notFoundResponse();
  if (found.letters.length === 0) return notFoundResponse("Aucun courrier à imprimer pour ce lot.");
  const refusal = contactRefusal(found.letters);
  if (refusal) return refusedLetterResponse(refusal);
  await logCaseAccesses(db, user, found.letters.map((l) => l.caseId), now);
  const title = batchTitle(parsed.kind, parsed.selection, found.batch.importBatch?.fileName);
  const bytes = await renderLettersPdf(found.letters, { title, author: user.teams.find((t) => t.id === teamId)?.name ?? "Maintien", now });
  return pdfResponse(bytes, batchFileName(parsed.kind, parsed.selection, toIsoDay(found.batch.today)));
}
