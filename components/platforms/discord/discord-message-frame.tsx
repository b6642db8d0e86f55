"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** The bot's avatar, name and APP tag, as above every message in the client. */
export function DiscordMessageFrame({ children }: { children: ReactNode }) {
  const t = useTranslations("editor.preview");
  return (
    <div className="flex gap-3">
      <div aria-hidden className="flex size-10 shrink-0 items-center justify-center rounded-full bg-[#5865f2] text-sm font-semibold text-white">
        {t("botName").slice(0, 1)}
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-1.5">
          <span className="text-sm font-medium text-white">{t("botName")}</span>
          <span className="rounded bg-[#5865f2] px-1 text-[10px] leading-4 font-semibold text-white">{t("appTag")}</span>
        </div>
        {children}
      </div>
    </div>
  );
}
