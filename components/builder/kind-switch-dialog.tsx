"use client";

import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { buttonClasses } from "@/components/ui/button-classes";
import type { KindSwitchPlan } from "@/lib/builder/kind-switch";

interface Props {
  /** The switch to confirm; the dialog is closed while null. */
  plan: KindSwitchPlan | null;
  kindName: (kind: string) => string;
  onConfirm: (plan: KindSwitchPlan) => void;
  onCancel: () => void;
}

/** The platform's warning for a kind switch and what it does to this template, before a person accepts it. */
export function KindSwitchDialog({ plan, kindName, onConfirm, onCancel }: Props) {
  const t = useTranslations("editor.kindSwitch");
  const tr = useTranslations("rules");
  const to = plan ? kindName(plan.to) : "";
  return (
    <Dialog
      open={plan !== null}
      onOpenChange={(open) => !open && onCancel()}
      title={t("title", { kind: to })}
      description={plan ? tr(plan.warning as never) : undefined}
      closeLabel={t("close")}
    >
      {plan ? (
        <>
          <h3 className="text-sm font-semibold text-slate-900">{t("what")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>{t("from", { from: kindName(plan.from), to })}</li>
            {plan.modelChange ? <li>{t(plan.modelChange === "tree" ? "treeModel" : "gridModel")}</li> : null}
            {plan.dropsText ? <li>{t("dropsText")}</li> : null}
            <li className={plan.errors > 0 ? "text-amber-800" : undefined}>{plan.errors > 0 ? t("errors", { count: plan.errors }) : t("noErrors")}</li>
            <li>{t("undo")}</li>
          </ul>
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" className={buttonClasses("secondary")} onClick={onCancel}>
              {t("cancel")}
            </button>
            <button type="button" className={buttonClasses("primary")} onClick={() => onConfirm(plan)}>
              {t("confirm", { kind: to })}
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
