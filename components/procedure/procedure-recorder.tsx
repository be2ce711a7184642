"use client";

import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ProcedureStage } from "@/lib/domain/labels";
import { ProcedureEventForm } from "./procedure-event-form";

/** The "record an act" button, its form, and the confirmation once recorded. */
export function ProcedureRecorder({ caseId, version, stages }: { caseId: string; version: number; stages: ProcedureStage[] }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const onDone = useCallback((text: string) => {
    setOpen(false);
    setMessage(text);
  }, []);

  return (
    <div className="flex flex-col gap-3">
      <p role="status" className={message ? "rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900" : "sr-only"}>
        {message ?? ""}
      </p>
      {open ? (
        <ProcedureEventForm caseId={caseId} version={version} stages={stages} onDone={onDone} onCancel={() => setOpen(false)} />
      ) : (
        <div>
          <Button
            type="button"
            onClick={() => {
              setMessage(null);
              setOpen(true);
            }}
          >
            Enregistrer un acte
          </Button>
        </div>
      )}
    </div>
  );
}
