"use client";

import { useTranslations } from "next-intl";
import { Field, smallInput } from "@/components/ui/field";
import { getIn, setIn } from "@/lib/builder/set-in";
import { QQ_ACTION_MQQAPI, QQ_ACTION_SUBSCRIBE, QQ_BOTGO_ACTION_TYPES, QQ_BOTGO_BUTTON_STYLES } from "@/lib/platforms/qq/botgo-fields";
import { QQ_ACTION_COMMAND, QQ_ACTION_TYPES, QQ_BUTTON_STYLES, QQ_PERMISSION_ROLES, QQ_PERMISSION_TYPES, QQ_PERMISSION_USERS } from "@/lib/platforms/qq/limits";
import type { InspectorProps } from "../types";
import { IdListInput } from "./id-list-input";
import { BotgoNotes, isBotgoIssue, QqBotgoFields } from "./qq-botgo-fields";

const str = (value: unknown) => (typeof value === "string" ? value : "");
const DATA_HELP: Partial<Record<number, "jump" | "command" | "mqqapi" | "subscribe">> = { 0: "jump", 2: "command", [QQ_ACTION_MQQAPI]: "mqqapi", [QQ_ACTION_SUBSCRIBE]: "subscribe" };

/** Every field of a QQ button; command-only and permission-list fields appear only where the rules allow them. */
export function QqInspector({ cell, path, issues, onChange }: InspectorProps) {
  const t = useTranslations("editor.qq");
  const errorAt = (field: string) => issues.find((i) => i.path === `${path}.${field}` && !isBotgoIssue(i))?.message;
  const set = (field: string, value: unknown) => onChange(setIn(cell, field.split("."), value), field);
  const actionType = getIn(cell, ["action", "type"]);
  const permissionType = getIn(cell, ["action", "permission", "type"]);
  const id = (field: string) => `qq-${field.replaceAll(".", "-")}`;

  const text = (field: string, label: string, help?: string) => (
    <Field id={id(field)} label={label} help={help} error={errorAt(field)}>
      <input
        id={id(field)}
        className={smallInput}
        value={str(getIn(cell, field.split(".")))}
        aria-invalid={errorAt(field) ? true : undefined}
        onChange={(e) => set(field, e.target.value)}
      />
    </Field>
  );

  const changeActionType = (next: number) => {
    let updated = setIn(cell, ["action", "type"], next);
    // reply/enter/anchor only exist on 指令按钮: switching away removes them rather than leaving an error.
    if (next !== QQ_ACTION_COMMAND) for (const f of ["reply", "enter", "anchor"]) updated = setIn(updated, ["action", f], undefined);
    onChange(updated, "action.type");
  };
  const changePermissionType = (next: number) => {
    let updated = setIn(cell, ["action", "permission", "type"], next);
    if (next !== QQ_PERMISSION_USERS) updated = setIn(updated, ["action", "permission", "specify_user_ids"], undefined);
    if (next !== QQ_PERMISSION_ROLES) updated = setIn(updated, ["action", "permission", "specify_role_ids"], undefined);
    onChange(updated, "action.permission.type");
  };

  return (
    <div className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("appearance")}</legend>
        {text("render_data.label", t("label"), t("labelHelp"))}
        {text("render_data.visited_label", t("visitedLabel"), t("visitedLabelHelp"))}
        <Field id={id("render_data.style")} label={t("style")} error={errorAt("render_data.style")}>
          <select id={id("render_data.style")} className={smallInput} value={String(getIn(cell, ["render_data", "style"]) ?? "")} onChange={(e) => set("render_data.style", Number(e.target.value))}>
            {[...QQ_BUTTON_STYLES, ...QQ_BOTGO_BUTTON_STYLES].map((s) => (
              <option key={s} value={s}>
                {t(`styles.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <BotgoNotes issues={issues} at={`${path}.render_data.style`} />
        {text("id", t("id"), t("idHelp"))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("action")}</legend>
        <Field id={id("action.type")} label={t("actionType")} error={errorAt("action.type")}>
          <select id={id("action.type")} className={smallInput} value={String(actionType ?? "")} onChange={(e) => changeActionType(Number(e.target.value))}>
            {[...QQ_ACTION_TYPES, ...QQ_BOTGO_ACTION_TYPES].map((s) => (
              <option key={s} value={s}>
                {t(`actionTypes.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <BotgoNotes issues={issues} at={`${path}.action.type`} />
        {text("action.data", t("data"), t(`dataHelp.${(typeof actionType === "number" && DATA_HELP[actionType]) || "callback"}`))}
        {text("action.unsupport_tips", t("unsupportTips"), t("unsupportTipsHelp"))}
        {actionType === QQ_ACTION_COMMAND ? (
          <div className="space-y-2 rounded-md bg-slate-50 p-3">
            {(["reply", "enter", "anchor"] as const).map((flag) => (
              <label key={flag} className="flex items-start gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="mt-0.5"
                  checked={Boolean(getIn(cell, ["action", flag]))}
                  onChange={(e) => set(`action.${flag}`, e.target.checked ? true : undefined)}
                />
                <span>
                  {t(`flags.${flag}`)}
                  <span className="block text-xs text-slate-500">{t(`flags.${flag}Help`)}</span>
                  {errorAt(`action.${flag}`) ? <span className="block text-xs text-red-600">{errorAt(`action.${flag}`)}</span> : null}
                </span>
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>
      <QqBotgoFields cell={cell} path={path} issues={issues} onChange={onChange} />
      <fieldset className="space-y-3">
        <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("permission")}</legend>
        <Field id={id("action.permission.type")} label={t("permissionType")} error={errorAt("action.permission.type")}>
          <select id={id("action.permission.type")} className={smallInput} value={String(permissionType ?? "")} onChange={(e) => changePermissionType(Number(e.target.value))}>
            {QQ_PERMISSION_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`permissionTypes.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        {permissionType === QQ_PERMISSION_USERS ? (
          <IdListInput
            id={id("action.permission.specify_user_ids")}
            label={t("userIds")}
            help={t("idListHelp")}
            error={errorAt("action.permission.specify_user_ids")}
            value={getIn(cell, ["action", "permission", "specify_user_ids"])}
            onChange={(ids) => set("action.permission.specify_user_ids", ids)}
          />
        ) : null}
        {permissionType === QQ_PERMISSION_ROLES ? (
          <IdListInput
            id={id("action.permission.specify_role_ids")}
            label={t("roleIds")}
            help={t("idListHelp")}
            error={errorAt("action.permission.specify_role_ids")}
            value={getIn(cell, ["action", "permission", "specify_role_ids"])}
            onChange={(ids) => set("action.permission.specify_role_ids", ids)}
          />
        ) : null}
      </fieldset>
    </div>
  );
}
