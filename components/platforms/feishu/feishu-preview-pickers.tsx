"use client";

import { clsx } from "clsx";
import { Check, ImageIcon } from "lucide-react";
import { isRecord } from "@/lib/platforms/issues";
import { FeishuButtonView } from "./feishu-button-view";
import { accessibleName, content, FeishuText, FIELD_CLASSES, pathKey, records, str, widthStyle, type PartProps } from "./feishu-preview-shared";

const INPUT_TYPES: Record<string, string> = { date_picker: "date", picker_time: "time", picker_datetime: "datetime-local" };

/**
 * Date, time and date-time pickers as the browser's own; the state keeps the browser's value and
 * lib/platforms/feishu/control-values turns it into Feishu's "2024-01-01 10:00 +0800" strings.
 */
export function PickerView({ node, path, form, ctx }: PartProps) {
  const tag = str(node.tag);
  const value = String(ctx.stateOf(node, path) ?? "");
  return (
    <input
      type={INPUT_TYPES[tag]}
      aria-label={accessibleName(node, ctx.t(`pickers.${tag}`))}
      value={value}
      disabled={node.disabled === true}
      required={node.required === true}
      onChange={(e) => {
        const next = e.target.value;
        if (form || !next) ctx.setState(path, next);
        else ctx.fire(node, path, { value: next }, () => ctx.setState(path, next));
      }}
      className={FIELD_CLASSES}
      style={widthStyle(node, "16rem")}
    />
  );
}

const LAYOUT_COLUMNS: Record<string, number> = { stretch: 1, bisect: 2, trisect: 3 };

/**
 * Image options as tiles. Outside a form a tile is picked and sent at once (single choice only);
 * in a form tiles are ticked (one, or several with multi_select) and sent with the form.
 */
export function SelectImgView({ node, path, form, ctx }: PartProps) {
  const state = ctx.stateOf(node, path);
  const picked = Array.isArray(state) ? state : [];
  const multi = form !== null && node.multi_select === true;
  const disabled = node.disabled === true;
  const ratio = (str(node.aspect_ratio) || "16:9").replace(":", " / ");
  const laser = node.style === "laser";
  return (
    <div
      role="group"
      aria-label={accessibleName(node, ctx.t("selectImage"))}
      className="grid gap-2"
      style={{ gridTemplateColumns: `repeat(${LAYOUT_COLUMNS[str(node.layout)] ?? 2}, minmax(0, 1fr))` }}
    >
      {records(node.options).map((option, i) => {
        const value = str(option.value);
        const on = picked.includes(value);
        const off = disabled || option.disabled === true;
        const label = content(option.hover_tips) || ctx.t("imageOption", { n: i + 1, value });
        return (
          <button
            key={i}
            type="button"
            role={form ? "checkbox" : undefined}
            aria-checked={form ? on : undefined}
            aria-label={label}
            title={content(option.disabled === true ? option.disabled_tips : option.hover_tips) || undefined}
            disabled={off}
            onClick={() => {
              const next = multi ? (on ? picked.filter((v) => v !== value) : [...picked, value]) : [value];
              if (form) ctx.setState(path, next);
              else ctx.fire(node, path, { value: next }, () => ctx.setState(path, next));
            }}
            className={clsx(
              "relative flex items-center justify-center rounded-md border-2 text-[#8f959e] transition-colors disabled:cursor-not-allowed disabled:opacity-50",
              on ? "border-[#3370ff]" : "border-transparent hover:border-[#d0d3d6]",
              laser ? "bg-[linear-gradient(135deg,#eef3ff,#f5efff,#fff0f4)]" : "bg-[#f2f3f5]",
            )}
            style={{ aspectRatio: ratio }}
          >
            <ImageIcon aria-hidden className="size-5" />
            {form ? (
              <span aria-hidden className={clsx("absolute top-1 right-1 flex size-4 items-center justify-center border bg-white", multi ? "rounded" : "rounded-full", on ? "border-[#3370ff] bg-[#3370ff] text-white" : "border-[#d0d3d6]")}>
                {on ? <Check className="size-3" /> : null}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}

/**
 * A checker: a round tick box and its text, struck through / faded when ticked if checked_style
 * says so. Outside a form a tick is sent (with a callback behavior); without one it stays local.
 */
export function CheckerView({ node, path, form, ctx }: PartProps) {
  const checked = ctx.stateOf(node, path) === true;
  const style = isRecord(node.checked_style) ? node.checked_style : {};
  const id = `feishu-preview-${pathKey(path)}`;
  const hasCallback = Array.isArray(node.behaviors) && node.behaviors.some((b) => isRecord(b) && b.type === "callback");
  const buttons = isRecord(node.button_area) ? records(node.button_area.buttons) : [];
  const text = content(node.text);
  return (
    <div className={clsx("flex items-start gap-2 rounded-md px-1 py-0.5", node.overall_checkable !== false && "hover:bg-[#1f2329]/[0.04]")}>
      <input
        id={id}
        type="checkbox"
        aria-label={text ? undefined : accessibleName(node, ctx.t("checker"))}
        checked={checked}
        disabled={node.disabled === true}
        onChange={(e) => {
          const next = e.target.checked;
          if (form || !hasCallback) ctx.setState(path, next);
          else ctx.fire(node, path, { value: next }, () => ctx.setState(path, next));
        }}
        className="mt-1 size-4 shrink-0 cursor-pointer rounded-full accent-[#3370ff] disabled:cursor-not-allowed"
      />
      <label
        htmlFor={id}
        className="min-w-0 flex-1 cursor-pointer"
        style={checked ? { textDecoration: style.show_strikethrough === true ? "line-through" : undefined, opacity: typeof style.opacity === "number" ? style.opacity : undefined } : undefined}
      >
        <FeishuText text={node.text} labels={ctx.labels} />
      </label>
      {buttons.length ? (
        // The button area's buttons are drawn; they are not reachable by an index path, so they stay inert.
        <span className="flex shrink-0 gap-1">
          {buttons.map((button, i) => <FeishuButtonView key={i} node={{ ...button, size: str(button.size) || "small" }} onClick={() => undefined} />)}
        </span>
      ) : null}
    </div>
  );
}
