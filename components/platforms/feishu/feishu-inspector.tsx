"use client";

import { useTranslations } from "next-intl";
import { isRecord } from "@/lib/platforms/issues";
import { FEISHU_NAMED_TAGS } from "@/lib/platforms/feishu/limits";
import type { TreeInspectorProps } from "../types";
import { fieldKit, str } from "./feishu-fields";
import { ChartSection } from "./feishu-inspector-chart";
import { SendsLine, type SectionProps } from "./feishu-inspector-common";
import { ContainerSection } from "./feishu-inspector-containers";
import { ControlSection } from "./feishu-inspector-controls";
import { DisplaySection } from "./feishu-inspector-display";
import { SelectSection } from "./feishu-inspector-selects";
import { TableSection } from "./feishu-inspector-table";

/** Components that carry a name (an overflow has none: a name there is an unknown attribute), and a form. */
const NAMED = new Set([...FEISHU_NAMED_TAGS, "form"]);

function Section({ tag, ...props }: SectionProps & { tag: string }) {
  switch (tag) {
    case "markdown": case "div": case "hr": case "img": case "img_combination": case "person": case "person_list":
      return <DisplaySection tag={tag} {...props} />;
    case "chart":
      return <ChartSection {...props} />;
    case "table":
      return <TableSection {...props} />;
    case "column_set": case "column": case "form": case "interactive_container": case "collapsible_panel":
      return <ContainerSection tag={tag} {...props} />;
    case "button": case "input": case "checker": case "overflow":
      return <ControlSection tag={tag} {...props} />;
    case "select_static": case "multi_select_static": case "select_person": case "multi_select_person":
    case "select_img": case "date_picker": case "picker_time": case "picker_datetime":
      return <SelectSection tag={tag} {...props} />;
    default:
      return null;
  }
}

/** Every field of the selected card element, by its kind, with the findings next to them. */
export function FeishuInspector({ node, path, issues, onChange }: TreeInspectorProps) {
  const t = useTranslations("editor.feishu");
  const tk = useTranslations("editor.tree.kinds");
  const element = isRecord(node) ? node : {};
  const tag = str(element.tag);
  const kit = fieldKit({ value: element, path, issues, idPrefix: "feishu", onChange });
  // Findings about the element as a whole (a form without a submit button…) show on top.
  const own = issues.filter((i) => i.path === path || i.path === `${path}.tag`);

  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-900">
        {tk.has(tag) ? tk(tag as never) : tag} <code className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">{tag}</code>
      </p>
      {own.map((issue) => <p key={issue.code} className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-700">{issue.message}</p>)}
      <SendsLine tag={tag} name={element.name} />

      <Section tag={tag} element={element} kit={kit} path={path} issues={issues} />

      {NAMED.has(tag) ? kit.text("name", t("name"), tag === "form" ? t("formNameHelp") : t("nameHelp"), { mono: true, keepEmpty: tag === "form" }) : null}
      {kit.text("element_id", t("elementId"), t("elementIdHelp"), { mono: true })}
    </div>
  );
}
