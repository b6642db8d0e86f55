"use client";

import { useEffect, useState } from "react";
import { figuresSchema, type Figures } from "@/lib/interactions/figures-schema";

/** How often the figures are read again while the page is visible. */
export const FIGURES_REFRESH_MS = 30_000;

export const figuresUrl = (endpointId?: string) => (endpointId ? `/api/figures?${new URLSearchParams({ endpointId })}` : "/api/figures");

/**
 * One endpoint's figures (every endpoint's without an id), read at once and then every 30 s while the page is
 * visible; a page coming back into view reads them at once. A failed read keeps the last figures shown and
 * says so (`failed`); the next tick tries again.
 */
export function useFigures(endpointId?: string): { figures: Figures | null; failed: boolean } {
  const [state, setState] = useState<{ figures: Figures | null; failed: boolean }>({ figures: null, failed: false });
  useEffect(() => {
    let live = true;
    const read = async () => {
      const response = await fetch(figuresUrl(endpointId), { cache: "no-store" }).catch(() => null);
      const parsed = response?.ok ? figuresSchema.safeParse(await response.json().catch(() => null)) : null;
      if (!live) return;
      setState((previous) => (parsed?.success ? { figures: parsed.data, failed: false } : { figures: previous.figures, failed: true }));
    };
    void read();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void read();
    }, FIGURES_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void read();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [endpointId]);
  // Figures of the scope asked before a change (the /live filter) are not shown as this one's.
  const current = state.figures && state.figures.endpointId === (endpointId ?? null) ? state.figures : null;
  return { figures: current, failed: state.failed };
}
