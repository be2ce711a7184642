import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { calendarFeedFor } from "@/lib/server/queries/calendar-feed";

// A private feed: computed on every request, never cached by a proxy.
export const dynamic = "force-dynamic";

/**
 * GET /agenda/<token>: a worker's private calendar feed (ICS), for their
 * phone's calendar, which cannot sign in: the random token in the address is
 * the credential (stored hashed, revocable in Mon compte). An unknown or
 * revoked token gets 404, like any address that does not exist.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Links in the feed: APP_URL, AUTH_URL or our trusted proxy's origin, never the request's Host (issue 14).
  const appUrl = process.env.APP_URL ?? publicOrigin({ AUTH_URL: process.env.AUTH_URL, trustedProxies: getEnv().TRUST_PROXY }, request.headers);
  const body = await calendarFeedFor(db, token.replace(/\.ics$/, ""), new Date(), appUrl);
  if (body === null) {
    return new NextResponse("Page introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new NextResponse(body, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="maintien.ics"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
}
