"use client";

import { useTranslations } from "next-intl";
import { Field, smallInput } from "@/components/ui/field";
import { getIn, setIn } from "@/lib/builder/set-in";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";
import {
  QQ_ACTION_SUBSCRIBE,
  QQ_MODAL_BUTTON_TEXT_MAX,
  QQ_MODAL_CONTENT_MAX,
  QQ_MODAL_DEFAULT_CANCEL,
  QQ_MODAL_DEFAULT_CONFIRM,
  qqTextLength,
} from "@/lib/platforms/qq/botgo-fields";

/** botgo findings are warnings about SDK-only fields: shown in amber, apart from the rule errors. */
export const isBotgoIssue = (issue: DescribedIssue) => issue.code.startsWith("qq.botgo.");

export function BotgoNotes({ issues, at }: { issues: DescribedIssue[]; at: string }) {
  const notes = issues.filter((i) => i.path === at && isBotgoIssue(i));
  if (notes.length === 0) return null;
  return (
    <ul className="space-y-0.5" data-testid="qq-botgo-notes">
      {notes.map((note, i) => (
        <li key={i} className="text-xs text-amber-700">
          {note.message}
        </li>
      ))}
    </ul>
  );
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

interface Props {
  cell: unknown;
  path: string;
  issues: DescribedIssue[];
  onChange: (cell: unknown, field: string) => void;
}

/** The confirm dialog (action.modal) and group_id, which only botgo knows; each with its warnings. */
export function QqBotgoFields({ cell, path, issues, onChange }: Props) {
  const t = useTranslations("editor.qq.botgo");
  const modal = getIn(cell, ["action", "modal"]);
  const id = (field: string) => `qq-${field.replaceAll(".", "-")}`;
  const set = (field: string, value: unknown) => onChange(setIn(cell, field.split("."), value), field);
  // An emptied text is removed, so botgo's default ("确认" / "取消") applies and the export stays minimal.
  const setText = (field: string, value: string) => set(field, value === "" ? undefined : value);

  const text = (field: string, label: string, help: string, max: number) => {
    const value = str(getIn(cell, field.split(".")));
    return (
      <div>
        <Field id={id(field)} label={label} help={help}>
          <div className="flex items-center gap-2">
            <input id={id(field)} className={smallInput} value={value} onChange={(e) => setText(field, e.target.value)} />
            <span className={qqTextLength(value) > max ? "text-xs text-amber-700 tabular-nums" : "text-xs text-slate-500 tabular-nums"}>
              {qqTextLength(value)}/{max}
            </span>
          </div>
        </Field>
        <BotgoNotes issues={issues} at={`${path}.${field}`} />
      </div>
    );
  };

  return (
    <fieldset className="space-y-3 rounded-md border border-amber-200 bg-amber-50/40 p-3">
      <legend className="px-1 text-xs font-semibold tracking-wide text-amber-800 uppercase">{t("legend")}</legend>
      <p className="text-xs text-slate-600">{t("note")}</p>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={modal !== undefined}
          onChange={(e) => set("action.modal", e.target.checked ? { content: "" } : undefined)}
        />
        <span>
          {t("modal")}
          <span className="block text-xs text-slate-500">{t("modalHelp")}</span>
        </span>
      </label>
      <BotgoNotes issues={issues} at={`${path}.action.modal`} />
      {modal !== undefined ? (
        <div className="space-y-3 border-l-2 border-amber-200 pl-3">
          {text("action.modal.content", t("content"), t("contentHelp"), QQ_MODAL_CONTENT_MAX)}
          {text("action.modal.confirm_text", t("confirmText"), t("buttonTextHelp", { fallback: QQ_MODAL_DEFAULT_CONFIRM }), QQ_MODAL_BUTTON_TEXT_MAX)}
          {text("action.modal.cancel_text", t("cancelText"), t("buttonTextHelp", { fallback: QQ_MODAL_DEFAULT_CANCEL }), QQ_MODAL_BUTTON_TEXT_MAX)}
        </div>
      ) : null}
      <div>
        <Field id={id("group_id")} label={t("groupId")} help={t("groupIdHelp")}>
          <input id={id("group_id")} className={smallInput} value={str(getIn(cell, ["group_id"]))} onChange={(e) => setText("group_id", e.target.value)} />
        </Field>
        <BotgoNotes issues={issues} at={`${path}.group_id`} />
      </div>
      {getIn(cell, ["action", "type"]) === QQ_ACTION_SUBSCRIBE || getIn(cell, ["action", "subscribe_data"]) !== undefined ? (
        <div>
          <p className="text-xs text-slate-600">{t("subscribeHelp")}</p>
          <BotgoNotes issues={issues} at={`${path}.action.subscribe_data`} />
        </div>
      ) : null}
    </fieldset>
  );
}
