import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import "@/lib/validation/zod-config";
import { db } from "@/lib/server/db";
import { isSameOrigin, plainText } from "@/lib/server/import/http";
import { replayOfflineEvents } from "@/lib/server/services/replay-offline-events";
import { getCurrentUser } from "@/lib/server/session";
import { outboxBatchSchema } from "@/lib/validation/offline-outbox";

export const dynamic = "force-dynamic";

const JSON_HEADERS = { "Cache-Control": "no-store" };

/**
 * GET: "is the server there?" for the phone (navigator.onLine is not enough,
 * see components/offline/offline-provider.tsx). No data, no session needed.
 */
export async function GET() {
  return new Response(null, { status: 204, headers: JSON_HEADERS });
}

/**
 * POST /hors-ligne/envoi (issue 18): the phone's outbox, in the order it was
 * typed, as JSON. Each entry goes through recordOutreachEvent again (access,
 * role, workflow, dates, idempotency key); the answer gives each entry's
 * outcome. A route handler rather than a server action: the outbox sends on
 * its own when the network returns, and must tell "session gone" (401: the
 * phone wipes its cached pages) from a refusal of one entry.
 * X-Envoi-Enregistrees counts the entries recorded or already recorded.
 */
export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ ok: false, code: "UNAUTHENTICATED", formError: "Votre session a expiré : reconnectez-vous pour envoyer vos saisies." }, { status: 401, headers: JSON_HEADERS });
  if (!isSameOrigin(request)) return plainText(403, "Requête refusée.");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ ok: false, formError: "Envoi illisible." }, { status: 400, headers: JSON_HEADERS });
  }
  const parsed = outboxBatchSchema.safeParse(body);
  if (!parsed.success) return NextResponse.json({ ok: false, formError: "Envoi illisible." }, { status: 400, headers: JSON_HEADERS });

  const results = await replayOfflineEvents(db, user, parsed.data.items, new Date());
  const cases = new Set(parsed.data.items.map((i) => i.fields.caseId).filter((id): id is string => !!id));
  for (const id of cases) revalidatePath(`/dossiers/${id}`);
  const saved = results.filter((r) => r.status !== "review").length;
  return NextResponse.json({ ok: true, results }, { headers: { ...JSON_HEADERS, "X-Envoi-Enregistrees": String(saved) } });
}
