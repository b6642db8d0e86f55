"use client";

import { useTranslations } from "next-intl";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";
import { CONTROL_BEHAVIOR_TYPES, FeishuBehaviors } from "./feishu-behaviors";
import { str, type FieldKit } from "./feishu-fields";
import { OptionList, stringColumn, textColumn } from "./feishu-option-list";
import { feishuSends } from "./feishu-sends";

/** What every section of the inspector gets: the element, its field kit and the findings. */
export interface SectionProps {
  element: Record<string, unknown>;
  kit: FieldKit;
  path: string;
  issues: DescribedIssue[];
}

/** The attributes form fields share (fieldShape): placeholder, required, disabled, width. */
export function FieldBasics({ kit, placeholder = true, width = true }: { kit: FieldKit; placeholder?: boolean; width?: boolean }) {
  const t = useTranslations("editor.feishu");
  return (
    <>
      {placeholder ? kit.textObject("placeholder", t("placeholder")) : null}
      {kit.flag("required", t("required"), t("inspector.requiredHelp"))}
      {kit.flag("disabled", t("disabled"))}
      {width ? kit.text("width", t("width"), t("inspector.fieldWidthHelp"), { mono: true }) : null}
    </>
  );
}

/** Callback and link behaviors of a component other than a button (only buttons act on a form). */
export function ControlBehaviors({ element, kit, path, issues }: SectionProps) {
  const t = useTranslations("editor.feishu.inspector");
  return (
    <FeishuBehaviors
      behaviors={Array.isArray(element.behaviors) ? element.behaviors : []}
      path={path}
      issues={issues}
      types={CONTROL_BEHAVIOR_TYPES}
      legend={t("behaviorsControl")}
      onChange={(next) => kit.set("behaviors", next)}
    />
  );
}

/** What every `options` list editor shares: its id, findings (the list's and each option's) and value. */
export function optionsListBase(kit: FieldKit, element: Record<string, unknown>, legend: string) {
  return { id: kit.id("options"), legend, error: kit.errorOn("options"), errorFor: (i: number) => kit.errorAt(`options.${i}`), value: element.options };
}

/** select_static / multi_select_static / overflow options: text and value (option value, or a link for overflow). */
export function TextValueOptions({ kit, element, withUrl }: SectionProps & { withUrl?: OptionListExtra }) {
  const t = useTranslations("editor.feishu");
  return (
    <OptionList
      {...optionsListBase(kit, element, t("options"))}
      columns={[textColumn((n) => t("optionText", { n })), stringColumn("value", (n) => t("optionValue", { n }), withUrl !== undefined), ...(withUrl ? [withUrl] : [])]}
      fresh={(n) => ({ text: { tag: "plain_text", content: t("optionStarter", { n }) }, value: `option_${n}` })}
      addLabel={t("addOption")}
      removeLabel={(n) => t("removeOption", { n })}
      onChange={(next) => kit.set("options", next)}
    />
  );
}
type OptionListExtra = Parameters<typeof OptionList>[0]["columns"][number];

/** A read-only line: which event.action field carries what this component is set to. */
export function SendsLine({ tag, name }: { tag: string; name: unknown }) {
  const t = useTranslations("editor.feishu.inspector.sends");
  const sends = feishuSends(tag);
  if (!sends) return null;
  const field = str(name) || "name";
  return (
    <p className="rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-600" data-testid="feishu-sends">
      <span className="font-medium text-slate-700">{t("label")}</span> {t(sends.kind)}
      {sends.inForm ? <> {t("inForm", { name: field })}</> : null}
    </p>
  );
}
