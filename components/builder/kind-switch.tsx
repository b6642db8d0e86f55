"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button-classes";
import type { Snapshot } from "@/lib/builder/editor-state";
import { kindChoices, planKindSwitch, type KindSwitchPlan } from "@/lib/builder/kind-switch";
import { getLayout } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import { KindSwitchDialog } from "./kind-switch-dialog";

interface Props {
  platform: PlatformId;
  present: Snapshot;
  /** Applies the switch as an ordinary edit (undoable, stored by Save). */
  onSwitch: (patch: KindSwitchPlan["patch"]) => void;
}

/**
 * The template's kind, where its platform has several, and "Change kind": the kinds the platform converts this
 * layout to, each confirmed in a dialog with the platform's warning. Nothing here knows a platform.
 */
export function KindSwitch({ platform, present, onSwitch }: Props) {
  const t = useTranslations("editor.kindSwitch");
  const tk = useTranslations("library.kinds");
  const kinds = getLayout(platform).kinds;
  const choices = useMemo(() => kindChoices(kinds, present.layout), [kinds, present.layout]);
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<KindSwitchPlan | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const currentId = useId();
  const kindName = (kind: string) => (tk.has(`${kind}.name`) ? tk(`${kind}.name` as never) : kind);

  const dismiss = useCallback(() => setOpen(false), []);
  useDismiss(open, menu, dismiss);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>("[data-kind]")?.focus();
  }, [open]);

  if (!choices) return null;
  const none = choices.offers.length === 0;
  return (
    <div className="relative flex items-center gap-1.5 text-sm text-slate-600" ref={menu}>
      {t("label")}
      <span id={currentId}>
        <Badge>{kindName(choices.current)}</Badge>
      </span>
      <button
        type="button"
        className={buttonClasses("ghost", "px-2 py-1")}
        aria-expanded={open}
        aria-controls="kind-switch-menu"
        aria-describedby={currentId}
        disabled={none}
        title={none ? t("none") : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {t("change")}
        <ChevronDown aria-hidden className="size-4" />
      </button>
      {open ? (
        <div id="kind-switch-menu" role="group" aria-label={t("change")} className="absolute top-full left-0 z-20 mt-1 w-64 max-w-[calc(100vw-2rem)] space-y-1 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
          {choices.offers.map((kind) => (
            <button
              key={kind}
              type="button"
              data-kind={kind}
              className="block w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100"
              onClick={() => {
                setOpen(false);
                setPlan(planKindSwitch(kinds, present, kind));
              }}
            >
              {kindName(kind)}
            </button>
          ))}
        </div>
      ) : null}
      <KindSwitchDialog
        plan={plan}
        kindName={kindName}
        onCancel={() => setPlan(null)}
        onConfirm={(accepted) => {
          setPlan(null);
          onSwitch(accepted.patch);
        }}
      />
    </div>
  );
}
