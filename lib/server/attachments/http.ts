import "server-only";
import { NextResponse } from "next/server";
import { previewContentSecurityPolicy } from "@/lib/server/security-headers";

/**
 * How a document leaves the server (issue 19 §2, docs/decisions/033-safe-files.md):
 * always `nosniff` and `no-store`; a download is `attachment`; a preview
 * (PDF and images only) is `inline` under a CSP that lets nothing load or run
 * (sandboxed for images; see previewContentSecurityPolicy).
 */
/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const ascii = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function fileResponse(bytes: Uint8Array, opts: { fileName: string; mimeType: string; inline: boolean }): NextResponse {
  const headers: Record<string, string> = {
    "Content-Type": opts.mimeType,
    "Content-Length": String(bytes.byteLength),
    "Content-Disposition": contentDisposition(opts.inline ? "inline" : "attachment", opts.fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store, max-age=0",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (opts.inline) headers["Content-Security-Policy"] = previewContentSecurityPolicy(opts.mimeType === "application/pdf" ? "pdf" : "image");
  return new NextResponse(Buffer.from(bytes), { status: 200, headers });
}

export function notFoundResponse(): NextResponse {
  return new NextResponse("Document introuvable ou vous n'y avez pas accès.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
