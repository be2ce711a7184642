"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface MonthDatum {
  /** "01/25" */
  short: string;
  opened: number;
  closed: number;
}

/**
 * New cases and closures per month, side by side. Hidden from assistive
 * technologies: the monthly table below it has the same numbers.
 */
export function MonthlyChart({ data }: { data: MonthDatum[] }) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#cbd5e1" />
          <XAxis dataKey="short" tick={{ fontSize: 11, fill: "#1e293b" }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11, fill: "#1e293b" }} />
          <Legend wrapperStyle={{ fontSize: 12, color: "#0f172a" }} />
          <Bar dataKey="opened" name="Nouveaux dossiers" fill="#1e40af" isAnimationActive={false} />
          <Bar dataKey="closed" name="Clôtures" fill="#b45309" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
