"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { StarterText } from "@/lib/platforms/types";

/** New controls and cards start with texts in the user's language (the template's content, so the user may change them). */
export function useStarterText(namespace: "editor" | "library" = "editor"): StarterText {
  const t = useTranslations(namespace);
  return useMemo(() => {
    // Each platform asks for its own keys under `starter`; one the catalogue lacks falls back to the platform's English.
    type Key = Parameters<typeof t>[0];
    return {
      label: (n: number) => t("starter.label", { n }),
      phrase: (key: string, params?: Record<string, string | number>) => (t.has(`starter.${key}` as Key) ? t(`starter.${key}` as Key, params) : undefined),
    };
  }, [t]);
}
