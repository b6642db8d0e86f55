"use client";

import { ArrowLeft, Redo2, Save, Undo2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button-classes";
import type { PlatformId } from "@/lib/platforms/types";
import { ExportActions } from "./export-actions";

interface Props {
  name: string;
  platform: PlatformId;
  version: number;
  dirty: boolean;
  saving: boolean;
  errorCount: number;
  canUndo: boolean;
  canRedo: boolean;
  scenes: readonly string[];
  scene?: string;
  templateId: string;
  /** Names of the platform's other export bodies (LayoutAdapter.extraExports). */
  extraExports: string[];
  /** The template's kind and "Change kind", where the platform has several kinds (KindSwitch). */
  kind?: ReactNode;
  onName: (name: string) => void;
  onScene: (scene: string) => void;
  onUndo: () => void;
  onRedo: () => void;
  onSave: () => void;
}

export function EditorHeader(props: Props) {
  const t = useTranslations("editor");
  const tp = useTranslations("platform");
  const saveBlocked = props.errorCount > 0;
  return (
    <div className="space-y-2">
      <div className="flex min-w-0 items-center gap-2">
        <Link href="/templates" aria-label={t("back")} className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
          <ArrowLeft aria-hidden className="size-5" />
        </Link>
        <input
          aria-label={t("name")}
          value={props.name}
          onChange={(e) => props.onName(e.target.value)}
          className="min-w-0 flex-1 rounded-md border border-transparent bg-transparent px-2 py-1 text-xl font-semibold text-slate-900 hover:border-slate-300 focus:border-indigo-500 focus:bg-white focus:outline-none"
        />
        <Badge tone={props.platform}>{tp(props.platform)}</Badge>
        <span className="text-xs whitespace-nowrap text-slate-500">{props.dirty ? t("unsaved") : t("savedVersion", { version: props.version })}</span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {props.kind}
        {props.scenes.length > 0 ? (
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            {t("scene")}
            <select value={props.scene} onChange={(e) => props.onScene(e.target.value)} className="rounded-md border border-slate-300 bg-white py-1.5 pr-7 pl-2 text-sm">
              {props.scenes.map((s) => (
                <option key={s} value={s}>
                  {t(`scenes.${s}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <span className="flex-1" />
        <button type="button" className={buttonClasses("ghost", "px-2")} onClick={props.onUndo} disabled={!props.canUndo} aria-label={t("undo")} title={t("undo")}>
          <Undo2 aria-hidden className="size-4" />
        </button>
        <button type="button" className={buttonClasses("ghost", "px-2")} onClick={props.onRedo} disabled={!props.canRedo} aria-label={t("redo")} title={t("redo")}>
          <Redo2 aria-hidden className="size-4" />
        </button>
        <ExportActions templateId={props.templateId} name={props.name} dirty={props.dirty} extras={props.extraExports} />
        <button
          type="button"
          className={buttonClasses("primary")}
          onClick={props.onSave}
          disabled={props.saving || saveBlocked || !props.dirty}
          title={saveBlocked ? t("saveBlocked", { count: props.errorCount }) : undefined}
        >
          <Save aria-hidden className="size-4" />
          {props.saving ? t("saving") : t("save")}
        </button>
      </div>
      {saveBlocked && props.dirty ? <p className="text-right text-xs text-red-600">{t("saveBlocked", { count: props.errorCount })}</p> : null}
    </div>
  );
}
