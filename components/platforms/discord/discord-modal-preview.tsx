"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { isRecord } from "@/lib/platforms/issues";
import { MODAL_COMPONENT } from "@/lib/platforms/discord/modal/limits";
import type { TreePreviewProps } from "../types";
import { DiscordMarkdown } from "./discord-markdown";
import { DiscordModalControl, initialValue, type ModalValue } from "./discord-modal-controls";

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** Every control of the modal: a Label's component, or the Text Inputs of a deprecated Action Row. */
function controlsOf(layout: unknown, tree: TreePreviewProps["tree"]): Record<string, unknown>[] {
  return tree.roots(layout).flatMap((root) => (tree.children(root) ?? [])).filter(isRecord);
}

/**
 * A modal as the Discord client draws it: a dark dialog with the title, each Label's text, description and
 * control, and Cancel / Submit. A person can fill it in; Submit reports `formValue` by custom_id, from which
 * the modal adapter builds the MODAL_SUBMIT (lib/platforms/discord/modal/click.ts). Cancel puts it back.
 */
export function DiscordModalPreview({ layout, tree, onClick }: TreePreviewProps) {
  const t = useTranslations("editor.discordTree.preview");
  const tp = useTranslations("editor.preview");
  const uid = useId();
  const modal = isRecord(layout) ? layout : {};
  const [typed, setTyped] = useState<Record<string, ModalValue>>({});
  // Untouched controls show their defaults, so editing the template shows through until someone types.
  const valueOf = (control: Record<string, unknown>) => {
    const id = str(control.custom_id);
    return id in typed ? typed[id]! : initialValue(control);
  };
  const set = (control: Record<string, unknown>) => (value: ModalValue) => setTyped((all) => ({ ...all, [str(control.custom_id)]: value }));

  const labelled = (key: string, label: string, description: string, required: boolean, control: ReactNode) => (
    <div key={key} className="space-y-1.5">
      <div>
        <p id={`${uid}-${key}-label`} className="text-sm font-semibold text-[#f2f3f5]">
          {label}
          {required ? <span className="ml-0.5 text-[#f23f42]" aria-hidden>{"*"}</span> : null}
        </p>
        {description ? <p id={`${uid}-${key}-description`} className="text-xs text-[#b5bac1]">{description}</p> : null}
      </div>
      {control}
    </div>
  );
  const controlOf = (key: string, control: Record<string, unknown>, labelText: string, hasDescription: boolean) => (
    <DiscordModalControl control={control} value={valueOf(control)} onChange={set(control)} labelledBy={`${uid}-${key}-label`} describedBy={hasDescription ? `${uid}-${key}-description` : undefined} labelText={labelText} />
  );
  const required = (control: Record<string, unknown>) => control.type !== MODAL_COMPONENT.checkbox && control.required !== false;

  const body = tree.roots(layout).map((root, i) => {
    if (!isRecord(root)) return null;
    if (root.type === MODAL_COMPONENT.textDisplay) return <div key={i} className="text-sm text-[#dbdee1]"><DiscordMarkdown source={str(root.content)} /></div>;
    const kids = (tree.children(root) ?? []).filter(isRecord);
    if (root.type === MODAL_COMPONENT.label) {
      const control = kids[0];
      const description = str(root.description);
      return labelled(String(i), str(root.label), description, control ? required(control) : false, control ? controlOf(String(i), control, str(root.label), Boolean(description)) : null);
    }
    // A deprecated Action Row: each Text Input carries its own label.
    return kids.map((control, j) => labelled(`${i}-${j}`, str(control.label), "", required(control), controlOf(`${i}-${j}`, control, str(control.label), false)));
  });

  const submit = () => {
    const formValue: Record<string, unknown> = {};
    for (const control of controlsOf(layout, tree)) formValue[str(control.custom_id)] = valueOf(control);
    onClick([], { formValue });
  };

  return (
    <div className="flex justify-center rounded-xl bg-black/70 p-4" data-testid="discord-modal-preview">
      <form
        role="dialog"
        aria-labelledby={`${uid}-title`}
        className="w-full max-w-[28rem] overflow-hidden rounded-lg bg-[#313338] text-[#dbdee1] shadow-2xl"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="flex items-start gap-3 px-4 pt-4 pb-3">
          <div aria-hidden className="flex size-6 shrink-0 items-center justify-center rounded-full bg-[#5865f2] text-[10px] font-semibold text-white">{tp("botName").slice(0, 1)}</div>
          <h3 id={`${uid}-title`} className="min-w-0 flex-1 text-lg leading-6 font-semibold break-words text-[#f2f3f5]">{str(modal.title)}</h3>
          <button type="button" aria-label={t("close")} title={t("close")} className="rounded p-0.5 text-[#b5bac1] hover:text-[#dbdee1]" onClick={() => setTyped({})}>
            <X aria-hidden className="size-5" />
          </button>
        </div>
        <div className="space-y-4 px-4 pb-4">{body}</div>
        <div className="flex items-center justify-end gap-3 bg-[#2b2d31] px-4 py-3">
          <button type="button" className="px-2 text-sm font-medium text-[#dbdee1] hover:underline" onClick={() => setTyped({})}>{t("cancel")}</button>
          <button type="submit" className="h-9 rounded bg-[#5865f2] px-4 text-sm font-medium text-white hover:bg-[#4752c4]">{t("submit")}</button>
        </div>
      </form>
    </div>
  );
}
