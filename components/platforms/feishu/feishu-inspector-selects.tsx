"use client";

import { useTranslations } from "next-intl";
import { FEISHU_IMG_ASPECT_RATIOS, FEISHU_PICKER_FORMATS } from "@/lib/platforms/feishu/limits";
import { ControlBehaviors, FieldBasics, optionsListBase, TextValueOptions, type SectionProps } from "./feishu-inspector-common";
import { OptionList, stringColumn } from "./feishu-option-list";

const SELECT_TYPES = ["default", "text"] as const;
const IMG_LAYOUTS = ["stretch", "bisect", "trisect"] as const;
/** Each picker's initial value attribute (schema-interactive.ts). */
const PICKER_FIELDS: Record<keyof typeof FEISHU_PICKER_FORMATS, string> = {
  date_picker: "initial_date",
  picker_time: "initial_time",
  picker_datetime: "initial_datetime",
};
const isPicker = (tag: string): tag is keyof typeof FEISHU_PICKER_FORMATS => tag in PICKER_FIELDS;

/** Selects, person selects, the image select and the date/time pickers. */
export function SelectSection({ tag, ...props }: SectionProps & { tag: string }) {
  const t = useTranslations("editor.feishu");
  const { kit, element } = props;
  const selectType = kit.choice("type", t("inspector.selectType"), SELECT_TYPES, (o) => t(`inspector.selectTypes.${o}`), { empty: t("defaultValue", { value: "default" }) });

  if (isPicker(tag)) {
    const format = FEISHU_PICKER_FORMATS[tag];
    return (
      <>
        {kit.text(PICKER_FIELDS[tag], t(`inspector.pickerInitial.${tag}`), t("inspector.pickerInitialHelp", { format }), { mono: true, placeholder: format })}
        <FieldBasics kit={kit} />
        <ControlBehaviors {...props} />
      </>
    );
  }
  switch (tag) {
    case "select_static":
      return (
        <>
          <TextValueOptions {...props} />
          {kit.text("initial_option", t("initialOption"), t("inspector.initialOptionHelp"), { mono: true })}
          {kit.get("initial_index") !== undefined ? kit.number("initial_index", t("inspector.initialIndex"), { min: 1, help: t("inspector.initialIndexHelp") }) : null}
          {selectType}
          <FieldBasics kit={kit} />
          <ControlBehaviors {...props} />
        </>
      );
    case "multi_select_static":
      return (
        <>
          <TextValueOptions {...props} />
          {kit.list("selected_values", t("inspector.selectedValues"), { help: t("inspector.selectedValuesHelp") })}
          {selectType}
          <FieldBasics kit={kit} />
          <ControlBehaviors {...props} />
        </>
      );
    case "select_person":
    case "multi_select_person":
      return (
        <>
          {kit.list("options", t("inspector.personOptions"), { key: "value", help: t("inspector.personOptionsHelp") })}
          {tag === "select_person"
            ? kit.text("initial_option", t("initialOption"), t("inspector.initialPersonHelp"), { mono: true })
            : kit.list("selected_values", t("inspector.selectedValues"), { help: t("inspector.selectedPersonsHelp") })}
          {selectType}
          <FieldBasics kit={kit} />
          <ControlBehaviors {...props} />
        </>
      );
    case "select_img":
      return (
        <>
          <OptionList
            {...optionsListBase(kit, element, t("options"))}
            columns={[stringColumn("img_key", (n) => t("inspector.optionImgKey", { n })), stringColumn("value", (n) => t("optionValue", { n }))]}
            fresh={(n) => ({ img_key: "img_key_placeholder", value: `option_${n}` })}
            addLabel={t("addOption")}
            removeLabel={(n) => t("removeOption", { n })}
            onChange={(next) => kit.set("options", next)}
          />
          {kit.flag("multi_select", t("inspector.multiSelect"), t("inspector.multiSelectHelp"))}
          <div className="grid grid-cols-2 gap-2">
            {kit.choice("layout", t("inspector.imgLayout"), IMG_LAYOUTS, (o) => t(`inspector.imgLayouts.${o}`), { empty: t("defaultValue", { value: "bisect" }) })}
            {kit.choice("aspect_ratio", t("inspector.aspectRatio"), FEISHU_IMG_ASPECT_RATIOS, (o) => o, { empty: t("defaultValue", { value: "16:9" }) })}
          </div>
          {kit.flag("can_preview", t("inspector.canPreview"), t("inspector.canPreviewHelp"), { defaultOn: true })}
          <FieldBasics kit={kit} placeholder={false} width={false} />
          <ControlBehaviors {...props} />
        </>
      );
    default:
      return null;
  }
}
