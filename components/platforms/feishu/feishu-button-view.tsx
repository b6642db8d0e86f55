"use client";

import { clsx } from "clsx";
import { ExternalLink } from "lucide-react";
import { isRecord } from "@/lib/platforms/issues";
import { BUTTON_DISABLED_CLASSES, BUTTON_SIZE_CLASSES, BUTTON_TYPE_CLASSES } from "./feishu-styles";

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** A card button as Feishu draws it: type, size, width, disabled. A disabled one still reports its click, as "does nothing". */
export function FeishuButtonView({ node, onClick }: { node: Record<string, unknown>; onClick: () => void }) {
  const disabled = node.disabled === true;
  const width = str(node.width);
  const px = /^(\d+)px$/.exec(width);
  const text = isRecord(node.text) ? str(node.text.content) : "";
  // An icon-only button still needs a name a screen reader (and a test) can find: its hover tip, else its name.
  const label = text ? undefined : (isRecord(node.hover_tips) ? str(node.hover_tips.content) : "") || str(node.name) || str(node.element_id) || undefined;
  const opensLink = Array.isArray(node.behaviors) && node.behaviors.some((b: unknown) => isRecord(b) && b.type === "open_url");
  return (
    <button
      type="button"
      aria-disabled={disabled || undefined}
      aria-label={label}
      onClick={onClick}
      data-type={str(node.type) || "default"}
      data-size={str(node.size) || "medium"}
      style={px ? { width: `${px[1]}px` } : undefined}
      className={clsx(
        "inline-flex max-w-full items-center justify-center gap-1 font-normal whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-[#3370ff]",
        BUTTON_SIZE_CLASSES[str(node.size)] ?? BUTTON_SIZE_CLASSES.medium,
        disabled ? BUTTON_DISABLED_CLASSES : (BUTTON_TYPE_CLASSES[str(node.type)] ?? BUTTON_TYPE_CLASSES.default),
        width === "fill" && "w-full",
      )}
    >
      <span className="truncate">{text}</span>
      {opensLink ? <ExternalLink aria-hidden className="size-3.5 shrink-0" /> : null}
    </button>
  );
}
