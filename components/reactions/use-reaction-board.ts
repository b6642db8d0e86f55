"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { reactionBoardSchema, type ReactionBoard, type ReactionBoardItem } from "@/lib/reactions/schema";

export type { ReactionBoard, ReactionBoardItem };

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

/** One page from the API, parsed with the API's own schema; null when it failed. */
async function fetchBoard(url: string): Promise<ReactionBoard | null> {
  const response = await fetch(url).catch(() => null);
  if (!response?.ok) return null;
  return reactionBoardSchema.safeParse(await response.json().catch(() => null)).data ?? null;
}

/** Newest change first, each message once (a live update may have brought one in before its page came). */
function merge(items: ReactionBoardItem[], more: ReactionBoardItem[]): ReactionBoardItem[] {
  const seen = new Set(items.map((i) => i.messageId));
  return [...items, ...more.filter((i) => !seen.has(i.messageId))];
}

/**
 * An endpoint's messages and their reactions, a page at a time ("Load more"), kept current over the
 * live stream: a `snapshot.updated` for this endpoint refetches that one message and puts it first.
 */
export function useReactionBoard(endpointId: string | undefined, initial: ReactionBoard, filter: ConversationFilter) {
  const [items, setItems] = useState(initial.items);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const [connected, setConnected] = useState(false);
  // The stream's handlers read the newest filter and reload without reconnecting on every keystroke.
  const filterRef = useRef(filter);
  const reloadRef = useRef<() => Promise<void>>(async () => {});

  // Only the newest request may set the items: a slow answer for the previous endpoint or filter is dropped.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoadFailed(false);
    if (!endpointId) {
      setItems([]);
      setNextCursor(null);
      return;
    }
    const board = await fetchBoard(boardUrl(endpointId, { ...filter }));
    if (board && request === latest.current) {
      setItems(board.items);
      setNextCursor(board.nextCursor);
    }
  }, [endpointId, filter]);

  const loadMore = useCallback(async () => {
    if (!endpointId || !nextCursor) return;
    const request = latest.current;
    setLoadingMore(true);
    setLoadFailed(false);
    const board = await fetchBoard(boardUrl(endpointId, { ...filter, cursor: nextCursor }));
    setLoadingMore(false);
    // A reload since (another endpoint or filter) makes this page stale.
    if (request !== latest.current) return;
    if (!board) return setLoadFailed(true);
    setItems((all) => merge(all, board.items));
    setNextCursor(board.nextCursor);
  }, [endpointId, filter, nextCursor]);

  // The server rendered the first page: it is reloaded only once the endpoint or the filter changes (a reload
  // on mount would race a quick "Load more" and drop its page).
  const shown = useRef(`${endpointId ?? ""}|${JSON.stringify(filter)}`);
  useEffect(() => {
    filterRef.current = filter;
    reloadRef.current = reload;
    const key = `${endpointId ?? ""}|${JSON.stringify(filter)}`;
    if (key === shown.current) return;
    shown.current = key;
    // Typing in a filter asks the API once the person pauses.
    const timer = setTimeout(() => void reload(), 250);
    return () => clearTimeout(timer);
  }, [endpointId, filter, reload]);

  useEffect(() => {
    if (!endpointId) return;
    // Answers arriving after a switch to another endpoint belong to the old board: dropped.
    let live = true;
    const source = new EventSource("/api/interactions/stream");
    const refresh = async (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { id: string; endpointId: string };
      if (data.endpointId !== endpointId) return;
      const item = (await fetchBoard(boardUrl(endpointId, { messageId: data.id })))?.items[0];
      if (!live || !item) return;
      // Newest change first: an updated message moves up, loaded before or not.
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

  return { items, connected, reload, loadMore, hasMore: nextCursor !== null, loadingMore, loadFailed };
}
