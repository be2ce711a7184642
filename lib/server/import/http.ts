import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/server/http/redirect";

/**
 * The import's route handlers take form posts (server actions cap bodies at
 * 1 MB; a list can be 10 MB). Server actions check the origin themselves;
 * these handlers do it here: a post from another site is refused.
 */
export function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * 303: after a POST, the browser GETs the next page. A relative Location
 * (issue 14): never `http://localhost:PORT/…` behind a proxy.
 */
export function seeOther(_request: NextRequest, path: string): Response {
  return redirectToPath(path, 303);
}

export function plainText(status: number, text: string): NextResponse {
  return new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
