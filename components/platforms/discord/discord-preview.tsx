"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_COMPONENT } from "@/lib/platforms/discord/limits";
import type { PreviewProps } from "../types";
import { DiscordButtonView } from "./discord-button-view";
import { DiscordMessageFrame } from "./discord-message-frame";

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A Discord message in the dark theme: content, then action rows of buttons or a select. */
export function DiscordPreview({ text: content, rows, onClick }: PreviewProps) {
  const t = useTranslations("editor.preview");
  return (
    <div className="rounded-xl bg-[#313338] p-4 text-[#dbdee1]" data-testid="discord-preview">
      <DiscordMessageFrame>
        {content.trim() ? <p className="mt-0.5 text-sm break-words whitespace-pre-wrap">{content}</p> : null}
        <div className="mt-2 space-y-2">
          {rows.map((cells, r) => (
            <div key={r} className="flex flex-wrap gap-2">
              {cells.map((cell, c) => {
                const component = isRecord(cell) ? cell : {};
                const disabled = component.disabled === true;
                if (component.type !== DISCORD_COMPONENT.button) {
                  return (
                    <button key={c} type="button" disabled={disabled} onClick={() => onClick({ row: r, cell: c })} className="flex w-full max-w-md items-center justify-between rounded bg-[#1e1f22] px-3 py-2 text-left text-sm text-[#949ba4] disabled:opacity-50">
                      <span className="truncate">{text(component.placeholder) || t("selectPlaceholder")}</span>
                      <ChevronDown aria-hidden className="size-4" />
                    </button>
                  );
                }
                return <DiscordButtonView key={c} component={component} onClick={() => onClick({ row: r, cell: c })} />;
              })}
            </div>
          ))}
        </div>
      </DiscordMessageFrame>
    </div>
  );
}
