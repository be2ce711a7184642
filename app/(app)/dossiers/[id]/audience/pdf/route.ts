import { NextResponse, type NextRequest } from "next/server";
import { logAttachmentAccess, logCaseAccess } from "@/lib/server/access-log";
import { db } from "@/lib/server/db";
import { annexListLines, appendAnnexes } from "@/lib/server/pdf/hearing-bundle";
import { renderHearingFilePdf } from "@/lib/server/pdf/hearing-file-pdf";
import { readAnnexes } from "@/lib/server/queries/attachments";
import { getHearingFile, simulateForHearingFile } from "@/lib/server/queries/get-hearing-file";
import { getCurrentUser } from "@/lib/server/session";
import { annexQuerySchema } from "@/lib/validation/attachments";
import { parseSimulation, simulationFieldsFrom } from "@/lib/validation/hearing";
import { redirectToPath } from "@/lib/server/http/redirect";

// Personal data: rendered for the signed-in user on every request, never cached.
export const dynamic = "force-dynamic";

/**
 * GET /dossiers/<id>/audience/pdf: the printable hearing file. Authorised
 * like the page: another team, a funder or an unknown id get the same "not
 * found". The simulator's values, when the page carries them, add the plan.
 * `piece=<id>` (repeated) lists the chosen documents as numbered annexes, and
 * `joindre=1` appends them into one bundle (issue 19; ids of another case are
 * ignored).
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
  const annexQuery = annexQuerySchema.safeParse({ piece: request.nextUrl.searchParams.getAll("piece"), joindre: request.nextUrl.searchParams.get("joindre") ?? undefined });
  const chosen = annexQuery.success ? annexQuery.data : { piece: [], joindre: false };
  const mode = chosen.joindre ? "bundle" : "list";
  const annexes = await readAnnexes(db, file.caseId, chosen.piece, { withBytes: mode === "bundle" });
  let bytes = await renderHearingFilePdf(file, plan, now, { lines: annexListLines(annexes, mode), appended: mode === "bundle" && annexes.length > 0 });
  if (mode === "bundle" && annexes.length) {
    bytes = (await appendAnnexes(bytes, annexes)).bytes;
    for (const a of annexes) if (a.bytes) await logAttachmentAccess(db, user, file.caseId, a.id, now);
  }
  return new NextResponse(Buffer.from(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="dossier-audience-${file.number}${mode === "bundle" && annexes.length ? "-avec-pieces" : ""}.pdf"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
