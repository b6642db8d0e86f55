"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { StarterText } from "@/lib/platforms/types";

/** New buttons are labelled in the user's language (the template's content, so the user may change it). */
export function useStarterText(namespace: "editor" | "library" = "editor"): StarterText {
  const t = useTranslations(namespace);
  return useMemo(() => ({ label: (n: number) => t("starter.label", { n }), unsupportTips: t("starter.unsupportTips") }), [t]);
}
