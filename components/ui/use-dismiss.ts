"use client";

import { useEffect, type RefObject } from "react";

/** While `open`, a press outside `area` or the Escape key calls `onDismiss` (menus and popovers). */
export function useDismiss(open: boolean, area: RefObject<HTMLElement | null>, onDismiss: () => void): void {
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !area.current?.contains(event.target as Node)) onDismiss();
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", close);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", close);
    };
  }, [open, area, onDismiss]);
}
