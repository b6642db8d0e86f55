"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { interactionPageSchema, interactionSummarySchema, type InteractionSummary } from "@/lib/interactions/view-schema";

export type { InteractionSummary };


export interface Filters {
  endpointId?: string;
  platform?: string;
  kind?: string;
  status?: string;
  /** Search text (GET /api/interactions?q=): matched by the server, over the body too. */
  q?: string;
}

/** While searching, live events refresh the results at most this often (the server decides what matches). */
const SEARCH_REFRESH_MS = 1000;

const matches = (item: InteractionSummary, filters: Filters) =>
  (!filters.endpointId || item.endpointId === filters.endpointId) &&
  (!filters.platform || item.platform === filters.platform) &&
  (!filters.kind || item.kind === filters.kind) &&
  (!filters.status || item.status === filters.status);

/** An API answer read with its schema: null when the request or the answer failed. */
export async function fetchParsed<T>(url: string, schema: z.ZodType<T>): Promise<T | null> {
  const response = await fetch(url).catch(() => null);
  if (!response?.ok) return null;
  return schema.safeParse(await response.json().catch(() => null)).data ?? null;
}

/**
 * The newest interactions, kept current over server-sent events. EventSource
 * resumes with Last-Event-ID by itself; a `reset` (too much missed) reloads the list.
 */
export function useLiveInteractions(initial: InteractionSummary[], filters: Filters) {
  const [items, setItems] = useState(initial);
  const [connected, setConnected] = useState(false);
  // A reload that failed (offline, or an answer that is not the API's): the list shown is older; the page offers a retry.
  const [loadFailed, setLoadFailed] = useState(false);

  // The server's first page covers no filter; a filter change (or a `reset`) asks the API again.
  const reload = useCallback(async () => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
    const page = await fetchParsed(`/api/interactions?${query}`, interactionPageSchema);
    setLoadFailed(!page);
    if (page) setItems(page.items);
  }, [filters]);

  // The stream is opened once for the page, not again on every change of filters: a new EventSource starts
  // without Last-Event-ID, so whatever was published between closing one and opening the next was lost (a
  // callback stored right as /live hydrated never showed). The handlers read the current filters from refs.
  const current = useRef({ reload, q: filters.q });
  useEffect(() => {
    current.current = { reload, q: filters.q };
  }, [reload, filters.q]);

  useEffect(() => {
    const source = new EventSource("/api/interactions/stream");
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const upsert = async (event: MessageEvent<string>) => {
      // A search matches on the body, which a summary does not carry: the server is asked again, not the item.
      if (current.current.q) {
        refresh ??= setTimeout(() => {
          refresh = undefined;
          void current.current.reload();
        }, SEARCH_REFRESH_MS);
        return;
      }
      const { id } = JSON.parse(event.data) as { id: string };
      // The detail answer parsed as a summary: the list keeps only the summary's fields.
      const item = await fetchParsed(`/api/interactions/${encodeURIComponent(id)}`, interactionSummarySchema);
      // A missed update is not lost: the next event for it, or a `reset`, brings it.
      if (!item) return;
      setItems((all) => {
        const rest = all.filter((i) => i.id !== item.id);
        return [item, ...rest].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      });
    };
    let opened = false;
    source.addEventListener("open", () => {
      setConnected(true);
      // What was stored between the server's render of the first page and this stream's first event id is in
      // no event this stream will send: the list is asked for once more. (Reconnects resume by Last-Event-ID.)
      if (!opened) void current.current.reload();
      opened = true;
    });
    source.addEventListener("error", () => setConnected(false));
    source.addEventListener("interaction.created", (e) => void upsert(e as MessageEvent<string>));
    source.addEventListener("interaction.updated", (e) => void upsert(e as MessageEvent<string>));
    source.addEventListener("reset", () => void current.current.reload());
    return () => {
      clearTimeout(refresh);
      source.close();
    };
  }, []);

  return { items: items.filter((item) => matches(item, filters)), connected, reload, loadFailed };
}
