import { AppHeader, type NavItem } from "@/components/layout/app-header";
import { OfflineProvider } from "@/components/offline/offline-provider";
import { canAdminister, canCreateHousehold, canUseCaseload, canViewBilling, canViewDueWork, canViewIndicators } from "@/lib/domain/permissions";
import { canViewAuditLog } from "@/lib/domain/permissions";
import { canPrepareLetters } from "@/lib/domain/permissions";
import { canImport } from "@/lib/domain/permissions";
import { canViewPartners } from "@/lib/domain/permissions";
import { canEditProcedureSettings } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/server/session";

// Pages hold personal data: never cached, always rendered for the signed-in user.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const items: NavItem[] = [{ href: "/", label: "Accueil" }];
  const dueWork = !!user.teams[0] && canViewDueWork(user, user.teams[0].id);
  if (dueWork) items.push({ href: "/a-faire", label: "À faire" });
  if (dueWork) items.push({ href: "/tournee", label: "Ma tournée" });
  if (canUseCaseload(user)) items.push({ href: "/dossiers", label: "Dossiers" });
  if (canUseCaseload(user)) items.push({ href: "/bailleurs", label: "Bailleurs" });
  if (user.teamIds.some((t) => canCreateHousehold(user, t))) items.push({ href: "/dossiers/nouveau", label: "Nouveau ménage", short: "Nouveau" });
  if (user.teamIds.some((t) => canImport(user, t))) items.push({ href: "/import", label: "Importer" });
  if (user.teamIds.some((t) => canPrepareLetters(user, t))) items.push({ href: "/courriers", label: "Courriers" });
  if (user.teamIds.some((t) => canViewPartners(user, t))) items.push({ href: "/partenaires", label: "Partenaires" });
  if (canViewIndicators(user)) items.push({ href: "/indicateurs", label: "Indicateurs" });
  if (user.teamIds.some((t) => canViewBilling(user, t))) items.push({ href: "/facturation", label: "Facturation" });
  if (user.teamIds.some((t) => canEditProcedureSettings(user, t))) items.push({ href: "/reglages", label: "Réglages" });
  if (canAdminister(user)) items.push({ href: "/administration", label: "Administration" });
  else if (canViewAuditLog(user)) items.push({ href: "/administration", label: "Équipe et journal" });

  // The phone's bottom bar (issue 16 §1): the social worker's four places, À faire, Dossiers,
  // Nouveau, Compte; a role without the first three gets its home and first place instead.
  const field = items.filter((i) => ["/a-faire", "/dossiers", "/dossiers/nouveau"].includes(i.href));
  const quick: NavItem[] = [...(field.length > 0 ? field : items.slice(0, 2)), { href: "/compte", label: "Mon compte", short: "Compte" }];

  return (
    <>
      <AppHeader items={items} quick={quick} userName={user.name} role={user.role} teamName={user.teams[0]?.name ?? null} />
      {/* Room at the bottom for the phone's bottom bar. */}
      <main id="contenu" className="mx-auto max-w-5xl px-4 pb-24 pt-4 lg:py-6 print:p-0">
        {/* Issue 18: the outbox and the offline states (docs/decisions/041-offline-round.md). */}
        <OfflineProvider userId={user.id}>{children}</OfflineProvider>
      </main>
    </>
  );
}
