"use client";

import { useActionState } from "react";
import type { InvitationState } from "@/app/(app)/administration/utilisateurs/actions";
import { InvitationLink } from "@/components/admin/invitation-link";
import { Button } from "@/components/ui/button";
import { useFormStatus } from "react-dom";

type Action = (prev: InvitationState, formData: FormData) => Promise<InvitationState>;

function Submit({ label, variant }: { label: string; variant: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? "…" : label}
    </Button>
  );
}

/** One administrator action on one account (deactivate, unlock…), with its result next to it. */
export function UserActionButton({
  action,
  userId,
  label,
  extra,
  variant = "secondary",
  confirm,
}: {
  action: Action;
  userId: string;
  label: string;
  extra?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
  /** Asked before sending, for what cuts someone off. */
  confirm?: string;
}) {
  const [state, run] = useActionState<InvitationState, FormData>(action, { status: "idle" });
  return (
    <div className="flex flex-col gap-2">
      <form
        action={run}
        onSubmit={(e) => {
          if (confirm && !window.confirm(confirm)) e.preventDefault();
        }}
      >
        <input type="hidden" name="userId" value={userId} />
        {Object.entries(extra ?? {}).map(([k, val]) => (
          <input key={k} type="hidden" name={k} value={val} />
        ))}
        <Submit label={label} variant={variant} />
      </form>
      {state.status === "error" ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {state.formError}
        </p>
      ) : null}
      {state.status === "success" ? (
        <div className="flex flex-col gap-2">
          <p role="status" className="text-sm font-medium text-emerald-900">
            {state.message}
          </p>
          {state.link ? <InvitationLink id={`lien-${userId}`} link={state.link} note={state.mailNote} /> : null}
        </div>
      ) : null}
    </div>
  );
}
