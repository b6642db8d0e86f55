"use client";

import { clsx } from "clsx";
import { Activity } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button-classes";
import { isPlatformId } from "@/lib/platforms/registry";
import { INTERACTION_KINDS, INTERACTION_STATUSES, REFUSAL_CODES } from "@/lib/interactions/kinds";
import { PLATFORM_IDS } from "@/lib/platforms/types";
import { EmptyState } from "@/components/ui/empty-state";
import { EndpointFigures } from "@/components/figures/endpoint-figures";
import { InteractionDetail } from "./interaction-detail";
import { ExportLinks } from "./export-links";
import { SearchBox } from "./search-box";
import { useLiveInteractions, type Filters, type InteractionSummary } from "./use-live-interactions";

const FILTER_CLASSES = "min-w-0 rounded-md border border-slate-300 bg-white py-1.5 pr-7 pl-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30";

const STATUS_TONE: Record<string, string> = {
  pending: "bg-amber-100 text-amber-800",
  answered: "bg-emerald-100 text-emerald-800",
  received: "bg-sky-100 text-sky-800",
  failed: "bg-red-100 text-red-800",
  expired: "bg-slate-200 text-slate-700",
  refused: "bg-red-600 text-white",
};

export function LiveInspector({ initial, endpoints }: { initial: InteractionSummary[]; endpoints: { id: string; name: string }[] }) {
  const t = useTranslations("live");
  const tp = useTranslations("platform");
  const tr = useTranslations("refusals");
  const format = useFormatter();
  const now = useNow({ updateInterval: 5000 });
  const [filters, setFilters] = useState<Filters>({});
  const { items, connected, reload, loadFailed } = useLiveInteractions(initial, filters);
  // Older matches beyond the first page come from the API; new ones arrive live. Every change asks again (also
  // back to no filter: the list held only the last view's matches), except the first render: the server sent it.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    void reload();
  }, [filters, reload]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = items.find((item) => item.id === selectedId) ?? null;
  const refusal = (code: string) => ((REFUSAL_CODES as readonly string[]).includes(code) ? tr(`${code as "bad_signature"}.short`) : code);
  const names = useMemo(() => new Map(endpoints.map((e) => [e.id, e.name])), [endpoints]);
  const filter = (key: keyof Filters, label: string, options: [string, string][]) => (
    <select aria-label={label} className={FILTER_CLASSES} value={filters[key] ?? ""} onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.value || undefined }))}>
      <option value="">{label}</option>
      {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
    </select>
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {filter("endpointId", t("filters.endpoint"), endpoints.map((e) => [e.id, e.name]))}
        {filter("platform", t("filters.platform"), PLATFORM_IDS.map((p) => [p, tp(p)]))}
        {filter("kind", t("filters.kind"), INTERACTION_KINDS.map((k) => [k, t(`kinds.${k}`)]))}
        {filter("status", t("filters.status"), INTERACTION_STATUSES.map((s) => [s, t(`statuses.${s}`)]))}
        <SearchBox onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))} />
        <ExportLinks filters={filters} />
        <span className={clsx("ml-auto flex items-center gap-1.5 text-xs", connected ? "text-emerald-700" : "text-slate-500")} role="status">
          <span aria-hidden className={clsx("size-2 rounded-full", connected ? "bg-emerald-500" : "bg-slate-400")} />
          {connected ? t("connected") : t("connecting")}
        </span>
      </div>
      {/* Issue 17 figures: the endpoint the filter picked, or every endpoint's together. */}
      <EndpointFigures endpointId={filters.endpointId} panel />
      {loadFailed ? (
        <p role="alert" className="flex flex-wrap items-center gap-2 text-sm text-red-700">
          {t("loadFailed")}
          <button type="button" className={buttonClasses("secondary", "py-1")} onClick={() => void reload()}>{t("retry")}</button>
        </p>
      ) : null}
      {items.length === 0 ? (
        <EmptyState icon={Activity} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
          <ul aria-label={t("listLabel")} className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            {items.map((item) => (
              <li key={item.id}>
                <button type="button" onClick={() => setSelectedId(item.id)} aria-pressed={item.id === selectedId} className={clsx("flex w-full items-center gap-3 px-4 py-2.5 text-left text-sm hover:bg-slate-50", item.id === selectedId && "bg-indigo-50")}>
                  <span className={clsx("rounded px-1.5 py-0.5 text-xs font-medium", STATUS_TONE[item.status] ?? STATUS_TONE.expired)}>{t(`statuses.${item.status as "pending"}`)}</span>
                  {isPlatformId(item.platform) ? <Badge tone={item.platform}>{tp(item.platform)}</Badge> : null}
                  {/* The list row knows only the reply's source: a relayed interaction the bot did not answer shows no badge here (its detail says why). */}
                  {item.replySource === "relay" ? <span data-testid="relay-badge" title={t("relay.badgeTitle")} className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800">{t("relay.badge")}</span> : null}
                  <span className="min-w-0 flex-1 truncate">
                    <span className="font-medium text-slate-900">{item.control ?? t(`kinds.${item.kind as "event"}`)}</span>
                    {item.summary ? <span className="text-slate-700"> · {item.status === "refused" ? refusal(item.summary) : item.summary}</span> : null}
                    <span className="text-slate-500"> · {names.get(item.endpointId) ?? item.endpointId}</span>
                  </span>
                  <time dateTime={item.receivedAt} className="text-xs whitespace-nowrap text-slate-500">{format.relativeTime(new Date(Math.min(Date.parse(item.receivedAt), now.getTime())), now)}</time>
                </button>
              </li>
            ))}
          </ul>
          <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            {selected ? <InteractionDetail key={selected.id} summary={selected} highlight={filters.q} /> : <p className="text-sm text-slate-500">{t("pick")}</p>}
          </div>
        </div>
      )}
    </div>
  );
}
