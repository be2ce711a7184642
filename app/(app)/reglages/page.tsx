import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProcedureSettingsList } from "@/components/settings/procedure-settings-list";
import { canEditProcedureSettings } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { getProcedureSettings } from "@/lib/server/queries/get-procedure-settings";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Réglages de la procédure" };

/** Issue 13: the team's procedure settings, for coordinators and jurists. */
export default async function ProcedureSettingsPage() {
  const user = await requireUser();
  const teamId = user.teamIds.find((t) => canEditProcedureSettings(user, t));
  if (!teamId) notFound();
  const page = await getProcedureSettings(db, user, teamId);
  if (!page) notFound();
  return <ProcedureSettingsList page={page} />;
}
