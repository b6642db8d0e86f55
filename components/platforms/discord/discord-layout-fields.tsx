"use client";

import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_COMPONENT } from "@/lib/platforms/discord/limits";
import { DISCORD_V2_COMPONENT, DISCORD_V2_SEPARATOR_SPACINGS, DISCORD_V2_TEXT_TOTAL_MAX } from "@/lib/platforms/discord/v2/limits";
import { DiscordAccentColor } from "./discord-accent-color";
import { DiscordButtonFields } from "./discord-button-fields";
import { DiscordThumbnailFields } from "./discord-media-fields";
import type { DiscordKit } from "./discord-tree-fields";

/** Container: accent bar colour and spoiler; its children are edited in the tree. */
export function DiscordContainerFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      <DiscordAccentColor kit={kit} />
      {kit.flag("spoiler", t("container.spoiler"), { help: t("container.spoilerHelp") })}
    </>
  );
}

/** A fresh accessory of a kind; its custom_id only needs to be unique, which the rules check. */
function newAccessory(kind: number, label: string): Record<string, unknown> {
  if (kind === DISCORD_COMPONENT.button) return { type: 2, style: 2, label, custom_id: `section_${Math.random().toString(36).slice(2, 8)}` };
  // Discord's own default avatar: a real https image, so the preview shows something until a URL is typed.
  return { type: DISCORD_V2_COMPONENT.thumbnail, media: { url: "https://cdn.discordapp.com/embed/avatars/0.png" } };
}

/** Section: its 1–3 Text Displays are its children in the tree; here its one accessory, a Button or a Thumbnail. */
export function DiscordSectionFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  const accessory = kit.get("accessory");
  const kind = isRecord(accessory) ? Number(accessory.type) : 0;
  const pick = (next: number) => kit.set("accessory", newAccessory(next, t("section.starterButton")));
  const error = kit.errorAt("accessory") && !isRecord(accessory) ? kit.errorAt("accessory") : undefined;
  return (
    <fieldset className="space-y-3">
      <legend className="text-xs font-medium text-slate-700">{t("section.accessory")}</legend>
      <div role="radiogroup" aria-label={t("section.accessoryKind")} className="flex gap-3 text-sm text-slate-700">
        {[DISCORD_COMPONENT.button, DISCORD_V2_COMPONENT.thumbnail].map((k) => (
          <label key={k} className="flex items-center gap-1.5">
            <input type="radio" name={kit.id("accessory-kind")} checked={kind === k} onChange={() => pick(k)} />
            {t(`section.kinds.${k}` as never)}
          </label>
        ))}
      </div>
      <p className={error ? "text-xs text-red-600" : "text-xs text-slate-500"}>{error ?? t("section.accessoryHelp")}</p>
      {kind === DISCORD_COMPONENT.button ? <DiscordButtonFields kit={kit} at="accessory." /> : null}
      {kind === DISCORD_V2_COMPONENT.thumbnail ? <DiscordThumbnailFields kit={kit} at="accessory." /> : null}
    </fieldset>
  );
}

/** Text Display: markdown content; the 4,000 characters are shared by every Text Display of the message. */
export function DiscordTextDisplayFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return kit.text("content", t("text.content"), { help: t("text.contentHelp", { max: DISCORD_V2_TEXT_TOTAL_MAX }), max: DISCORD_V2_TEXT_TOTAL_MAX, rows: 6, keepEmpty: true });
}

/** Separator: a visible line or only space, small or large padding (both default: divider on, small). */
export function DiscordSeparatorFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      {kit.flag("divider", t("separator.divider"), { help: t("separator.dividerHelp"), defaultOn: true })}
      {kit.choice("spacing", t("separator.spacing"), DISCORD_V2_SEPARATOR_SPACINGS, (s) => t(`separator.spacings.${s}` as never), { empty: t("separator.spacingDefault") })}
    </>
  );
}

/** Action Row: nothing of its own besides an id; says what it may hold. */
export function DiscordActionRowFields({ inModal }: { inModal: boolean }) {
  const t = useTranslations("editor.discordTree");
  return <p className="text-xs text-slate-500">{inModal ? t("actionRow.modalHelp") : t("actionRow.help")}</p>;
}
