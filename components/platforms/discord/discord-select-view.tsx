"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_COMPONENT } from "@/lib/platforms/discord/limits";

const str = (value: unknown) => (typeof value === "string" ? value : "");
const SELECT_CLASS = "flex h-10 w-full max-w-md items-center justify-between rounded bg-[#1e1f22] px-3 text-left text-sm text-[#949ba4] disabled:cursor-not-allowed disabled:opacity-50";

/**
 * A select in a message. A string select lists its options and choosing one reports the use; the
 * user/role/mentionable/channel selects list the server's members or channels, which a preview has
 * none of, so opening one reports the use.
 */
export function DiscordSelectView({ component, onChoose }: { component: Record<string, unknown>; onChoose: (value: string) => void }) {
  const t = useTranslations("editor.preview");
  const placeholder = str(component.placeholder) || t("selectPlaceholder");
  const disabled = component.disabled === true;
  if (component.type !== DISCORD_COMPONENT.stringSelect) {
    return (
      <button type="button" disabled={disabled} onClick={() => onChoose("")} className={SELECT_CLASS}>
        <span className="truncate">{placeholder}</span>
        <ChevronDown aria-hidden className="size-4" />
      </button>
    );
  }
  const options = Array.isArray(component.options) ? component.options.filter(isRecord) : [];
  return (
    <div className="relative w-full max-w-md">
      <select
        aria-label={placeholder}
        disabled={disabled}
        value=""
        onChange={(e) => onChoose(e.target.value)}
        className={`${SELECT_CLASS} appearance-none pr-8`}
      >
        <option value="" disabled>{placeholder}</option>
        {options.map((option, i) => <option key={i} value={str(option.value)}>{str(option.label)}</option>)}
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute top-3 right-3 size-4 text-[#949ba4]" />
    </div>
  );
}
