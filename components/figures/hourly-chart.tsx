"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, Tooltip, XAxis } from "recharts";
import type { Figures } from "@/lib/interactions/figures-schema";

/** Tailwind's indigo-500 and amber-500: the app's accent, and its warning colour for refusals. */
const ACCEPTED_FILL = "#6366f1";
const REFUSED_FILL = "#f59e0b";
/** Four hours labelled, none at an edge, where a centred label would be cut off. */
const TICKS = [2, 8, 14, 20];

/**
 * The 24 hours as stacked bars (accepted below, refused above). The chart is a picture of the numbers
 * around it: hidden from assistive technology, which reads the caption's summary instead.
 */
export function HourlyChart({ hourly }: { hourly: Figures["hourly"] }) {
  const t = useTranslations("endpoints.figures");
  const format = useFormatter();
  const hour = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
  const total = (h: Figures["hourly"][number]) => h.interactions + h.refused;
  const busiest = hourly.reduce<Figures["hourly"][number] | null>((best, h) => (total(h) > (best ? total(best) : 0) ? h : best), null);
  const summary = busiest
    ? t("chartSummary", {
        interactions: hourly.reduce((n, h) => n + h.interactions, 0),
        refused: hourly.reduce((n, h) => n + h.refused, 0),
        hour: hour(busiest.hourStart),
        most: total(busiest),
      })
    : t("chartEmpty");
  return (
    <figure data-testid="figures-chart" className="min-w-0">
      <div aria-hidden className="h-[4.5rem] w-full">
        <BarChart responsive style={{ width: "100%", height: "100%" }} data={hourly} margin={{ top: 2, right: 0, bottom: 0, left: 0 }} barCategoryGap={1} accessibilityLayer={false}>
          <XAxis dataKey="hourStart" ticks={TICKS.map((i) => hourly[i]?.hourStart ?? "")} tickFormatter={hour} tickLine={false} axisLine={{ stroke: "#e2e8f0" }} tick={{ fontSize: 10, fill: "#64748b" }} height={18} />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            isAnimationActive={false}
            labelFormatter={(label) => (typeof label === "string" ? hour(label) : label)}
            contentStyle={{ fontSize: 12, padding: "4px 8px", borderRadius: 6, borderColor: "#e2e8f0" }}
          />
          <Bar dataKey="interactions" name={t("interactions")} stackId="hour" fill={ACCEPTED_FILL} isAnimationActive={false} />
          <Bar dataKey="refused" name={t("refused")} stackId="hour" fill={REFUSED_FILL} radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </div>
      <figcaption className="mt-0.5 text-[11px] text-slate-500">
        <span aria-hidden>{t("chartCaption")}</span>
        <span className="sr-only">{summary}</span>
      </figcaption>
    </figure>
  );
}
