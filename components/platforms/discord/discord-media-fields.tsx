"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_V2_GALLERY_ITEMS_MAX, DISCORD_V2_MEDIA_DESCRIPTION_MAX } from "@/lib/platforms/discord/v2/limits";
import type { DiscordKit } from "./discord-tree-fields";

/** A Thumbnail (a Section's accessory at `at` = "accessory."): an unfurled media URL, alt text, spoiler. */
export function DiscordThumbnailFields({ kit, at = "" }: { kit: DiscordKit; at?: string }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      {kit.text(`${at}media.url`, t("media.url"), { help: t("media.urlHelp"), mono: true, keepEmpty: true })}
      {kit.text(`${at}description`, t("media.description"), { help: t("media.descriptionHelp"), max: DISCORD_V2_MEDIA_DESCRIPTION_MAX, rows: 2 })}
      {kit.flag(`${at}spoiler`, t("media.spoiler"), { help: t("media.spoilerHelp") })}
    </>
  );
}

/** A Media Gallery: 1–10 items, each a URL with alt text and a spoiler flag; adding stops at 10. */
export function DiscordGalleryFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  const raw = kit.get("items");
  const items = Array.isArray(raw) ? raw.filter(isRecord) : [];
  const full = items.length >= DISCORD_V2_GALLERY_ITEMS_MAX;
  // An item's errors show in its own box; one about the list as a whole (too few, too many) shows on top.
  const listError = kit.errorAt("items") && !items.some((_, i) => kit.errorAt(`items.${i}`)) ? kit.errorAt("items") : undefined;
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-700">{t("gallery.title", { count: items.length, max: DISCORD_V2_GALLERY_ITEMS_MAX })}</legend>
      {listError ? <p className="text-xs text-red-600">{listError}</p> : null}
      {items.map((_, i) => (
        <div key={i} className="space-y-2 rounded-md border border-slate-200 p-2" role="group" aria-label={t("gallery.item", { n: i + 1 })}>
          <div className="flex items-center justify-between">
            <span className="text-xs font-medium text-slate-600">{t("gallery.item", { n: i + 1 })}</span>
            <button type="button" aria-label={t("gallery.remove", { n: i + 1 })} title={t("gallery.remove", { n: i + 1 })} className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-red-600" onClick={() => kit.set("items", items.filter((_, j) => j !== i))}>
              <Trash2 aria-hidden className="size-4" />
            </button>
          </div>
          <DiscordThumbnailFields kit={kit} at={`items.${i}.`} />
        </div>
      ))}
      <button
        type="button"
        disabled={full}
        title={full ? t("gallery.full", { max: DISCORD_V2_GALLERY_ITEMS_MAX }) : undefined}
        className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:text-indigo-500 disabled:cursor-not-allowed disabled:text-slate-400"
        // A valid placeholder (an upload by name) rather than an empty URL: the person replaces it.
        onClick={() => kit.set("items", [...items, { media: { url: `attachment://image-${items.length + 1}.png` } }])}
      >
        <Plus aria-hidden className="size-4" />
        {t("gallery.add")}
      </button>
      {full ? <p className="text-xs text-slate-500">{t("gallery.full", { max: DISCORD_V2_GALLERY_ITEMS_MAX })}</p> : null}
    </fieldset>
  );
}

/** A File: only `attachment://<filename>` is accepted (File Structure), plus spoiler. */
export function DiscordFileFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      {kit.text("file.url", t("file.url"), { help: t("file.urlHelp"), mono: true, keepEmpty: true, placeholder: t("file.urlPlaceholder") })}
      {kit.flag("spoiler", t("media.spoiler"), { help: t("media.spoilerHelp") })}
    </>
  );
}
