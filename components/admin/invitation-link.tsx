"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The invitation link, shown once, with a button to copy it (the admin passes it on). */
export function InvitationLink({ link: given, note, id }: { link: string; note?: string; id: string }) {
  const [copied, setCopied] = useState(false);
  // Without AUTH_URL the server sends only the path (it never trusts the Host
  // header for a link): completed here with the address the admin is using.
  // The action's answer is rendered in the browser, where window exists.
  const link = given.startsWith("/") && typeof window !== "undefined" ? new URL(given, window.location.href).href : given;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Lien d&apos;invitation (à usage unique)
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={id} readOnly value={link} className="min-w-0 flex-1 rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          Copier le lien
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {copied ? "Lien copié." : ""} {note ?? ""}
      </p>
    </div>
  );
}
