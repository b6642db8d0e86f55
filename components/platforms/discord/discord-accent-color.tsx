"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { smallInput } from "@/components/ui/field";
import { DISCORD_V2_ACCENT_MAX } from "@/lib/platforms/discord/v2/limits";
import type { DiscordKit } from "./discord-tree-fields";

/** `accent_color` is an RGB integer; the pickers speak #rrggbb. */
export const accentHex = (value: unknown) => (typeof value === "number" && value >= 0 && value <= DISCORD_V2_ACCENT_MAX ? `#${value.toString(16).padStart(6, "0")}` : null);
const HEX = /^#?([0-9a-f]{6})$/i;

/** A Container's accent bar colour: a colour picker and a hex field side by side, or none (no bar). */
export function DiscordAccentColor({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  const value = kit.get("accent_color");
  const hex = accentHex(value);
  // What is being typed into the hex field, until it is a whole colour or the field is left.
  const [draft, setDraft] = useState<string | null>(null);
  const error = kit.errorAt("accent_color");
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-slate-700">{t("container.accent")}</legend>
      <div className="flex items-center gap-2">
        <input type="color" aria-label={t("container.accentPicker")} className="h-8 w-10 shrink-0 cursor-pointer rounded border border-slate-300 bg-white p-0.5" value={hex ?? "#5865f2"} onChange={(e) => kit.set("accent_color", parseInt(e.target.value.slice(1), 16))} />
        <input
          aria-label={t("container.accentHex")}
          className={`${smallInput} font-mono`}
          placeholder={t("container.accentNone")}
          value={draft ?? hex ?? (typeof value === "number" ? String(value) : "")}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const whole = HEX.exec(e.target.value.trim());
            setDraft(e.target.value);
            if (whole) kit.set("accent_color", parseInt(whole[1]!, 16));
            else if (e.target.value.trim() === "") kit.set("accent_color", undefined);
          }}
          onBlur={() => setDraft(null)}
        />
        {value !== undefined ? (
          <button type="button" className="shrink-0 text-xs font-medium text-slate-600 hover:text-slate-900" onClick={() => { setDraft(null); kit.set("accent_color", undefined); }}>
            {t("container.accentClear")}
          </button>
        ) : null}
      </div>
      {error ? <p className="text-xs text-red-600">{error}</p> : <p className="text-xs text-slate-500">{t("container.accentHelp")}</p>}
    </fieldset>
  );
}
