"use client";

import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FIGURE_SOURCES, type AnswerTime, type Figures } from "@/lib/interactions/figures-schema";
import { HourlyChart } from "./hourly-chart";
import { useFigures } from "./use-figures";

/**
 * An endpoint's figures (or every endpoint's, without an id): interactions and refusals in the last hour and
 * day, the share answered in time, answer times by source and the last 24 hours as a chart. `panel` stands
 * alone on a page (/live); otherwise it sits at the foot of an endpoint's card.
 */
export function EndpointFigures({ endpointId, panel = false }: { endpointId?: string; panel?: boolean }) {
  const t = useTranslations("endpoints.figures");
  const format = useFormatter();
  const { figures, failed } = useFigures(endpointId);
  const Heading = panel ? "h2" : "h3";
  const title = endpointId ? t("title") : t("titleAll");
  const duration = (ms: number | null) =>
    ms === null ? t("none") : ms < 1000 ? t("ms", { value: ms }) : t("seconds", { value: Math.round(ms / 100) / 10 });
  // The big number first, the second line (refusals, or how many of how many) beneath it.
  const big = (value: string) => <span className="text-sm font-semibold text-slate-900 tabular-nums">{value}</span>;
  const counts = (c: Figures["lastDay"]): ReactNode => (
    <>
      {big(format.number(c.interactions))} {t("interactionsUnit", { interactions: c.interactions })}
      <span className={clsx("block tabular-nums", c.refused > 0 ? "font-medium text-amber-700" : "text-slate-500")}>{t("refusedCount", { refused: c.refused })}</span>
    </>
  );
  return (
    <section
      data-testid="endpoint-figures"
      data-endpoint-id={endpointId}
      data-scope={endpointId ? "endpoint" : "all"}
      aria-label={t("label")}
      className={panel ? "rounded-xl border border-slate-200 bg-white p-4 shadow-sm" : "mt-4 border-t border-slate-100 pt-3"}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <Heading className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</Heading>
        {failed ? (
          <p role="status" className="text-xs text-red-700">
            {t("failed")}
          </p>
        ) : null}
      </div>
      {figures ? (
        <>
          <div className={clsx("mt-2 grid gap-3", panel && "lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1fr)] lg:items-start lg:gap-5")}>
            <dl className="grid grid-cols-3 gap-2 text-xs text-slate-600">
              <div data-testid="figures-last-hour" data-interactions={figures.lastHour.interactions} data-refused={figures.lastHour.refused}>
                <dt className="text-[11px] text-slate-500">{t("lastHour")}</dt>
                <dd>{counts(figures.lastHour)}</dd>
              </div>
              <div data-testid="figures-last-day" data-interactions={figures.lastDay.interactions} data-refused={figures.lastDay.refused}>
                <dt className="text-[11px] text-slate-500">{t("lastDay")}</dt>
                <dd>{counts(figures.lastDay)}</dd>
              </div>
              <div data-testid="figures-in-time" data-share={figures.inTimeShare ?? ""} title={t("inTimeHelp")}>
                <dt className="text-[11px] text-slate-500">{t("inTime")}</dt>
                <dd>
                  {figures.inTimeShare === null
                    ? t("inTimeNone")
                    : (
                        <>
                          {big(format.number(figures.inTimeShare, { style: "percent", maximumFractionDigits: 1 }))}
                          <span className="block text-slate-500 tabular-nums">{t("inTimeOf", { answered: figures.inTime.answered, of: figures.inTime.of })}</span>
                        </>
                      )}
                </dd>
              </div>
            </dl>
            <HourlyChart hourly={figures.hourly} />
            <AnswerTimes answerMs={figures.answerMs} duration={duration} />
          </div>
          {figures.sampled ? <p className="mt-1 text-[11px] text-slate-500">{t("sampled", { count: figures.sampleSize })}</p> : null}
        </>
      ) : failed ? null : (
        <p className="mt-2 text-xs text-slate-500">{t("loading")}</p>
      )}
    </section>
  );
}

/** Median and p99 answer time per source over the day, sources as columns so the table stays three rows high. */
function AnswerTimes({ answerMs, duration }: { answerMs: Figures["answerMs"]; duration: (ms: number | null) => string }) {
  const t = useTranslations("endpoints.figures");
  const format = useFormatter();
  const row = (label: string, cell: (time: AnswerTime) => string) => (
    <tr>
      <th scope="row" className="py-0.5 pr-3 text-left font-normal text-slate-500">
        {label}
      </th>
      {FIGURE_SOURCES.map((source) => (
        <td key={source} className="py-0.5 pl-2 text-right whitespace-nowrap text-slate-800 tabular-nums">
          {cell(answerMs[source])}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="min-w-0 overflow-x-auto">
      <table data-testid="figures-answer-times" className="w-full text-xs">
        <caption className="pb-1 text-left text-xs font-medium text-slate-600">{t("answerTimes")}</caption>
        <thead>
          <tr className="border-b border-slate-100">
            <th scope="col" className="py-0.5 pr-3 text-left font-normal text-slate-500">
              {t("source")}
            </th>
            {FIGURE_SOURCES.map((source) => (
              <th key={source} scope="col" data-source={source} className="py-0.5 pl-2 text-right font-medium text-slate-600">
                {t(`sources.${source}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(t("p50"), (time) => duration(time.p50))}
          {row(t("p99"), (time) => duration(time.p99))}
          {row(t("count"), (time) => format.number(time.count))}
        </tbody>
      </table>
    </div>
  );
}
