"use client";

import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactionBoardItem } from "@/lib/reactions/schema";

/** One message: its reactions now (emoji, count, who) and the operations that led there. */
export function MessageCard({ item }: { item: ReactionBoardItem }) {
  const t = useTranslations("reactions");
  const format = useFormatter();
  const channelKey = `channelTypes.${item.conversation.channelType}` as "channelTypes.chat";
  const channel = item.conversation.channelType && t.has(channelKey) ? t(channelKey) : item.conversation.channelType;
  return (
    <li aria-label={t("messageLabel", { id: item.messageId })} className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="min-w-0 font-mono text-sm font-semibold break-all text-slate-900">{item.messageId}</h3>
        <p className="text-xs text-slate-500">
          {t("conversation", { from: item.conversation.from || "?", to: item.conversation.to || "?", channel })}
        </p>
      </div>
      {item.reactions.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t("noReactions")}</p>
      ) : (
        <ul aria-label={t("reactionsLabel")} className="mt-3 flex flex-wrap gap-2">
          {item.reactions.map((r) => (
            <li key={r.reaction} data-testid="reaction-chip" data-reaction={r.reaction} className="flex max-w-full min-w-0 items-center gap-2 rounded-full border border-indigo-200 bg-indigo-50 py-1 pr-3 pl-2 text-sm">
              <span className="font-medium break-all text-slate-900">{r.reaction}</span>
              <span data-testid="reaction-count" className="rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white tabular-nums">{r.count}</span>
              <span data-testid="reaction-users" className="min-w-0 truncate text-xs text-slate-600">
                {r.users.join(", ")}
                {r.users.length < r.count ? ` (${t("moreUsers", { shown: r.users.length, count: r.count })})` : null}
              </span>
            </li>
          ))}
          {item.moreReactions > 0 ? <li className="self-center text-xs text-slate-500">{t("moreReactions", { count: item.moreReactions })}</li> : null}
        </ul>
      )}
      {item.timeline.length > 0 ? (
        <details open className="mt-3 text-sm">
          <summary className="cursor-pointer text-xs font-medium text-slate-600">{t("timeline", { count: item.timeline.length })}</summary>
          <ol className="mt-2 space-y-1 border-l border-slate-200 pl-3">
            {item.timeline.map((entry, i) => (
              <li key={i} className="flex flex-wrap items-baseline gap-x-2 text-xs">
                <time dateTime={new Date(entry.at).toISOString()} className="text-slate-500 tabular-nums">{format.dateTime(new Date(entry.at), { hour: "2-digit", minute: "2-digit", second: "2-digit" })}</time>
                <span className={clsx("font-medium", entry.op === "remove" ? "text-red-700" : "text-emerald-700")}>
                  {t("timelineEntry", { actor: entry.actor ?? "?", reaction: entry.reaction ?? "?", op: entry.op })}
                </span>
              </li>
            ))}
          </ol>
          {item.olderOperations ? <p className="mt-1 pl-3 text-xs text-slate-500">{t("olderOperations", { count: item.timeline.length })}</p> : null}
        </details>
      ) : null}
    </li>
  );
}
