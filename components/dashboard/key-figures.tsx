export interface KeyFigure {
  label: string;
  value: string;
  detail?: string;
}

/** The few numbers a coordinator looks at first, as a description list (read in order by a screen reader). */
export function KeyFigures({ figures }: { figures: KeyFigure[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {figures.map((f) => (
        <div key={f.label} className="flex flex-col rounded-md border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{f.label}</dt>
          <dd className="order-first text-2xl font-bold tabular-nums text-slate-900">{f.value}</dd>
          {f.detail ? <dd className="text-xs text-slate-700">{f.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
