"use client";

import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { isModalData } from "@/lib/platforms/discord/modal/import";
import { MODAL_CUSTOM_ID_MAX, MODAL_TITLE_MAX } from "@/lib/platforms/discord/modal/limits";
import { DISCORD_V2_FLAG, DISCORD_V2_MAX_COMPONENTS, DISCORD_V2_TEXT_TOTAL_MAX } from "@/lib/platforms/discord/v2/limits";
import type { TreeSettingsProps } from "../types";
import { discordFieldKit } from "./discord-tree-fields";

/**
 * The layout as a whole, shown while nothing is selected: a modal's title and custom_id, or for a
 * Components V2 message the flag it carries and what that flag means.
 */
export function DiscordTreeSettings({ layout, issues, onChange }: TreeSettingsProps) {
  const t = useTranslations("editor.discordTree");
  const value = isRecord(layout) ? layout : {};
  const kit = discordFieldKit({ value, path: "", issues, idPrefix: "discord-layout", onChange, counter: (count, max) => t("counter", { count, max }) });
  // Findings about the layout itself (refused content, too many components) rather than one component;
  // the title's and custom_id's show under their fields.
  const own = issues.filter((i) => !/^components\./.test(i.path) && i.path !== "title" && i.path !== "custom_id");

  if (isModalData(layout)) {
    return (
      <div className="space-y-4">
        <div>
          <h3 className="text-sm font-medium text-slate-900">{t("settings.modalTitle")}</h3>
          <p className="text-xs text-slate-500">{t("settings.modalHelp")}</p>
        </div>
        {own.map((issue) => <p key={`${issue.code}-${issue.path}`} className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-700">{issue.message}</p>)}
        {kit.text("title", t("settings.title"), { help: t("settings.titleHelp"), max: MODAL_TITLE_MAX, keepEmpty: true })}
        {kit.text("custom_id", t("customId"), { help: t("settings.customIdHelp"), max: MODAL_CUSTOM_ID_MAX, mono: true, keepEmpty: true })}
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-medium text-slate-900">{t("settings.v2Title")}</h3>
        <p className="text-xs text-slate-500">{t("settings.v2Help", { components: DISCORD_V2_MAX_COMPONENTS, text: DISCORD_V2_TEXT_TOTAL_MAX })}</p>
      </div>
      {own.map((issue) => <p key={`${issue.code}-${issue.path}`} className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-700">{issue.message}</p>)}
      <div role="note" className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900">
        <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
        <div className="space-y-1">
          <p className="font-medium">{t("settings.flagSet", { flag: DISCORD_V2_FLAG, flags: typeof value.flags === "number" ? value.flags : DISCORD_V2_FLAG })}</p>
          <p>{t("settings.flagPermanent")}</p>
        </div>
      </div>
    </div>
  );
}
