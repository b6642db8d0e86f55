"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_COMPONENT, DISCORD_SELECT_TYPES } from "@/lib/platforms/discord/limits";
import { MODAL_COMPONENT } from "@/lib/platforms/discord/modal/limits";
import { DISCORD_V2_COMPONENT } from "@/lib/platforms/discord/v2/limits";
import type { TreeInspectorProps } from "../types";
import { DiscordButtonFields } from "./discord-button-fields";
import { DiscordActionRowFields, DiscordContainerFields, DiscordSectionFields, DiscordSeparatorFields, DiscordTextDisplayFields } from "./discord-layout-fields";
import { DiscordFileFields, DiscordGalleryFields, DiscordThumbnailFields } from "./discord-media-fields";
import { DiscordCheckboxFields, DiscordCheckboxGroupFields, DiscordFileUploadFields, DiscordLabelFields, DiscordRadioGroupFields, DiscordTextInputFields } from "./discord-modal-fields";
import { DiscordSelectFields } from "./discord-select-fields";
import { discordFieldKit, type DiscordKit } from "./discord-tree-fields";

/** The largest numeric `id` Discord takes: a 32-bit integer ("Anatomy of a Component"). */
const INT32_MAX = 2 ** 31 - 1;
const SELECTS: readonly number[] = DISCORD_SELECT_TYPES;

/** A Label's one component sits at `<label>.component`: that is how a select knows it is in a modal. */
const inLabel = (path: string) => path === "component" || path.endsWith(".component");

function fieldsOf(type: number, kit: DiscordKit, path: string, node: Record<string, unknown>): ReactNode {
  if (SELECTS.includes(type)) return <DiscordSelectFields kit={kit} kind={type} inModal={inLabel(path)} />;
  switch (type) {
    case DISCORD_V2_COMPONENT.container: return <DiscordContainerFields kit={kit} />;
    case DISCORD_V2_COMPONENT.section: return <DiscordSectionFields kit={kit} />;
    case DISCORD_V2_COMPONENT.textDisplay: return <DiscordTextDisplayFields kit={kit} />;
    case DISCORD_V2_COMPONENT.thumbnail: return <DiscordThumbnailFields kit={kit} />;
    case DISCORD_V2_COMPONENT.mediaGallery: return <DiscordGalleryFields kit={kit} />;
    case DISCORD_V2_COMPONENT.file: return <DiscordFileFields kit={kit} />;
    case DISCORD_V2_COMPONENT.separator: return <DiscordSeparatorFields kit={kit} />;
    case DISCORD_COMPONENT.actionRow: {
      // Only a modal's (deprecated) Action Row holds Text Inputs.
      const kids = Array.isArray(node.components) ? node.components : [];
      return <DiscordActionRowFields inModal={kids.some((c) => isRecord(c) && c.type === MODAL_COMPONENT.textInput)} />;
    }
    case DISCORD_COMPONENT.button: return <DiscordButtonFields kit={kit} />;
    case MODAL_COMPONENT.label: return <DiscordLabelFields kit={kit} />;
    case MODAL_COMPONENT.textInput: return <DiscordTextInputFields kit={kit} inRow={!inLabel(path)} />;
    case MODAL_COMPONENT.fileUpload: return <DiscordFileUploadFields kit={kit} />;
    case MODAL_COMPONENT.radioGroup: return <DiscordRadioGroupFields kit={kit} />;
    case MODAL_COMPONENT.checkboxGroup: return <DiscordCheckboxGroupFields kit={kit} />;
    case MODAL_COMPONENT.checkbox: return <DiscordCheckboxFields kit={kit} />;
    default: return null;
  }
}

/** Every field of the selected component of a V2 message or a modal, by its type, with the findings next to them. */
export function DiscordTreeInspector({ node, path, issues, onChange }: TreeInspectorProps) {
  const t = useTranslations("editor.discordTree");
  const component = isRecord(node) ? node : {};
  const type = Number(component.type);
  const kit = discordFieldKit({ value: component, path, issues, idPrefix: "discord-node", onChange, counter: (count, max) => t("counter", { count, max }) });
  // Findings about the component as a whole (a section without an accessory, too many components…) show on top.
  // Findings about its children as a list (a section with 4 texts, an empty row) are about it too.
  const own = issues.filter((i) => i.path === path || i.path === `${path}.type` || i.path === `${path}.components`);
  const fields = fieldsOf(type, kit, path, component);
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-900">
        {t.has(`kinds.${type}` as never) ? t(`kinds.${type}` as never) : t("kinds.unknown")}
        <code className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">{t("typeCode", { type: String(component.type) })}</code>
      </p>
      {own.map((issue) => <p key={`${issue.code}-${issue.path}`} className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-700">{issue.message}</p>)}
      {fields ?? <p className="text-xs text-slate-500">{t("noFields")}</p>}
      {kit.number("id", t("numericId"), { min: 0, max: INT32_MAX, help: t("numericIdHelp") })}
    </div>
  );
}
