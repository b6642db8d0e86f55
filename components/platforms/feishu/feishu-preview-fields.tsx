"use client";

import { clsx } from "clsx";
import { ChevronDown, Ellipsis, X } from "lucide-react";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { Avatar, accessibleName, content, FIELD_CLASSES, FieldFrame, pathKey, records, shortId, str, widthStyle, type PartProps } from "./feishu-preview-shared";

/**
 * A text field (single line, password or multi-line). Outside a form what was typed is sent when it
 * is submitted: Enter on a single line, or leaving the field with changed text.
 */
export function InputView({ node, path, form, ctx }: PartProps) {
  const id = `feishu-preview-${pathKey(path)}`;
  const value = String(ctx.stateOf(node, path) ?? "");
  const sent = useRef(value);
  const multiline = node.input_type === "multiline_text";
  const send = () => {
    if (form || value === sent.current) return;
    sent.current = value;
    ctx.fire(node, path, { value });
  };
  const common = {
    id,
    "aria-label": content(node.label) ? undefined : accessibleName(node, ctx.t("input")),
    placeholder: content(node.placeholder),
    value,
    disabled: node.disabled === true,
    maxLength: typeof node.max_length === "number" ? node.max_length : undefined,
    required: node.required === true,
    onBlur: send,
  };
  return (
    <FieldFrame node={node} id={id}>
      {multiline ? (
        <textarea
          {...common}
          rows={typeof node.rows === "number" ? node.rows : 5}
          onChange={(e) => ctx.setState(path, e.target.value)}
          className={clsx(FIELD_CLASSES.replace("h-8 ", ""), "resize-y py-1.5 leading-5")}
          style={widthStyle(node)}
        />
      ) : (
        <input
          {...common}
          type={node.input_type === "password" ? "password" : "text"}
          onChange={(e) => ctx.setState(path, e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), send())}
          className={FIELD_CLASSES}
          style={widthStyle(node)}
        />
      )}
    </FieldFrame>
  );
}

/** Options of a person picker: open_ids, or (none given) the chat's members, simulated. */
function personOptions(node: Record<string, unknown>): string[] {
  const ids = records(node.options).map((o) => str(o.value)).filter(Boolean);
  return ids.length ? ids : ["ou_simulated_member_1", "ou_simulated_member_2", "ou_simulated_member_3"];
}

function optionList(node: Record<string, unknown>, personName: (id: string) => string): { value: string; label: string }[] {
  if (node.tag === "select_person" || node.tag === "multi_select_person") return personOptions(node).map((id) => ({ value: id, label: personName(id) }));
  return records(node.options).map((o) => ({ value: str(o.value), label: content(o.text) || str(o.value) }));
}

/** A single select (options or people): picking sends the option's value at once outside a form. */
export function SelectView({ node, path, form, ctx }: PartProps) {
  const value = String(ctx.stateOf(node, path) ?? "");
  const list = optionList(node, (id) => ctx.t("personName", { id: shortId(id) }));
  return (
    <select
      aria-label={accessibleName(node, ctx.t("selectPlaceholder"))}
      value={value}
      disabled={node.disabled === true}
      required={node.required === true}
      onChange={(e) => {
        const next = e.target.value;
        if (form) ctx.setState(path, next);
        else ctx.fire(node, path, { value: next }, () => ctx.setState(path, next));
      }}
      className={clsx(FIELD_CLASSES, "pr-7", node.type === "text" && "border-transparent bg-transparent")}
      style={widthStyle(node, "16rem")}
    >
      <option value="">{content(node.placeholder) || ctx.t("selectPlaceholder")}</option>
      {list.map((option, i) => <option key={i} value={option.value}>{option.label}</option>)}
    </select>
  );
}

