"use client";

import { clsx } from "clsx";
import { ChevronDown } from "lucide-react";
import { useState, type KeyboardEvent, type MouseEvent } from "react";
import { isRecord } from "@/lib/platforms/issues";
import { BACKGROUND_COLOURS } from "./feishu-styles";
import { FeishuText, pathKey, str, type PartProps } from "./feishu-preview-shared";

/** Spacing tokens of 2.0 containers: small 4, medium 8, large 12, extra_large 16, or "<n>px". */
function spacing(value: unknown, fallback: number): number {
  const named: Record<string, number> = { small: 4, medium: 8, large: 12, extra_large: 16 };
  const text = str(value);
  const px = /^(\d+)px$/.exec(text);
  return px ? Number(px[1]) : (named[text] ?? fallback);
}

/** Column width: "auto" fits its content, "weighted" shares the rest by weight, "<n>px" is fixed. */
function columnStyle(column: Record<string, unknown>): React.CSSProperties {
  const width = str(column.width) || "auto";
  const px = /^(\d+)px$/.exec(width);
  const background = BACKGROUND_COLOURS[str(column.background_style)];
  const base: React.CSSProperties = { minWidth: 0, background, padding: background ? 8 : undefined, borderRadius: background ? 8 : undefined };
  if (px) return { ...base, flex: `0 0 ${px[1]}px` };
  if (width === "weighted") return { ...base, flex: `${typeof column.weight === "number" ? column.weight : 1} 1 0%` };
  return { ...base, flex: "0 1 auto" };
}

/** Children one under another (or side by side for direction "horizontal"), with the container's gaps. */
function Stack({ node, path, form, ctx }: PartProps) {
  const horizontal = node.direction === "horizontal";
  return (
    <div
      className={clsx("flex min-w-0", horizontal ? "flex-row flex-wrap items-start" : "flex-col")}
      style={{ gap: horizontal ? spacing(node.horizontal_spacing, 8) : spacing(node.vertical_spacing, 8) }}
    >
      {ctx.children(node).map((child, i) => <div key={i} className="min-w-0">{ctx.render(child, [...path, i], form)}</div>)}
    </div>
  );
}

export function ColumnSetView({ node, path, form, ctx }: PartProps) {
  return (
    <div className="flex" style={{ gap: spacing(node.horizontal_spacing, 8), flexWrap: str(node.flex_mode) === "flow" ? "wrap" : undefined }}>
      {ctx.children(node).map((column, i) => (
        <div key={i} className="flex flex-col" style={isRecord(column) ? { ...columnStyle(column), gap: spacing(column.vertical_spacing, 8) } : undefined}>
          {isRecord(column) ? ctx.children(column).map((child, j) => <div key={j} className="min-w-0">{ctx.render(child, [...path, i, j], form)}</div>) : null}
        </div>
      ))}
    </div>
  );
}

/** A form: its fields keep their values until its submit button sends them (or a reset clears them). */
export function FormView({ node, path, ctx, missing }: PartProps & { missing: string[] }) {
  return (
    <form className="space-y-2" aria-label={ctx.t("form", { name: str(node.name) })} onSubmit={(e) => e.preventDefault()} noValidate>
      <Stack node={node} path={path} form={{ node, path }} ctx={ctx} />
      {missing.length ? <p role="alert" className="text-xs text-[#f54a45]">{ctx.t("requiredMissing", { names: missing.join(", ") })}</p> : null}
    </form>
  );
}

const INTERACTIVE = "button, input, select, textarea, a, [role=menuitem], [role=checkbox], [role=option]";

/**
 * A clickable area: a click anywhere fires its behaviors, except on a control inside it, which
 * answers for itself ("如果交互容器内有交互组件，则优先响应交互组件定义的交互").
 */
export function InteractiveContainerView({ node, path, form, ctx }: PartProps) {
  const disabled = node.disabled === true;
  const hasControls = JSON.stringify(ctx.children(node)).match(/"tag":"(button|input|select_|multi_select_|date_picker|picker_|overflow|checker)/) !== null;
  const activate = (event: MouseEvent | KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest(INTERACTIVE) && target.closest(INTERACTIVE) !== event.currentTarget) return;
    if (!disabled) ctx.fire(node, path, {});
  };
  return (
    <div
      role={hasControls ? "group" : "button"}
      tabIndex={disabled ? -1 : 0}
      aria-disabled={disabled || undefined}
      data-testid={`feishu-interactive-${pathKey(path)}`}
      onClick={activate}
      onKeyDown={(e) => {
        if (e.target === e.currentTarget && (e.key === "Enter" || e.key === " ")) {
          e.preventDefault();
          activate(e);
        }
      }}
      className={clsx(
        "rounded-lg px-3 py-1 transition-colors focus-visible:outline-2 focus-visible:outline-[#3370ff]",
        disabled ? "cursor-not-allowed opacity-60" : "cursor-pointer hover:bg-[#1f2329]/[0.04]",
        node.has_border === true && "border border-[#dee0e3]",
      )}
      style={{
        background: BACKGROUND_COLOURS[str(node.background_style)] ?? undefined,
        borderRadius: str(node.corner_radius) || undefined,
        padding: str(node.padding) || undefined,
      }}
    >
      <Stack node={node} path={path} form={form} ctx={ctx} />
    </div>
  );
}

/** A panel that folds: the header toggles it; `expanded` is how it starts. */
export function CollapsiblePanelView({ node, path, form, ctx }: PartProps) {
  const [open, setOpen] = useState(node.expanded === true);
  const header = isRecord(node.header) ? node.header : {};
  const border = isRecord(node.border) ? node.border : null;
  const id = `feishu-panel-${pathKey(path)}`;
  const iconLeft = str(header.icon_position) === "left";
  const icon = <ChevronDown aria-hidden className="size-4 shrink-0 text-[#646a73] transition-transform" style={{ transform: open ? `rotate(${typeof header.icon_expanded_angle === "number" ? header.icon_expanded_angle : 180}deg)` : undefined }} />;
  return (
    <section
      className="overflow-hidden rounded-lg"
      style={{ background: BACKGROUND_COLOURS[str(node.background_color)], border: border ? `1px solid ${str(border.color) === "grey" || !str(border.color) ? "#dee0e3" : str(border.color)}` : undefined, borderRadius: str(border?.corner_radius) || undefined }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        className="flex w-full items-center gap-1.5 px-2 py-1 text-left hover:bg-[#1f2329]/[0.04] focus-visible:outline-2 focus-visible:outline-[#3370ff]"
        style={{ background: BACKGROUND_COLOURS[str(header.background_color)] }}
      >
        {iconLeft ? icon : null}
        <span className="min-w-0 flex-1 font-medium">
          <FeishuText text={header.title} labels={ctx.labels} className="truncate" />
        </span>
        {iconLeft ? null : icon}
      </button>
      <div id={id} hidden={!open} className="px-2 pt-1 pb-2" style={{ padding: open ? str(node.padding) || undefined : undefined }}>
        {open ? <Stack node={node} path={path} form={form} ctx={ctx} /> : null}
      </div>
    </section>
  );
}
