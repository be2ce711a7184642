// Next.js 16 proxy (formerly middleware): runs before every page, RSC payload,
// server action and route handler (static assets excepted, see `config`).
//
// 1. Refuses cross-origin writes (CSRF) before any action or route runs.
// 2. Generates a per-request CSP nonce: Next.js reads it from the
//    Content-Security-Policy request header and stamps its own inline scripts
//    with it (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md).
// 3. Sets the security headers and Cache-Control: no-store on the response.
// 4. Answers a French 400 page to an address with invalid percent-encoding or
//    a NUL byte (issue 14, lib/server/http/bad-bytes.ts), and a French 4xx
//    page to a server action Next.js would answer with a 500: malformed or
//    unknown id, no or too large Content-Length, unreadable body
//    (lib/server/http/action-request.ts, decision 043).
//
// Authorization is NOT decided here (STYLE §6): every page, action and service
// checks it again. Other concerns may be added below, keeping these three.
// See docs/decisions/015-http-hardening.md.
import { NextResponse, type NextRequest } from "next/server";

import { buildActionIds } from "@/lib/server/http/action-ids";
import { ACTION_BODY_LIMIT, ACTION_REFUSAL_STATUS, actionRefusal, actionRefusalHtml, isActionRequest, parseSizeLimit } from "@/lib/server/http/action-request";
import { badRequestHtml, badRequestReason } from "@/lib/server/http/bad-bytes";
import { requestIdFor } from "@/lib/server/http/request-id";
import {
  generateNonce,
  isCrossOriginWrite,
  parseAllowedOrigins,
  parseHstsMode,
  PREVIEW_PATH,
  requestIsHttps,
  securityHeaders,
} from "@/lib/server/security-headers";

const ACTION_BODY_LIMIT_BYTES = parseSizeLimit(ACTION_BODY_LIMIT);

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // A request id for the JSON logs (lib/server/log.ts): our proxy's when
  // TRUST_PROXY is set and it is well-formed, else a fresh UUID (decision 043).
  const requestId = requestIdFor(request.headers.get("x-request-id"), process.env.TRUST_PROXY);
  const https = requestIsHttps(request.nextUrl.protocol, request.headers.get("x-forwarded-proto"));
  const nonce = generateNonce();
  const headers = securityHeaders({
    nonce,
    https,
    dev: process.env.NODE_ENV === "development",
    hsts: parseHstsMode(process.env.HSTS),
  });

  const crossOrigin = isCrossOriginWrite({
    method: request.method,
    origin: request.headers.get("origin"),
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    allowedOrigins: parseAllowedOrigins(process.env.SERVER_ACTIONS_ALLOWED_ORIGINS),
  });
  // Issue 14: bad bytes (invalid percent-encoding, NUL) get a French 400, never a 500.
  const bad = badRequestReason(request.url);
  if (bad) {
    const refused = new NextResponse(badRequestHtml(bad), { status: 400, headers: { "Content-Type": "text/html; charset=utf-8" } });
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    refused.headers.set("X-Request-Id", requestId);
    return refused;
  }

  // Issue 14 §7: a server action Next.js would answer with a 500 gets a French 4xx.
  if (!crossOrigin && isActionRequest(request)) {
    const refusal = await actionRefusal(request, { limitBytes: ACTION_BODY_LIMIT_BYTES, knownIds: buildActionIds() });
    if (refusal) {
      const refused = new NextResponse(actionRefusalHtml(refusal), { status: ACTION_REFUSAL_STATUS[refusal], headers: { "Content-Type": "text/html; charset=utf-8" } });
      for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
      // Next's client router reads this header: an action of another build.
      if (refusal === "unknown-action") refused.headers.set("x-nextjs-action-not-found", "1");
      refused.headers.set("X-Request-Id", requestId);
      return refused;
    }
  }

  if (crossOrigin) {
    const refused = new NextResponse("Requête refusée : elle ne vient pas de cette application.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    refused.headers.set("X-Request-Id", requestId);
    return refused;
  }

  // The CSP travels on the request too: that is where Next.js finds the nonce.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] as string);
  // For a server component that must stamp a script or style of its own: (await headers()).get("x-nonce").
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A document's inline preview (issue 19): its route sets the stricter policy
  // of the document's type (previewContentSecurityPolicy), which must not be
  // replaced by the pages' one.
  const preview = PREVIEW_PATH.test(request.nextUrl.pathname);
  for (const [name, value] of Object.entries(headers)) {
    if (preview && name === "Content-Security-Policy") continue;
    response.headers.set(name, value);
  }
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  // Everything but the fingerprinted build assets (cached, no personal data;
  // their static headers come from next.config.ts).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
