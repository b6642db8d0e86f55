"use client";

import { clsx } from "clsx";
import { ExternalLink, ShoppingBag } from "lucide-react";
import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_STYLE_LINK, DISCORD_STYLE_PREMIUM } from "@/lib/platforms/discord/limits";

// Discord client colours (dark theme) per button style.
const STYLE_CLASSES: Record<number, string> = {
  1: "bg-[#5865f2] hover:bg-[#4752c4] text-white",
  2: "bg-[#4e5058] hover:bg-[#6d6f78] text-white",
  3: "bg-[#248046] hover:bg-[#1a6334] text-white",
  4: "bg-[#da373c] hover:bg-[#a12828] text-white",
  5: "bg-[#4e5058] hover:bg-[#6d6f78] text-white",
  6: "bg-[#5865f2] hover:bg-[#4752c4] text-white",
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A button as the Discord client draws it: style colour, emoji, label, a link arrow or the Premium shop icon. */
export function DiscordButtonView({ component, onClick }: { component: Record<string, unknown>; onClick: () => void }) {
  const t = useTranslations("editor.preview");
  const style = Number(component.style);
  const emoji = isRecord(component.emoji) ? text(component.emoji.name) : "";
  return (
    <button
      type="button"
      disabled={component.disabled === true}
      onClick={onClick}
      className={clsx("inline-flex h-8 max-w-full shrink-0 items-center gap-1.5 rounded px-4 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50", STYLE_CLASSES[style] ?? STYLE_CLASSES[2])}
    >
      {style === DISCORD_STYLE_PREMIUM ? <ShoppingBag aria-hidden className="size-4" /> : null}
      {emoji ? <span aria-hidden>{emoji}</span> : null}
      <span className="truncate">{style === DISCORD_STYLE_PREMIUM ? t("premium") : text(component.label)}</span>
      {style === DISCORD_STYLE_LINK ? <ExternalLink aria-hidden className="size-3.5" /> : null}
    </button>
  );
}
