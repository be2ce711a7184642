import { NextResponse, type NextRequest } from "next/server";
import { reportToCsv } from "@/lib/domain/import/report";
import { db } from "@/lib/server/db";
import { plainText } from "@/lib/server/import/http";
import { getImportReport } from "@/lib/server/import/queries";
import { getCurrentUser } from "@/lib/server/session";
import { redirectToPath } from "@/lib/server/http/redirect";

export const dynamic = "force-dynamic";

/** GET /import/<id>/rejets: the rows the import did not write, with their reasons, as CSV. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectToPath("/connexion");
  const { id } = await params;
  const found = await getImportReport(db, user, id);
  if (!found) return plainText(404, "Page introuvable");
  const base = found.fileName.replace(/\.[^.]+$/, "").replace(/[^\p{L}\p{N}_-]+/gu, "-").slice(0, 80) || "liste";
  const body = reportToCsv(found.report);
  return new NextResponse(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lignes-non-importees.csv"; filename*=UTF-8''${encodeURIComponent(`lignes-non-importees-${base}.csv`)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
