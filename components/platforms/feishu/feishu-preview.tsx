"use client";

import { ImageIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { isRecord } from "@/lib/platforms/issues";
import { isSubmitButton } from "@/lib/platforms/feishu/rules";
import type { ClickInput } from "@/lib/platforms/types";
import type { TreePreviewProps } from "../types";
import { FeishuButtonView } from "./feishu-button-view";
import { FeishuMarkdown, type MarkdownLabels } from "./feishu-markdown";
import { HEADER_STYLES } from "./feishu-styles";

const str = (value: unknown) => (typeof value === "string" ? value : "");
const content = (value: unknown) => (isRecord(value) ? str(value.content) : "");
const key = (path: number[]) => path.join(".");

type FormValues = Record<string, Record<string, string>>;
interface Pending {
  path: number[];
  input: ClickInput;
  title: string;
  text: string;
}

/** Column width: "auto" fits its content, "weighted" shares the rest by weight, "<n>px" is fixed. */
function columnStyle(column: Record<string, unknown>): React.CSSProperties {
  const width = str(column.width) || "auto";
  const px = /^(\d+)px$/.exec(width);
  if (px) return { flex: `0 0 ${px[1]}px`, minWidth: 0 };
  if (width === "weighted") return { flex: `${typeof column.weight === "number" ? column.weight : 1} 1 0%`, minWidth: 0 };
  return { flex: "0 1 auto", minWidth: 0 };
}

/**
 * A Feishu card in a chat: the header band in its template colour, the body's elements
 * (markdown, text, images, buttons, columns, forms) in Feishu's styles. Buttons ask their
 * confirm dialog first; a form's submit button sends what was typed into the form.
 */
export function FeishuPreview({ layout, tree, onClick }: TreePreviewProps) {
  const t = useTranslations("editor.feishu.preview");
  const tp = useTranslations("editor.preview");
  const [forms, setForms] = useState<FormValues>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const labels: MarkdownLabels = { atAll: t("atAll") };
  const card = isRecord(layout) ? layout : {};
  const header = isRecord(card.header) ? card.header : null;
  const headerStyle = HEADER_STYLES[str(header?.template)] ?? HEADER_STYLES.default!;

  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);

  const valuesOf = (formKey: string, form: Record<string, unknown>) => {
    // Fields start from their defaults; what was typed replaces them.
    const values: Record<string, string> = {};
    for (const field of tree.children(form) ?? []) {
      if (!isRecord(field) || !str(field.name)) continue;
      if (field.tag === "input" && str(field.default_value)) values[str(field.name)] = str(field.default_value);
      if (field.tag === "select_static" && str(field.initial_option)) values[str(field.name)] = str(field.initial_option);
    }
    return { ...values, ...forms[formKey] };
  };

  const click = (node: Record<string, unknown>, path: number[], input: ClickInput) => {
    const confirm = isRecord(node.confirm) ? node.confirm : null;
    if (confirm && node.disabled !== true) setPending({ path, input, title: content(confirm.title), text: content(confirm.text) });
    else onClick(path, input);
  };

  const render = (node: unknown, path: number[], form: { key: string; node: Record<string, unknown> } | null): ReactNode => {
    if (!isRecord(node)) return null;
    const k = key(path);
    const kids = (inForm: typeof form) => (tree.children(node) ?? []).map((child, i) => <div key={i} className="min-w-0">{render(child, [...path, i], inForm)}</div>);
    switch (node.tag) {
      case "markdown":
        return <FeishuMarkdown source={str(node.content)} labels={labels} align={str(node.text_align)} />;
      case "div": {
        const text = isRecord(node.text) ? node.text : {};
        return text.tag === "lark_md" ? <FeishuMarkdown source={str(text.content)} labels={labels} /> : <p className="break-words whitespace-pre-wrap">{str(text.content)}</p>;
      }
      case "hr":
        return <hr className="border-[#dee0e3]" />;
      case "img":
        return (
          <figure className="flex aspect-[16/9] max-h-48 w-full flex-col items-center justify-center gap-1 rounded-md bg-[#f2f3f5] text-[#8f959e]">
            <ImageIcon aria-hidden className="size-6" />
            <figcaption className="max-w-full truncate px-2 text-xs">{content(node.alt) || content(node.title) || str(node.img_key)}</figcaption>
          </figure>
        );
      case "button": {
        const submits = isSubmitButton(node);
        return (
          <FeishuButtonView
            node={node}
            onClick={() => click(node, path, submits && form ? { formValue: valuesOf(form.key, form.node) } : {})}
          />
        );
      }
      case "column_set":
        return (
          <div className="flex gap-2" style={{ flexWrap: str(node.flex_mode) === "flow" ? "wrap" : undefined }}>
            {(tree.children(node) ?? []).map((column, i) => (
              <div key={i} className="flex min-w-0 flex-col gap-2" style={isRecord(column) ? columnStyle(column) : undefined}>
                {isRecord(column) ? (tree.children(column) ?? []).map((child, j) => <div key={j} className="min-w-0">{render(child, [...path, i, j], form)}</div>) : null}
              </div>
            ))}
          </div>
        );
      case "form":
        return (
          <form className="space-y-2" aria-label={t("form", { name: str(node.name) })} onSubmit={(e) => e.preventDefault()}>
            {kids({ key: k, node })}
          </form>
        );
      case "input": {
        const name = str(node.name);
        const id = `feishu-preview-${k}`;
        const value = form ? (valuesOf(form.key, form.node)[name] ?? "") : undefined;
        return (
          <div className="space-y-1">
            {content(node.label) ? <label htmlFor={id} className="block text-[13px] text-[#1f2329]">{node.required === true ? <span className="mr-0.5 text-[#f54a45]">{"*"}</span> : null}{content(node.label)}</label> : null}
            <input
              id={id}
              aria-label={content(node.label) ? undefined : content(node.placeholder) || name}
              placeholder={content(node.placeholder)}
              value={value}
              defaultValue={form ? undefined : str(node.default_value)}
              disabled={node.disabled === true}
              onChange={(e) => form && setForms((all) => ({ ...all, [form.key]: { ...all[form.key], [name]: e.target.value } }))}
              className="h-8 w-full rounded-md border border-[#d0d3d6] bg-white px-2.5 text-sm text-[#1f2329] placeholder:text-[#8f959e] focus:border-[#3370ff] focus:outline-none disabled:bg-[#f2f3f5]"
            />
          </div>
        );
      }
      case "select_static": {
        const name = str(node.name);
        const options = Array.isArray(node.options) ? node.options.filter(isRecord) : [];
        const value = form ? (valuesOf(form.key, form.node)[name] ?? "") : str(node.initial_option);
        return (
          <select
            aria-label={content(node.placeholder) || name}
            value={value}
            disabled={node.disabled === true}
            onChange={(e) => form && setForms((all) => ({ ...all, [form.key]: { ...all[form.key], [name]: e.target.value } }))}
            className="h-8 w-full rounded-md border border-[#d0d3d6] bg-white px-2 text-sm text-[#1f2329] focus:border-[#3370ff] focus:outline-none"
          >
            <option value="">{content(node.placeholder) || t("selectPlaceholder")}</option>
            {options.map((option, i) => <option key={i} value={str(option.value)}>{content(option.text)}</option>)}
          </select>
        );
      }
      default:
        return <p className="text-xs text-[#8f959e] italic">{t("unsupported", { tag: str(node.tag) })}</p>;
    }
  };

  return (
    <div className="relative rounded-xl bg-[#f2f3f5] p-3" data-testid="feishu-preview">
      <div className="flex gap-2.5">
        <div aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-full bg-[#3370ff] text-sm font-semibold text-white">
          {tp("botName").slice(0, 1)}
        </div>
        <div className="min-w-0 flex-1">
          <div className="mb-1 flex items-center gap-1.5 text-xs text-[#646a73]">
            <span>{tp("botName")}</span>
            <span className="rounded bg-[#dee9ff] px-1 text-[10px] leading-4 font-medium text-[#245bdb]">{t("botTag")}</span>
          </div>
          <article className="w-full max-w-[32rem] overflow-hidden rounded-lg border border-[#dee0e3] bg-white text-sm leading-[1.6] text-[#1f2329] shadow-[0_1px_2px_rgba(31,35,41,0.06)]" aria-label={t("card")}>
            {header ? (
              <header className="px-3 py-2.5" style={{ background: headerStyle.background, color: headerStyle.color }} data-template={str(header.template) || "default"}>
                <h3 className="text-base leading-6 font-semibold break-words">{content(header.title)}</h3>
                {content(header.subtitle) ? <p className="text-xs opacity-80">{content(header.subtitle)}</p> : null}
              </header>
            ) : null}
            <div className="space-y-2 px-3 py-3">
              {tree.roots(layout).map((node, i) => <div key={i} className="min-w-0">{render(node, [i], null)}</div>)}
            </div>
          </article>
        </div>
      </div>
      {pending ? (
        <div className="absolute inset-0 z-10 flex items-center justify-center rounded-xl bg-black/30 p-4" onKeyDown={(e) => e.key === "Escape" && setPending(null)}>
          <div role="alertdialog" aria-modal="true" aria-labelledby="feishu-confirm-title" aria-describedby="feishu-confirm-text" className="w-full max-w-xs rounded-lg bg-white p-4 shadow-xl">
            <h4 id="feishu-confirm-title" className="text-base font-semibold text-[#1f2329]">{pending.title}</h4>
            <p id="feishu-confirm-text" className="mt-1 text-sm text-[#646a73]">{pending.text}</p>
            <div className="mt-4 flex justify-end gap-2">
              <button type="button" className="h-8 rounded-md border border-[#d0d3d6] px-3 text-sm text-[#1f2329] hover:bg-[#f2f3f5]" onClick={() => setPending(null)}>
                {t("cancel")}
              </button>
              <button
                ref={confirmButton}
                type="button"
                className="h-8 rounded-md bg-[#3370ff] px-3 text-sm text-white hover:bg-[#245bdb]"
                onClick={() => {
                  onClick(pending.path, pending.input);
                  setPending(null);
                }}
              >
                {t("confirm")}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
