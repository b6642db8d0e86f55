"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { smallInput } from "@/components/ui/field";
import {
  CHECKBOX_OPTIONS_MAX,
  CHECKBOX_VALUES_MAX,
  FILE_UPLOAD_VALUES_MAX,
  MODAL_CUSTOM_ID_MAX,
  MODAL_DESCRIPTION_MAX,
  MODAL_LABEL_MAX,
  RADIO_OPTIONS_MAX,
  TEXT_INPUT_LENGTH_MAX,
  TEXT_INPUT_PLACEHOLDER_MAX,
  TEXT_INPUT_STYLES,
} from "@/lib/platforms/discord/modal/limits";
import { DiscordOptionList } from "./discord-option-list";
import type { DiscordKit } from "./discord-tree-fields";
import { CountedField } from "./discord-tree-fields";

// Modal components (components/reference.mdx: Label, Text Input, File Upload, Radio Group, Checkbox Group, Checkbox).

/** Label: the text above its one component and an optional description; the component is its child in the tree. */
export function DiscordLabelFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      {kit.text("label", t("label.label"), { max: MODAL_LABEL_MAX, keepEmpty: true })}
      {kit.text("description", t("label.description"), { help: t("label.descriptionHelp"), max: MODAL_DESCRIPTION_MAX })}
    </>
  );
}

/** custom_id of a modal component: the key its value is submitted under. */
function CustomId({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return kit.text("custom_id", t("customId"), { help: t("modalCustomIdHelp"), max: MODAL_CUSTOM_ID_MAX, mono: true, keepEmpty: true });
}

/** Text Input: short or paragraph, length bounds, pre-filled value, placeholder, required (default on). */
export function DiscordTextInputFields({ kit, inRow }: { kit: DiscordKit; inRow: boolean }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      {inRow ? <p className="rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-800">{t("textInput.deprecatedRow")}</p> : null}
      {inRow ? kit.text("label", t("label.label"), { max: MODAL_LABEL_MAX }) : null}
      <CustomId kit={kit} />
      {kit.choice("style", t("textInput.style"), TEXT_INPUT_STYLES, (s) => t(`textInput.styles.${s}` as never))}
      <div className="grid grid-cols-2 gap-2">
        {kit.number("min_length", t("textInput.minLength"), { min: 0, max: TEXT_INPUT_LENGTH_MAX })}
        {kit.number("max_length", t("textInput.maxLength"), { min: 1, max: TEXT_INPUT_LENGTH_MAX })}
      </div>
      {kit.text("placeholder", t("placeholder"), { max: TEXT_INPUT_PLACEHOLDER_MAX })}
      {kit.text("value", t("textInput.value"), { help: t("textInput.valueHelp"), max: TEXT_INPUT_LENGTH_MAX, rows: 2 })}
      {kit.flag("required", t("required"), { help: t("requiredHelp"), defaultOn: true })}
    </>
  );
}

/** File Upload: 0–10 files, required, and the file types it filters for ("image", ".pdf"…). */
export function DiscordFileUploadFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      <CustomId kit={kit} />
      <div className="grid grid-cols-2 gap-2">
        {kit.number("min_values", t("minValues"), { min: 0, max: FILE_UPLOAD_VALUES_MAX })}
        {kit.number("max_values", t("maxValues"), { min: 1, max: FILE_UPLOAD_VALUES_MAX })}
      </div>
      <FileTypes kit={kit} />
      {kit.flag("required", t("required"), { help: t("requiredHelp"), defaultOn: true })}
    </>
  );
}

/** `file_types` typed as a comma-separated list; empty accepts any file. */
function FileTypes({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  const raw = kit.get("file_types");
  const list = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : [];
  const [draft, setDraft] = useState<string | null>(null);
  const id = kit.id("file_types");
  return (
    <CountedField id={id} label={t("fileUpload.types")} help={t("fileUpload.typesHelp")} error={kit.errorAt("file_types")}>
      <input
        id={id}
        className={`${smallInput} font-mono`}
        placeholder={t("fileUpload.typesPlaceholder")}
        value={draft ?? list.join(", ")}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = e.target.value.split(",").map((s) => s.trim()).filter(Boolean);
          kit.set("file_types", next.length ? next : undefined);
        }}
        onBlur={() => setDraft(null)}
      />
    </CountedField>
  );
}

/** Radio Group: 2–10 options, exactly one picked when submitted; required (default on). */
export function DiscordRadioGroupFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      <CustomId kit={kit} />
      <DiscordOptionList kit={kit} max={RADIO_OPTIONS_MAX} />
      {kit.flag("required", t("required"), { help: t("requiredHelp"), defaultOn: true })}
    </>
  );
}

/** Checkbox Group: 1–10 options, 0–10 picked. */
export function DiscordCheckboxGroupFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      <CustomId kit={kit} />
      <DiscordOptionList kit={kit} max={CHECKBOX_OPTIONS_MAX} />
      <div className="grid grid-cols-2 gap-2">
        {kit.number("min_values", t("minValues"), { min: 0, max: CHECKBOX_VALUES_MAX })}
        {kit.number("max_values", t("maxValues"), { min: 1, max: CHECKBOX_VALUES_MAX })}
      </div>
      {kit.flag("required", t("required"), { help: t("requiredHelp"), defaultOn: true })}
    </>
  );
}

/** Checkbox: a yes/no; it cannot be required (use a one-option Checkbox Group for that). */
export function DiscordCheckboxFields({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      <CustomId kit={kit} />
      {kit.flag("default", t("checkbox.default"), { help: t("checkbox.help") })}
    </>
  );
}
