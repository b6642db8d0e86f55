"use client";

import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_BUTTON_STYLES, DISCORD_CUSTOM_ID_MAX, DISCORD_LABEL_MAX, DISCORD_STYLE_LINK, DISCORD_STYLE_PREMIUM, DISCORD_URL_MAX } from "@/lib/platforms/discord/limits";
import { reshape } from "./discord-inspector";
import type { DiscordKit } from "./discord-tree-fields";

/**
 * A button (in an Action Row, or a Section's accessory at `at` = "accessory."): style first, then the
 * fields that style takes — custom_id for 1–4, url for Link, sku_id for Premium (reference.mdx, Button Styles).
 */
export function DiscordButtonFields({ kit, at = "" }: { kit: DiscordKit; at?: string }) {
  const t = useTranslations("editor.discord");
  const tt = useTranslations("editor.discordTree");
  const owner = at ? kit.get(at.slice(0, -1)) : kit.value;
  const style = Number(kit.get(`${at}style`));
  const restyle = (next: number) => {
    // A new style keeps the fields it shares and drops the ones it forbids (Premium takes no label, Link no custom_id).
    const current = isRecord(owner) ? owner : {};
    const button = { ...(current.id !== undefined ? { id: current.id } : {}), ...reshape(current, 2, next) };
    if (at) kit.set(at.slice(0, -1), button);
    else kit.replace(button, "style");
  };
  const kind = style === DISCORD_STYLE_LINK ? "link" : style === DISCORD_STYLE_PREMIUM ? "premium" : "action";
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={kit.id(`${at}style`)} className="block text-xs font-medium text-slate-700">{t("style")}</label>
        <select id={kit.id(`${at}style`)} className={smallInput} value={String(style)} onChange={(e) => restyle(Number(e.target.value))}>
          {DISCORD_BUTTON_STYLES.map((s) => <option key={s} value={s}>{t(`styles.${s}`)}</option>)}
        </select>
        <p className={kit.errorAt(`${at}style`) ? "text-xs text-red-600" : "text-xs text-slate-500"}>{kit.errorAt(`${at}style`) ?? t(`styleHelp.${kind}`)}</p>
      </div>
      {kind !== "premium" ? kit.text(`${at}label`, t("label"), { max: DISCORD_LABEL_MAX }) : null}
      {kind !== "premium" ? kit.text(`${at}emoji.name`, t("emoji"), { help: t("emojiHelp") }) : null}
      {kind === "link" ? kit.text(`${at}url`, t("url"), { help: t("urlHelp"), max: DISCORD_URL_MAX, mono: true, keepEmpty: true }) : null}
      {kind === "premium" ? kit.text(`${at}sku_id`, t("skuId"), { mono: true, keepEmpty: true }) : null}
      {kind === "action" ? kit.text(`${at}custom_id`, tt("customId"), { help: tt("customIdHelp"), max: DISCORD_CUSTOM_ID_MAX, mono: true, keepEmpty: true }) : null}
      {kit.flag(`${at}disabled`, tt("disabled"), { help: tt("disabledHelp") })}
    </>
  );
}
