import { AppHeader, type NavItem } from "@/components/layout/app-header";
import { canAdminister, canCreateHousehold, canUseCaseload, canViewBilling, canViewDueWork, canViewIndicators } from "@/lib/domain/permissions";
import { canViewAuditLog } from "@/lib/domain/permissions";
import { canPrepareLetters } from "@/lib/domain/permissions";
import { canImport } from "@/lib/domain/permissions";
import { canEditProcedureSettings } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/server/session";

// Pages hold personal data: never cached, always rendered for the signed-in user.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const items: NavItem[] = [{ href: "/", label: "Accueil" }];
  if (user.teams[0] && canViewDueWork(user, user.teams[0].id)) items.push({ href: "/a-faire", label: "À faire" });
  if (canUseCaseload(user)) items.push({ href: "/dossiers", label: "Dossiers" });
  if (canUseCaseload(user)) items.push({ href: "/bailleurs", label: "Bailleurs" });
  if (user.teamIds.some((t) => canCreateHousehold(user, t))) items.push({ href: "/dossiers/nouveau", label: "Nouveau ménage" });
  if (user.teamIds.some((t) => canImport(user, t))) items.push({ href: "/import", label: "Importer" });
  if (user.teamIds.some((t) => canPrepareLetters(user, t))) items.push({ href: "/courriers", label: "Courriers" });
  if (canViewIndicators(user)) items.push({ href: "/indicateurs", label: "Indicateurs" });
  if (user.teamIds.some((t) => canViewBilling(user, t))) items.push({ href: "/facturation", label: "Facturation" });
  if (user.teamIds.some((t) => canEditProcedureSettings(user, t))) items.push({ href: "/reglages", label: "Réglages" });
  if (canAdminister(user)) items.push({ href: "/administration", label: "Administration" });
  else if (canViewAuditLog(user)) items.push({ href: "/administration", label: "Équipe et journal" });
  return (
    <>
      <AppHeader items={items} userName={user.name} role={user.role} />
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
