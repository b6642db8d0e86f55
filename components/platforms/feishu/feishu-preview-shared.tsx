"use client";

import type { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ControlState } from "@/lib/platforms/feishu/control-values";
import { isRecord } from "@/lib/platforms/issues";
import type { ClickInput } from "@/lib/platforms/types";
import { FeishuMarkdown, type MarkdownLabels } from "./feishu-markdown";
import { FIELD_CLASSES } from "./feishu-styles";

export const str = (value: unknown) => (typeof value === "string" ? value : "");
/** The text of a plain_text / lark_md object. */
export const content = (value: unknown) => (isRecord(value) ? str(value.content) : "");
export const records = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);
export const pathKey = (path: number[]) => path.join(".");

/** The form a control sits in (its node and index path), or null outside one. */
export interface FormRef {
  node: Record<string, unknown>;
  path: number[];
}

/** What every part of the preview shares: the walk, the controls' states, and the way a click leaves. */
export interface PreviewContext {
  t: ReturnType<typeof useTranslations>;
  labels: MarkdownLabels;
  render: (node: unknown, path: number[], form: FormRef | null) => ReactNode;
  /** A container's children, read the way the editor's index paths read them. */
  children: (node: unknown) => unknown[];
  /** A control's state: what it was set to, else its default. */
  stateOf: (node: Record<string, unknown>, path: number[]) => ControlState | undefined;
  setState: (path: number[], value: ControlState) => void;
  /** Operating a control: its confirm dialog first when it has one; `apply` runs once confirmed. */
  fire: (node: Record<string, unknown>, path: number[], input: ClickInput, apply?: () => void) => void;
  submit: (button: Record<string, unknown>, path: number[], form: FormRef) => void;
  reset: (button: Record<string, unknown>, path: number[], form: FormRef) => void;
}

export interface PartProps {
  node: Record<string, unknown>;
  path: number[];
  form: FormRef | null;
  ctx: PreviewContext;
}

/** A text object as Feishu draws it: lark_md / markdown through the markdown renderer, else plain. */
export function FeishuText({ text, labels, className }: { text: unknown; labels: MarkdownLabels; className?: string }) {
  if (!isRecord(text)) return null;
  if (text.tag === "lark_md" || text.tag === "markdown") return <FeishuMarkdown source={str(text.content)} labels={labels} align={str(text.text_align)} />;
  return <p className={className ?? "break-words whitespace-pre-wrap"} style={{ textAlign: (str(text.text_align) || undefined) as "left" | "center" | "right" | undefined }}>{str(text.content)}</p>;
}

/** A field's label above (or left of) it, with the red asterisk of a required field. */
export function FieldFrame({ node, id, children }: { node: Record<string, unknown>; id: string; children: ReactNode }) {
  const label = content(node.label);
  const left = node.label_position === "left";
  return (
    <div className={left ? "flex items-center gap-2" : "space-y-1"}>
      {label ? (
        <label htmlFor={id} className={left ? "shrink-0 text-[13px] text-[#1f2329]" : "block text-[13px] text-[#1f2329]"}>
          {node.required === true ? <span className="mr-0.5 text-[#f54a45]">{"*"}</span> : null}
          {label}
        </label>
      ) : null}
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}

/** A field's width: "fill", "default" or "<n>px". */
export function widthStyle(node: Record<string, unknown>, fallback = "100%"): React.CSSProperties {
  const width = str(node.width);
  const px = /^(\d+)px$/.exec(width);
  if (px) return { width: `${px[1]}px`, maxWidth: "100%" };
  return { width: width === "fill" ? "100%" : fallback };
}

/** The accessible name of a control that has no visible label: its placeholder, else its name. */
export const accessibleName = (node: Record<string, unknown>, fallback = "") => content(node.placeholder) || str(node.name) || fallback;

export { FIELD_CLASSES };

/** A stable colour per user id, for the placeholder avatars (ids cannot be resolved offline). */
const AVATAR_COLOURS = ["#3370ff", "#34c724", "#ff8800", "#7f3bf5", "#f14c9c", "#2dbeab", "#4954e6", "#f54a45"];
export function avatarColour(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length]!;
}

/** A short form of an open_id for a placeholder name: "ou_4a13…cdef". */
export const shortId = (id: string) => (id.length > 14 ? `${id.slice(0, 7)}…${id.slice(-4)}` : id);

export function Avatar({ id, size = 20 }: { id: string; size?: number }) {
  return (
    <span
      aria-hidden
      className="inline-flex shrink-0 items-center justify-center rounded-full font-medium text-white"
      style={{ width: size, height: size, fontSize: Math.max(9, Math.round(size * 0.45)), background: avatarColour(id) }}
    >
      {(id.replace(/^(ou|on|u)_/, "")[0] ?? "?").toUpperCase()}
    </span>
  );
}
