"use client";

import { clsx } from "clsx";
import { SmilePlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { MessageCard } from "./message-card";
import { SimulatorPanel } from "./simulator-panel";
import { buttonClasses } from "@/components/ui/button-classes";
import { useReactionBoard, type ConversationFilter, type ReactionBoard as Board } from "./use-reaction-board";

/** An endpoint the board can show, with the conversation kinds its platform has. */
export interface BoardEndpoint {
  id: string;
  name: string;
  channelTypes: readonly string[];
}

const CONTROL = "min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30";

export function ReactionBoard({ endpoints, initialEndpointId, initial }: { endpoints: BoardEndpoint[]; initialEndpointId: string; initial: Board }) {
  const t = useTranslations("reactions");
  const [endpointId, setEndpointId] = useState(initialEndpointId);
  const [filter, setFilter] = useState<ConversationFilter>({});
  const { items, connected, loadMore, hasMore, loadingMore, loadFailed } = useReactionBoard(endpointId, initial, filter);
  const channelTypes = endpoints.find((e) => e.id === endpointId)?.channelTypes ?? [];
  const channelLabel = (type: string) => (t.has(`channelTypes.${type}` as "channelTypes.chat") ? t(`channelTypes.${type}` as "channelTypes.chat") : type);
  const setField = (key: keyof ConversationFilter, value: string) => setFilter((f) => ({ ...f, [key]: value.trim() || undefined }));

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-3">
        <div className="space-y-2">
          <div className="flex items-center gap-3">
            <select aria-label={t("endpoint")} className={clsx(CONTROL, "w-full max-w-sm pr-7")} value={endpointId} onChange={(e) => setEndpointId(e.target.value)}>
              {endpoints.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
            </select>
            <span className={clsx("ml-auto flex shrink-0 items-center gap-1.5 text-xs", connected ? "text-emerald-700" : "text-slate-500")} role="status">
              <span aria-hidden className={clsx("size-2 rounded-full", connected ? "bg-emerald-500" : "bg-slate-400")} />
              {connected ? t("connected") : t("connecting")}
            </span>
          </div>
          <div className="grid grid-cols-2 gap-2 sm:flex">
            <input aria-label={t("filters.from")} placeholder={t("filters.from")} className={clsx(CONTROL, "sm:w-36")} value={filter.from ?? ""} onChange={(e) => setField("from", e.target.value)} />
            <input aria-label={t("filters.to")} placeholder={t("filters.to")} className={clsx(CONTROL, "sm:w-36")} value={filter.to ?? ""} onChange={(e) => setField("to", e.target.value)} />
            <select aria-label={t("filters.channelType")} className={clsx(CONTROL, "col-span-2 pr-7 sm:col-span-1")} value={filter.channelType ?? ""} onChange={(e) => setField("channelType", e.target.value)}>
              <option value="">{t("filters.anyChannel")}</option>
              {channelTypes.map((type) => <option key={type} value={type}>{channelLabel(type)}</option>)}
            </select>
          </div>
        </div>
        {items.length === 0 ? (
          <EmptyState icon={SmilePlus} title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <ul aria-label={t("messagesLabel")} className="space-y-3">
            {items.map((item) => <MessageCard key={item.messageId} item={item} />)}
          </ul>
        )}
        {loadFailed ? <p role="alert" className="text-sm text-red-700">{t("loadFailed")}</p> : null}
        {hasMore ? (
          <button type="button" className={buttonClasses("secondary", "w-full")} disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? t("loadingMore") : t("loadMore")}
          </button>
        ) : null}
      </div>
      <SimulatorPanel key={endpointId} endpointId={endpointId} channelTypes={channelTypes} />
    </div>
  );
}
