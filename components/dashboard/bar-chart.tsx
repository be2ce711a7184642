"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Text, XAxis, YAxis } from "recharts";

export interface BarDatum {
  label: string;
  value: number;
}

const BAR = "#1e40af"; // blue-800: 8.6:1 on white, well over the 3:1 asked of graphics
const LABEL_WIDTH = 120;

/** A category label wrapped on several lines next to its bar (long French labels, 360 px screens). */
function CategoryTick(props: { x?: number | string; y?: number | string; payload?: { value?: string } }) {
  return (
    <Text x={Number(props.x ?? 0)} y={Number(props.y ?? 0)} width={LABEL_WIDTH - 8} textAnchor="end" verticalAnchor="middle" fontSize={12} fill="#1e293b">
      {props.payload?.value ?? ""}
    </Text>
  );
}

/**
 * Horizontal bars, one per category, with the count printed at the end of the
 * bar. Decorative for assistive technologies: the table next to it holds the
 * same numbers, so the chart is hidden from them and takes no focus.
 */
export function HorizontalBarChart({ data }: { data: BarDatum[] }) {
  const height = 40 + data.length * 44;
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#cbd5e1" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#1e293b" }} />
          <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={<CategoryTick />} interval={0} />
          <Bar dataKey="value" fill={BAR} isAnimationActive={false}>
            <LabelList dataKey="value" position="right" fontSize={12} fill="#0f172a" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
