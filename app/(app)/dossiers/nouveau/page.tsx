import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewHouseholdForm } from "@/components/household/new-household-form";
import { canCreateHousehold } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { searchLandlordChoices } from "@/lib/server/queries/landlord-choices";
import { getTeamOptions } from "@/lib/server/queries/team-options";
import { requireUser } from "@/lib/server/session";
import { parisToday, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Nouveau ménage" };

export default async function NewHouseholdPage() {
  const user = await requireUser();
  const teams = user.teams.filter((t) => canCreateHousehold(user, t.id));
  const team = teams[0];
  if (!team) notFound();
  // Not the team's whole list of landlords (thousands): the first ones, then a search (issue 17).
  const [options, landlords] = await Promise.all([getTeamOptions(db, user, team.id), searchLandlordChoices(db, user, team.id, "")]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Nouveau ménage</h1>
      <NewHouseholdForm teams={teams} sectors={options.sectors} workers={options.workers} landlords={landlords} currentUserId={user.id} today={toIsoDay(parisToday(new Date()))} />
    </div>
  );
}
