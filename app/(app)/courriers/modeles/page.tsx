import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LetterheadForm } from "@/components/letters/letterhead-form";
import { TemplateEditor } from "@/components/letters/template-editor";
import { LETTER_KINDS, LETTER_KIND_LABELS, LETTER_KIND_SLUGS, letterKindFromSlug } from "@/lib/domain/letters/kinds";
import { canEditLetterTemplates } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { getLetterSettings } from "@/lib/server/queries/letters/letterhead";
import { requireUser } from "@/lib/server/session";
import { formatInstant, parisToday, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Modèles de courriers" };

type Search = Record<string, string | string[] | undefined>;

export default async function LetterTemplatesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const teamId = user.teamIds.find((t) => canEditLetterTemplates(user, t));
  if (!teamId) notFound();
  const settings = await getLetterSettings(db, user, teamId);
  if (!settings) notFound();
  const { modele } = await searchParams;
  const kind = letterKindFromSlug(typeof modele === "string" ? modele : undefined) ?? "TENANT_FIRST_LETTER";
  const template = settings.templates.find((t) => t.kind === kind)!;
  const head = settings.letterhead;
  const noContact = !head.phone && !head.email;

  return (
    <div className="flex flex-col gap-6">
      <Link href="/courriers" className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Courriers
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Modèles de courriers</h1>
        <p className="text-slate-700">Les textes de l&apos;équipe {settings.teamName}. Les courriers reprennent l&apos;en-tête et la signature ci-dessous.</p>
      </div>

      {noContact ? (
        <p className="rounded-md border border-amber-700 bg-amber-50 p-3 font-medium text-amber-950">
          L&apos;en-tête n&apos;a ni téléphone ni adresse e-mail : les courriers ne disent pas comment joindre l&apos;équipe. Complétez-le plus bas.
        </p>
      ) : null}

      <section aria-labelledby="titre-modele" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
        <nav aria-label="Choisir le courrier">
          <ul className="flex flex-wrap gap-2">
            {LETTER_KINDS.map((k) => (
              <li key={k}>
                <Link
                  href={`?modele=${LETTER_KIND_SLUGS[k]}`}
                  aria-current={k === kind ? "page" : undefined}
                  className="inline-block rounded-md border border-slate-500 px-3 py-2 font-medium text-blue-900 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white"
                >
                  {LETTER_KIND_LABELS[k]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <h2 id="titre-modele" className="text-lg font-semibold">
          {LETTER_KIND_LABELS[kind]}
        </h2>
        <TemplateEditor
          key={kind}
          teamId={settings.teamId}
          kind={kind}
          subject={template.subject}
          body={template.body}
          version={template.version}
          isDefault={template.isDefault}
          updatedLabel={template.updatedAt ? `Modifié le ${formatInstant(template.updatedAt)}${template.updatedByName ? ` par ${template.updatedByName}` : ""}.` : null}
          letterhead={{ teamName: head.teamName, name: head.name, address: head.address, phone: head.phone, email: head.email, signature: head.signature }}
          today={toIsoDay(parisToday(new Date()))}
        />
      </section>

      <section aria-labelledby="titre-en-tete" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-en-tete" className="text-lg font-semibold">
          En-tête et signature
        </h2>
        <LetterheadForm
          teamId={settings.teamId}
          token={head.token}
          teamName={head.teamName}
          values={{ name: head.name ?? "", address: head.address ?? "", phone: head.phone ?? "", email: head.email ?? "", signature: head.signature ?? "" }}
        />
      </section>
    </div>
  );
}
