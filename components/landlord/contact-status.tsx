/** Whether the landlord got in touch with the team: words, not colour alone. */
export function ContactStatus({ tookContact }: { tookContact: boolean }) {
  return tookContact ? (
    <span className="inline-block rounded-full bg-emerald-100 px-2.5 py-0.5 text-sm font-medium text-emerald-900">A pris contact</span>
  ) : (
    <span className="inline-block rounded-full bg-slate-200 px-2.5 py-0.5 text-sm font-medium text-slate-900">Pas de contact</span>
  );
}
