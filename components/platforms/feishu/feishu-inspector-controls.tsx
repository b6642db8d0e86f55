"use client";

import { useTranslations } from "next-intl";
import { FEISHU_BUTTON_SIZES, FEISHU_BUTTON_TYPES, FEISHU_INPUT_TYPES } from "@/lib/platforms/feishu/limits";
import { FeishuBehaviors } from "./feishu-behaviors";
import { ControlBehaviors, FieldBasics, TextValueOptions, type SectionProps } from "./feishu-inspector-common";
import { urlColumn } from "./feishu-option-list";

const FORM_ACTIONS = ["submit", "reset"] as const;
const LABEL_POSITIONS = ["top", "left"] as const;

/** Buttons and the controls that are not pickers or selects: button, input, checker, overflow. */
export function ControlSection({ tag, ...props }: SectionProps & { tag: string }) {
  const t = useTranslations("editor.feishu");
  const { kit, element, path, issues } = props;
  switch (tag) {
    case "button": {
      const confirm = kit.get("confirm");
      return (
        <>
          {kit.textObject("text", t("buttonText"), { optional: false })}
          <div className="grid grid-cols-2 gap-2">
            {kit.choice("type", t("buttonType"), FEISHU_BUTTON_TYPES, (o) => t(`buttonTypes.${o}`), { empty: t("defaultValue", { value: "default" }) })}
            {kit.choice("size", t("buttonSize"), FEISHU_BUTTON_SIZES, (o) => t(`buttonSizes.${o}`), { empty: t("defaultValue", { value: "medium" }) })}
          </div>
          {kit.text("width", t("width"), t("buttonWidthHelp"), { mono: true })}
          {kit.flag("disabled", t("disabled"), t("disabledHelp"))}
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={confirm !== undefined}
              onChange={(e) => kit.set("confirm", e.target.checked ? { title: { tag: "plain_text", content: t("confirmStarterTitle") }, text: { tag: "plain_text", content: t("confirmStarterText") } } : undefined)}
            />
            <span>
              {t("confirm")}
              <span className="block text-xs text-slate-500">{t("confirmHelp")}</span>
            </span>
          </label>
          {confirm !== undefined ? (
            <div className="space-y-2 border-l-2 border-slate-100 pl-3">
              {kit.textObject("confirm.title", t("confirmTitle"), { optional: false })}
              {kit.textObject("confirm.text", t("confirmText"), { optional: false })}
            </div>
          ) : null}
          <FeishuBehaviors behaviors={Array.isArray(element.behaviors) ? element.behaviors : []} path={path} issues={issues} onChange={(next) => kit.set("behaviors", next)} />
          {kit.choice("form_action_type", t("formActionType"), FORM_ACTIONS, (o) => t(`formActions.${o}`), { empty: t("unset"), help: t("formActionTypeHelp") })}
        </>
      );
    }
    case "input": {
      const multiline = kit.get("input_type") === "multiline_text";
      // Rows only apply to multi-line text; set ones stay visible so their warning has a place.
      const rowsShown = multiline || ["rows", "max_rows", "auto_resize"].some((f) => kit.get(f) !== undefined);
      return (
        <>
          {kit.textObject("label", t("label"))}
          {kit.choice("label_position", t("inspector.labelPosition"), LABEL_POSITIONS, (o) => t(`inspector.labelPositions.${o}`), { empty: t("unset") })}
          {kit.choice("input_type", t("inspector.inputType"), FEISHU_INPUT_TYPES, (o) => t(`inspector.inputTypes.${o}`), { empty: t("defaultValue", { value: "text" }) })}
          {rowsShown ? (
            <div className="grid grid-cols-2 gap-2">
              {kit.number("rows", t("inspector.inputRows"), { min: 1, help: t("inspector.inputRowsHelp") })}
              {kit.number("max_rows", t("inspector.maxRows"), { min: 1, help: t("inspector.maxRowsHelp") })}
            </div>
          ) : null}
          {rowsShown ? kit.flag("auto_resize", t("inspector.autoResize"), t("inspector.autoResizeHelp")) : null}
          {kit.text("default_value", t("defaultInput"), undefined, { multiline })}
          {kit.number("max_length", t("maxLength"), { min: 1, max: 1000, help: t("inspector.maxLengthHelp") })}
          <FieldBasics kit={kit} />
          <ControlBehaviors {...props} />
        </>
      );
    }
    case "checker":
      return (
        <>
          {kit.textObject("text", t("inspector.checkerText"), { optional: false })}
          {kit.flag("checked", t("inspector.checked"), t("inspector.checkedHelp"))}
          {kit.flag("overall_checkable", t("inspector.overallCheckable"), t("inspector.overallCheckableHelp"), { defaultOn: true })}
          {kit.flag("checked_style.show_strikethrough", t("inspector.strikethrough"))}
          {kit.flag("disabled", t("disabled"))}
          <ControlBehaviors {...props} />
        </>
      );
    case "overflow":
      return (
        <>
          <TextValueOptions {...props} withUrl={urlColumn((n) => t("inspector.optionUrl", { n }))} />
          {kit.text("width", t("width"), t("inspector.fieldWidthHelp"), { mono: true })}
          <ControlBehaviors {...props} />
        </>
      );
    default:
      return null;
  }
}
