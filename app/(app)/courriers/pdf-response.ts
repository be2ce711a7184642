import "server-only";
import { NextResponse } from "next/server";

/** Personal data: never cached, downloaded under a meaningful name. */
export function pdfResponse(bytes: Uint8Array, fileName: string): NextResponse {
  return new NextResponse(Buffer.from(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Not found and not allowed answer alike: another team must not learn that an id exists. */
export function notFoundResponse(text = "Page introuvable"): NextResponse {
  return new NextResponse(text, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Issue 15: a letter lacking the team's contact details is refused with the
 * French reason (the page warns before; this holds for a direct link too).
 */
export function refusedLetterResponse(message: string): NextResponse {
  return new NextResponse(message, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
