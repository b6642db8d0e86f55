"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { feishuFormFields, feishuFormValue, feishuInitialState, feishuMissingRequired, type ControlState } from "@/lib/platforms/feishu/control-values";
import { isSubmitButton } from "@/lib/platforms/feishu/rules";
import { isRecord } from "@/lib/platforms/issues";
import type { ClickInput } from "@/lib/platforms/types";
import type { TreePreviewProps } from "../types";
import { FeishuButtonView } from "./feishu-button-view";
import { FeishuMarkdown, type MarkdownLabels } from "./feishu-markdown";
import { CollapsiblePanelView, ColumnSetView, FormView, InteractiveContainerView } from "./feishu-preview-containers";
import { ChartView, DivView, ImgCombinationView, ImgView, PersonListView, PersonView } from "./feishu-preview-display";
import { InputView, MultiSelectView, OverflowView, SelectView } from "./feishu-preview-fields";
import { CheckerView, PickerView, SelectImgView } from "./feishu-preview-pickers";
import { content, pathKey, str, type FormRef, type PartProps, type PreviewContext } from "./feishu-preview-shared";
import { TableView } from "./feishu-preview-table";
import { HEADER_STYLES } from "./feishu-styles";

interface Pending {
  path: number[];
  input: ClickInput;
  title: string;
  text: string;
  apply?: () => void;
}

const PARTS: Record<string, (props: PartProps) => ReactNode> = {
  div: DivView, img: ImgView, img_combination: ImgCombinationView, chart: ChartView, table: TableView,
  person: PersonView, person_list: PersonListView,
  column_set: ColumnSetView, interactive_container: InteractiveContainerView, collapsible_panel: CollapsiblePanelView,
  input: InputView, select_static: SelectView, select_person: SelectView,
  multi_select_static: MultiSelectView, multi_select_person: MultiSelectView, overflow: OverflowView,
  date_picker: PickerView, picker_time: PickerView, picker_datetime: PickerView, select_img: SelectImgView, checker: CheckerView,
};

/**
 * A Feishu card in a chat: the header band in its template colour, then every card JSON 2.0
 * component in Feishu's styles. Controls outside a form send their new state at once (after their
 * confirm dialog); inside a form they keep it until the submit button sends the whole form.
 */
export function FeishuPreview({ layout, tree, onClick }: TreePreviewProps) {
  const t = useTranslations("editor.feishu.preview");
  const tp = useTranslations("editor.preview");
  const [values, setValues] = useState<Record<string, ControlState>>({});
  const [missing, setMissing] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const locale = useLocale();
  const labels: MarkdownLabels = {
    locale,
    atAll: t("atAll"), unknownUser: t("markdown.unknownUser"), previousPage: t("markdown.previousPage"), nextPage: t("markdown.nextPage"),
  };
  const card = isRecord(layout) ? layout : {};
  const header = isRecord(card.header) ? card.header : null;
  const headerStyle = HEADER_STYLES[str(header?.template)] ?? HEADER_STYLES.default!;

  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);

  // Containers the editor's walk does not know yet still show their elements.
  const children = (node: unknown) => tree.children(node) ?? (isRecord(node) && Array.isArray(node.elements) ? node.elements : []);
  const stateOf = (node: Record<string, unknown>, path: number[]) => {
    const k = pathKey(path);
    return k in values ? values[k] : feishuInitialState(node);
  };
  const fieldsOf = (form: FormRef) => feishuFormFields(form.node, form.path, children).map(({ node, path }) => ({ node, state: stateOf(node, path) }));

  const ctx: PreviewContext = {
    t,
    labels,
    children,
    stateOf,
    setState: (path, value) => setValues((all) => ({ ...all, [pathKey(path)]: value })),
    render: (node, path, form) => render(node, path, form),
    fire(node, path, input, apply) {
      const confirm = isRecord(node.confirm) ? node.confirm : null;
      if (confirm && node.disabled !== true) return setPending({ path, input, title: content(confirm.title), text: content(confirm.text), apply });
      apply?.();
      onClick(path, input);
    },
    submit(button, path, form) {
      const fields = fieldsOf(form);
      const empty = button.disabled === true ? [] : feishuMissingRequired(fields);
      setMissing((all) => ({ ...all, [pathKey(form.path)]: empty }));
      // The client refuses to submit with a required field empty; nothing is sent.
      if (empty.length === 0) ctx.fire(button, path, { formValue: feishuFormValue(fields) });
    },
    reset(button, path, form) {
      const prefix = `${pathKey(form.path)}.`;
      if (button.disabled !== true) {
        setValues((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(prefix))));
        setMissing((all) => ({ ...all, [pathKey(form.path)]: [] }));
      }
      onClick(path, {});
    },
  };

  function render(node: unknown, path: number[], form: FormRef | null): ReactNode {
    if (!isRecord(node)) return null;
    const tag = str(node.tag);
    const Part = PARTS[tag];
    if (Part) return <Part key={pathKey(path)} node={node} path={path} form={form} ctx={ctx} />;
    switch (tag) {
      case "markdown":
        return <FeishuMarkdown source={str(node.content)} labels={labels} align={str(node.text_align)} />;
      case "hr":
        return <hr className="border-[#dee0e3]" />;
      case "form":
        return <FormView node={node} path={path} form={null} ctx={ctx} missing={missing[pathKey(path)] ?? []} />;
      case "button": {
        const resets = node.form_action_type === "reset" || node.action_type === "form_reset";
        const onPress = form && isSubmitButton(node) ? () => ctx.submit(node, path, form) : form && resets ? () => ctx.reset(node, path, form) : () => ctx.fire(node, path, {});
        return <FeishuButtonView node={node} onClick={onPress} />;
      }
      default:
        return <p className="text-xs text-[#8f959e] italic">{t("unsupported", { tag })}</p>;
    }
  }

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
          <article className="w-full max-w-[32rem] rounded-lg border border-[#dee0e3] bg-white text-sm leading-[1.6] text-[#1f2329] shadow-[0_1px_2px_rgba(31,35,41,0.06)]" aria-label={t("card")}>
            {header ? (
              <header className="rounded-t-lg px-3 py-2.5" style={{ background: headerStyle.background, color: headerStyle.color }} data-template={str(header.template) || "default"}>
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
        <div className="absolute inset-0 z-30 flex items-center justify-center rounded-xl bg-black/30 p-4" onKeyDown={(e) => e.key === "Escape" && setPending(null)}>
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
                  pending.apply?.();
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
