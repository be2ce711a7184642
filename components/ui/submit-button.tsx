"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingLabel = "Enregistrement…",
  variant,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