/** A multi select: the picked ones as tags, a list of checkboxes to pick from. Outside a form it sends when the list closes. */
export function MultiSelectView({ node, path, form, ctx }: PartProps) {
  const [open, setOpen] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const state = ctx.stateOf(node, path);
  const picked = Array.isArray(state) ? state : [];
  const atOpen = useRef<string[]>(picked);
  const people = node.tag === "multi_select_person";
  const list = optionList(node, (id) => ctx.t("personName", { id: shortId(id) }));
  const name = accessibleName(node, ctx.t("selectPlaceholder"));
  // Re-created each render so it sends the latest picks; useDismiss re-subscribes only while open.
  const close = () => {
    setOpen(false);
    if (!form && JSON.stringify(atOpen.current) !== JSON.stringify(picked)) ctx.fire(node, path, { value: picked });
  };
  useDismiss(open, area, close);
  const toggle = (value: string) => ctx.setState(path, picked.includes(value) ? picked.filter((v) => v !== value) : [...picked, value]);
  return (
    <div ref={area} className="relative" style={widthStyle(node, "16rem")}>
      <button
        type="button"
        aria-label={name}
        aria-expanded={open}
        disabled={node.disabled === true}
        onClick={() => (open ? close() : ((atOpen.current = picked), setOpen(true)))}
        className={clsx(FIELD_CLASSES.replace("h-8 ", ""), "flex min-h-8 items-center gap-1 py-1 text-left")}
      >
        <span className="flex min-w-0 flex-1 flex-wrap gap-1">
          {picked.length === 0 ? <span className="text-[#8f959e]">{content(node.placeholder) || ctx.t("selectPlaceholder")}</span> : null}
          {picked.map((value) => (
            <span key={value} className="inline-flex items-center gap-1 rounded bg-[#f2f3f5] px-1.5 text-xs leading-5">
              {people ? <Avatar id={value} size={14} /> : null}
              {list.find((o) => o.value === value)?.label ?? value}
            </span>
          ))}
        </span>
        <ChevronDown aria-hidden className="size-4 shrink-0 text-[#8f959e]" />
      </button>
      {open ? (
        <div role="group" aria-label={name} className="absolute z-20 mt-1 max-h-56 w-full min-w-40 overflow-auto rounded-md border border-[#dee0e3] bg-white py-1 shadow-lg">
          {list.map((option) => (
            <label key={option.value} className="flex cursor-pointer items-center gap-2 px-2.5 py-1.5 text-sm hover:bg-[#f2f3f5]">
              <input type="checkbox" checked={picked.includes(option.value)} onChange={() => toggle(option.value)} className="accent-[#3370ff]" />
              {people ? <Avatar id={option.value} size={18} /> : null}
              <span className="truncate">{option.label}</span>
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** The "…" button and its menu: each option answers with its value (or opens its link). */
export function OverflowView({ node, path, ctx }: PartProps) {
  const [open, setOpen] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, area, close);
  const options = records(node.options);
  return (
    <div ref={area} className="relative inline-block">
      <button
        type="button"
        aria-label={ctx.t("more")}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-disabled={node.disabled === true || undefined}
        onClick={() => (node.disabled === true ? ctx.fire(node, path, {}) : setOpen((v) => !v))}
        className="inline-flex h-8 w-8 items-center justify-center rounded-md border border-[#d0d3d6] bg-white text-[#1f2329] hover:bg-[#f2f3f5] focus-visible:outline-2 focus-visible:outline-[#3370ff]"
      >
        {open ? <X aria-hidden className="size-4" /> : <Ellipsis aria-hidden className="size-4" />}
      </button>
      {open ? (
        <div role="menu" aria-label={ctx.t("more")} className="absolute right-0 z-20 mt-1 min-w-40 rounded-md border border-[#dee0e3] bg-white py-1 shadow-lg">
          {options.map((option, i) => (
            <button
              key={i}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                ctx.fire(node, path, { value: str(option.value) ? str(option.value) : i });
              }}
              className="block w-full px-3 py-1.5 text-left text-sm text-[#1f2329] hover:bg-[#f2f3f5]"
            >
              {content(option.text) || str(option.value)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
