import { NextResponse, type NextRequest } from "next/server";
import { logCaseAccess } from "@/lib/server/access-log";
import { db } from "@/lib/server/db";
import { renderHearingFilePdf } from "@/lib/server/pdf/hearing-file-pdf";
import { getHearingFile, simulateForHearingFile } from "@/lib/server/queries/get-hearing-file";
import { getCurrentUser } from "@/lib/server/session";
import { parseSimulation, simulationFieldsFrom } from "@/lib/validation/hearing";
import { redirectToPath } from "@/lib/server/http/redirect";

// Personal data: rendered for the signed-in user on every request, never cached.
export const dynamic = "force-dynamic";

/**
 * GET /dossiers/<id>/audience/pdf: the printable hearing file. Authorised
 * like the page: another team, a funder or an unknown id get the same "not
 * found". The simulator's values, when the page carries them, add the plan.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const { id } = await params;
  const now = new Date();
  const file = await getHearingFile(db, user, id, now);
  if (!file) return new NextResponse("Page introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  await logCaseAccess(db, user, file.caseId, now);

  const simulation = parseSimulation(simulationFieldsFrom(request.nextUrl.searchParams));
  const plan = simulation?.ok ? simulateForHearingFile(file, simulation.value) : null;
  const bytes = await renderHearingFilePdf(file, plan, now);
  return new NextResponse(Buffer.from(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="dossier-audience-${file.number}.pdf"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
