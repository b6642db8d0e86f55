"use client";

import { useCallback, useEffect, useState } from "react";
import type { InteractionSummary } from "@/lib/interactions/list";

export type { InteractionSummary };


export interface Filters {
  endpointId?: string;
  platform?: string;
  kind?: string;
  status?: string;
}

const matches = (item: InteractionSummary, filters: Filters) =>
  (!filters.endpointId || item.endpointId === filters.endpointId) &&
  (!filters.platform || item.platform === filters.platform) &&
  (!filters.kind || item.kind === filters.kind) &&
  (!filters.status || item.status === filters.status);

/**
 * The newest interactions, kept current over server-sent events. EventSource
 * resumes with Last-Event-ID by itself; a `reset` (too much missed) reloads the list.
 */
export function useLiveInteractions(initial: InteractionSummary[], filters: Filters) {
  const [items, setItems] = useState(initial);
  const [connected, setConnected] = useState(false);

  // The server's first page covers no filter; a filter change (or a `reset`) asks the API again.
  const reload = useCallback(async () => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
    const body = (await (await fetch(`/api/interactions?${query}`)).json()) as { items: InteractionSummary[] };
    setItems(body.items);
  }, [filters]);

  useEffect(() => {
    const source = new EventSource("/api/interactions/stream");
    const upsert = async (event: MessageEvent<string>) => {
      const { id } = JSON.parse(event.data) as { id: string };
      const response = await fetch(`/api/interactions/${id}`);
      if (!response.ok) return;
      const item = (await response.json()) as InteractionSummary;
      setItems((all) => {
        const rest = all.filter((i) => i.id !== item.id);
        return [item, ...rest].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      });
    };
    source.addEventListener("open", () => setConnected(true));
    source.addEventListener("error", () => setConnected(false));
    source.addEventListener("interaction.created", (e) => void upsert(e as MessageEvent<string>));
    source.addEventListener("interaction.updated", (e) => void upsert(e as MessageEvent<string>));
    source.addEventListener("reset", () => void reload());
    return () => source.close();
  }, [reload]);

  return { items: items.filter((item) => matches(item, filters)), connected, reload };
}
