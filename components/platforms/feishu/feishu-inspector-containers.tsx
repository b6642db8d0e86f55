"use client";

import { useTranslations } from "next-intl";
import { FEISHU_FLEX_MODES } from "@/lib/platforms/feishu/limits";
import { ControlBehaviors, type SectionProps } from "./feishu-inspector-common";

const VERTICAL_ALIGNS = ["top", "center", "bottom"] as const;
const DIRECTIONS = ["vertical", "horizontal"] as const;
const PANEL_TITLE_TAGS = ["plain_text", "markdown"] as const;

/** Containers: column_set, column, form, interactive_container, collapsible_panel (their children are edited in the tree). */
export function ContainerSection({ tag, ...props }: SectionProps & { tag: string }) {
  const t = useTranslations("editor.feishu");
  const { kit } = props;
  switch (tag) {
    case "column_set":
      return (
        <>
          {kit.choice("flex_mode", t("flexMode"), FEISHU_FLEX_MODES, (o) => t(`flexModes.${o}`), { empty: t("unset"), help: t("flexModeHelp") })}
          {kit.text("horizontal_spacing", t("horizontalSpacing"), t("spacingHelp"), { mono: true })}
        </>
      );
    case "column":
      return (
        <>
          {kit.text("width", t("width"), t("columnWidthHelp"), { mono: true })}
          {kit.number("weight", t("weight"), { min: 1, max: 5, help: t("weightHelp") })}
          {kit.choice("vertical_align", t("verticalAlign"), VERTICAL_ALIGNS, (o) => t(`verticalAligns.${o}`), { empty: t("unset") })}
        </>
      );
    case "form":
      return kit.choice("direction", t("inspector.direction"), DIRECTIONS, (o) => t(`inspector.directions.${o}`), { empty: t("unset") });
    case "interactive_container":
      return (
        <>
          <p className="text-xs text-slate-500">{t("inspector.interactiveContainerHelp")}</p>
          <div className="grid grid-cols-2 gap-2">
            {kit.text("width", t("width"), t("inspector.containerWidthHelp"), { mono: true })}
            {kit.text("height", t("inspector.height"), t("inspector.heightHelp"), { mono: true })}
          </div>
          {kit.text("background_style", t("inspector.backgroundStyle"), t("inspector.backgroundStyleHelp"), { mono: true })}
          {kit.flag("has_border", t("inspector.hasBorder"))}
          {kit.get("has_border") === true ? kit.text("border_color", t("inspector.borderColor"), undefined, { mono: true }) : null}
          {kit.text("corner_radius", t("inspector.cornerRadius"), t("inspector.cornerRadiusHelp"), { mono: true })}
          {kit.text("padding", t("inspector.padding"), t("inspector.paddingHelp"), { mono: true })}
          {kit.flag("disabled", t("disabled"), t("disabledHelp"))}
          <ControlBehaviors {...props} />
        </>
      );
    case "collapsible_panel":
      return (
        <>
          {kit.textObject("header.title", t("inspector.panelTitle"), { optional: false })}
          {kit.choice("header.title.tag", t("inspector.panelTitleTag"), PANEL_TITLE_TAGS, (o) => t(`inspector.panelTitleTags.${o}`))}
          {kit.flag("expanded", t("inspector.expanded"), t("inspector.expandedHelp"))}
          {kit.text("background_color", t("inspector.backgroundColor"), t("inspector.backgroundStyleHelp"), { mono: true })}
          {kit.text("border.color", t("inspector.borderColor"), undefined, { mono: true })}
          {kit.text("vertical_spacing", t("inspector.verticalSpacing"), t("spacingHelp"), { mono: true })}
          {kit.text("padding", t("inspector.padding"), t("inspector.paddingHelp"), { mono: true })}
        </>
      );
    default:
      return null;
  }
}
