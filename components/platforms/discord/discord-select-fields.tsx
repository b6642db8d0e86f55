"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_COMPONENT, DISCORD_CUSTOM_ID_MAX, DISCORD_PLACEHOLDER_MAX, DISCORD_SELECT_OPTIONS_MAX, DISCORD_SELECT_VALUES_MAX } from "@/lib/platforms/discord/limits";
import { DEFAULT_VALUE_TYPES } from "@/lib/platforms/discord/modal/limits";
import { DiscordOptionList } from "./discord-option-list";
import type { DiscordKit } from "./discord-tree-fields";
import { str } from "./discord-tree-fields";

/** Channel types people pick from most (resources/channel "Channel Types"); others can be typed as numbers. */
const CHANNEL_TYPES = [0, 2, 4, 5, 10, 11, 12, 13, 15, 16] as const;

/**
 * A select (3 string, 5 user, 6 role, 7 mentionable, 8 channel) in a message or a modal. `required` exists
 * only in modals and `disabled` only in messages (reference.mdx, User Select Structure notes ** and ***).
 */
export function DiscordSelectFields({ kit, kind, inModal }: { kit: DiscordKit; kind: number; inModal: boolean }) {
  const t = useTranslations("editor.discordTree");
  return (
    <>
      {kit.text("custom_id", t("customId"), { help: t("customIdHelp"), max: DISCORD_CUSTOM_ID_MAX, mono: true, keepEmpty: true })}
      {kit.text("placeholder", t("placeholder"), { max: DISCORD_PLACEHOLDER_MAX })}
      <div className="grid grid-cols-2 gap-2">
        {kit.number("min_values", t("minValues"), { min: 0, max: DISCORD_SELECT_VALUES_MAX })}
        {kit.number("max_values", t("maxValues"), { min: 1, max: DISCORD_SELECT_VALUES_MAX })}
      </div>
      {kind === DISCORD_COMPONENT.stringSelect ? <DiscordOptionList kit={kit} max={DISCORD_SELECT_OPTIONS_MAX} /> : <DefaultValues kit={kit} kind={kind} />}
      {kind === DISCORD_COMPONENT.channelSelect ? <ChannelTypes kit={kit} /> : null}
      {inModal ? kit.flag("required", t("required"), { help: t("requiredHelp"), defaultOn: true }) : kit.flag("disabled", t("disabled"), { help: t("disabledHelp") })}
    </>
  );
}

/** `default_values` of an auto-populated select: snowflake ids with their type; the count must lie within min..max. */
function DefaultValues({ kit, kind }: { kit: DiscordKit; kind: number }) {
  const t = useTranslations("editor.discordTree");
  const raw = kit.get("default_values");
  const values = Array.isArray(raw) ? raw.filter(isRecord) : [];
  const types = DEFAULT_VALUE_TYPES[kind] ?? ["user"];
  const write = (next: Record<string, unknown>[]) => kit.set("default_values", next.length ? next : undefined);
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-700">{t("defaultValues.title")}</legend>
      <p className="text-xs text-slate-500">{t("defaultValues.help")}</p>
      {kit.errorAt("default_values") ? <p className="text-xs text-red-600">{kit.errorAt("default_values")}</p> : null}
      {values.map((value, v) => (
        <div key={v} className="flex items-start gap-1.5">
          <input aria-label={t("defaultValues.id", { n: v + 1 })} placeholder={t("defaultValues.idPlaceholder")} className={`${smallInput} font-mono`} value={str(value.id)} onChange={(e) => write(values.map((x, i) => (i === v ? { ...x, id: e.target.value } : x)))} />
          <select aria-label={t("defaultValues.type", { n: v + 1 })} className={`${smallInput} w-32`} value={str(value.type)} onChange={(e) => write(values.map((x, i) => (i === v ? { ...x, type: e.target.value } : x)))}>
            {types.map((type) => <option key={type} value={type}>{t(`defaultValues.types.${type}` as never)}</option>)}
          </select>
          <button type="button" aria-label={t("defaultValues.remove", { n: v + 1 })} title={t("defaultValues.remove", { n: v + 1 })} className="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600" onClick={() => write(values.filter((_, i) => i !== v))}>
            <Trash2 aria-hidden className="size-4" />
          </button>
        </div>
      ))}
      <button type="button" disabled={values.length >= DISCORD_SELECT_VALUES_MAX} className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:text-indigo-500 disabled:text-slate-400" onClick={() => write([...values, { id: "", type: types[0] }])}>
        <Plus aria-hidden className="size-4" />
        {t("defaultValues.add")}
      </button>
    </fieldset>
  );
}

/** `channel_types` of a channel select: none ticked offers every type. */
function ChannelTypes({ kit }: { kit: DiscordKit }) {
  const t = useTranslations("editor.discordTree");
  const raw = kit.get("channel_types");
  const picked = Array.isArray(raw) ? raw.filter((n): n is number => typeof n === "number") : [];
  const toggle = (type: number, on: boolean) => {
    const next = on ? [...picked, type].sort((a, b) => a - b) : picked.filter((n) => n !== type);
    kit.set("channel_types", next.length ? next : undefined);
  };
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-slate-700">{t("channelTypes.title")}</legend>
      <p className="text-xs text-slate-500">{t("channelTypes.help")}</p>
      <div className="grid grid-cols-2 gap-x-3 gap-y-1">
        {CHANNEL_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-1.5 text-xs text-slate-700">
            <input type="checkbox" checked={picked.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
            {t(`channelTypes.types.${type}` as never)}
          </label>
        ))}
      </div>
      {kit.errorAt("channel_types") ? <p className="text-xs text-red-600">{kit.errorAt("channel_types")}</p> : null}
    </fieldset>
  );
}
