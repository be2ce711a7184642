import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** A GET form: the search lives in the URL, so a result can be bookmarked and shared. */
export function LandlordSearch({ q }: { q?: string }) {
  return (
    <form method="get" role="search" aria-label="Rechercher un bailleur" className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-3 sm:flex-row sm:items-end">
      <div className="grow">
        <TextField name="q" label="Rechercher (nom du bailleur, ville)" type="search" defaultValue={q} />
      </div>
      <Button type="submit">Rechercher</Button>
    </form>
  );
}
