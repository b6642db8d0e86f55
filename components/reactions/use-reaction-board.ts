"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReactionBoardItem } from "@/lib/reactions/board";

export type { ReactionBoardItem };

export interface ConversationFilter {
  from?: string;
  to?: string;
  channelType?: string;
}

const fits = (item: ReactionBoardItem, filter: ConversationFilter) =>
  (!filter.from || item.conversation.from === filter.from) &&
  (!filter.to || item.conversation.to === filter.to) &&
  (!filter.channelType || item.conversation.channelType === filter.channelType);

function boardUrl(endpointId: string, extra: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries({ endpointId, ...extra }).filter((e): e is [string, string] => Boolean(e[1])));
  return `/api/reactions?${query}`;
}

/**
 * An endpoint's messages and their reactions, kept current over the live stream: a
 * `snapshot.updated` for this endpoint refetches that one message.
 */
export function useReactionBoard(endpointId: string | undefined, initial: ReactionBoardItem[], filter: ConversationFilter) {
  const [items, setItems] = useState(initial);
  const [connected, setConnected] = useState(false);
  // The stream's handlers read the newest filter and reload without reconnecting on every keystroke.
  const filterRef = useRef(filter);
  const reloadRef = useRef<() => Promise<void>>(async () => {});

  // Only the newest request may set the items: a slow answer for the previous endpoint or filter is dropped.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    if (!endpointId) return setItems([]);
    const response = await fetch(boardUrl(endpointId, { ...filter })).catch(() => null);
    if (!response?.ok) return;
    const body = (await response.json().catch(() => null)) as { items: ReactionBoardItem[] } | null;
    if (body && request === latest.current) setItems(body.items);
  }, [endpointId, filter]);

  useEffect(() => {
    filterRef.current = filter;
    reloadRef.current = reload;
    // Typing in a filter asks the API once the person pauses.
    const timer = setTimeout(() => void reload(), 250);
    return () => clearTimeout(timer);
  }, [filter, reload]);

  useEffect(() => {
    if (!endpointId) return;
    // Answers arriving after a switch to another endpoint belong to the old board: dropped.
    let live = true;
    const source = new EventSource("/api/interactions/stream");
    const refresh = async (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { id: string; endpointId: string };
      if (data.endpointId !== endpointId) return;
      const response = await fetch(boardUrl(endpointId, { messageId: data.id })).catch(() => null);
      if (!live || !response?.ok) return;
      const body = (await response.json().catch(() => null)) as { items: ReactionBoardItem[] } | null;
      const item = body?.items[0];
      if (!live || !item) return;
      setItems((all) => {
        const rest = all.filter((i) => i.messageId !== item.messageId);
        return fits(item, filterRef.current) ? [item, ...rest].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : rest;
      });
    };
    source.addEventListener("open", () => setConnected(true));
    source.addEventListener("error", () => setConnected(false));
    source.addEventListener("snapshot.updated", (e) => void refresh(e as MessageEvent<string>));
    source.addEventListener("reset", () => void reloadRef.current());
    return () => {
      live = false;
      source.close();
    };
  }, [endpointId]);

  return { items, connected, reload };
}
