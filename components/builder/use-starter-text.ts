"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { StarterText } from "@/lib/platforms/types";

/** Texts of a new card (Feishu): adapters without cards ignore them. */
export type CardStarterText = StarterText & { cardTitle: string; cardBody: string; option: (n: number) => string };

/** New buttons are labelled in the user's language (the template's content, so the user may change it). */
export function useStarterText(namespace: "editor" | "library" = "editor"): CardStarterText {
  const t = useTranslations(namespace);
  return useMemo(
    () => ({
      label: (n: number) => t("starter.label", { n }),
      unsupportTips: t("starter.unsupportTips"),
      cardTitle: t("starter.cardTitle"),
      cardBody: t("starter.cardBody"),
      option: (n: number) => t("starter.option", { n }),
    }),
    [t],
  );
}
