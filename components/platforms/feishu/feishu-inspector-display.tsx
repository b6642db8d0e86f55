"use client";

import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { FEISHU_IMG_COMBINATION_MODES, FEISHU_PERSON_SIZES } from "@/lib/platforms/feishu/limits";
import { str } from "./feishu-fields";
import type { SectionProps } from "./feishu-inspector-common";

const ALIGNS = ["left", "center", "right"] as const;
const TEXT_TAGS = ["plain_text", "lark_md"] as const;

/** Display components: markdown, div, hr, img, img_combination, person, person_list. */
export function DisplaySection({ tag, ...props }: SectionProps & { tag: string }) {
  const t = useTranslations("editor.feishu");
  const { kit, element } = props;
  const onOff = { unset: t("unset"), on: t("inspector.on"), off: t("inspector.off") };
  switch (tag) {
    case "markdown":
      return (
        <>
          <MarkdownContent id={kit.id("content")} label={t("content")} help={t("contentHelp")} value={str(element.content)} error={kit.errorAt("content")} onChange={(v) => kit.set("content", v)} />
          {kit.choice("text_align", t("textAlign"), ALIGNS, (a) => t(`aligns.${a}`), { empty: t("unset") })}
        </>
      );
    case "div":
      return (
        <>
          {kit.choice("text.tag", t("textTag"), TEXT_TAGS, (o) => t(`textTags.${o}`))}
          {kit.textObject("text", t("text"), { multiline: true, optional: false })}
        </>
      );
    case "hr":
      return <p className="text-xs text-slate-500">{t("inspector.hrHelp")}</p>;
    case "img":
      return (
        <>
          {kit.text("img_key", t("imgKey"), t("imgKeyHelp"), { mono: true, keepEmpty: true })}
          {kit.textObject("alt", t("alt"), { help: t("altHelp") })}
          {kit.textObject("title", t("imgTitle"))}
        </>
      );
    case "img_combination":
      return (
        <>
          {kit.choice("combination_mode", t("inspector.combinationMode"), FEISHU_IMG_COMBINATION_MODES, (o) => t(`inspector.combinationModes.${o}`))}
          {kit.list("img_list", t("inspector.imgList"), { key: "img_key", help: t("inspector.imgListHelp") })}
          {kit.text("corner_radius", t("inspector.cornerRadius"), t("inspector.cornerRadiusHelp"), { mono: true })}
          {kit.flag("combination_transparent", t("inspector.combinationTransparent"))}
        </>
      );
    case "person":
      return (
        <>
          {kit.text("user_id", t("inspector.userId"), t("inspector.userIdHelp"), { mono: true, keepEmpty: true })}
          {kit.choice("size", t("inspector.personSize"), FEISHU_PERSON_SIZES, (o) => t(`inspector.personSizes.${o}`), { empty: t("unset") })}
          {kit.tristate("show_avatar", t("inspector.showAvatar"), onOff)}
          {kit.tristate("show_name", t("inspector.showName"), onOff)}
          {kit.choice("style", t("inspector.personStyle"), ["normal", "capsule"], (o) => t(`inspector.personStyles.${o}`), { empty: t("unset") })}
        </>
      );
    case "person_list":
      return (
        <>
          {kit.list("persons", t("inspector.persons"), { key: "id", help: t("inspector.personsHelp") })}
          {kit.choice("size", t("inspector.personSize"), FEISHU_PERSON_SIZES, (o) => t(`inspector.personSizes.${o}`), { empty: t("unset") })}
          {kit.tristate("show_name", t("inspector.showName"), onOff)}
          {kit.tristate("show_avatar", t("inspector.showAvatar"), onOff)}
          {kit.number("lines", t("inspector.lines"), { min: 1, help: t("inspector.linesHelp") })}
          {kit.flag("drop_invalid_user_id", t("inspector.dropInvalid"), t("inspector.dropInvalidHelp"))}
        </>
      );
    default:
      return null;
  }
}

function MarkdownContent({ id, label, help, value, error, onChange }: { id: string; label: string; help: string; value: string; error?: string; onChange: (value: string) => void }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <textarea id={id} rows={5} className={`${smallInput} font-mono text-xs`} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? <p className="text-xs text-red-600">{error}</p> : <p className="text-xs text-slate-500">{help}</p>}
    </div>
  );
}
