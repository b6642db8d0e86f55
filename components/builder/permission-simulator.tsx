"use client";

import { Check, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Field, smallInput } from "@/components/ui/field";
import type { Actor, LayoutAdapter } from "@/lib/platforms/types";

/** "As user X with roles [...], admin or not, in scene S": who may click each control, and why. */
export function PermissionSimulator({ adapter, rows, cellLabel, actor, onActor }: { adapter: LayoutAdapter; rows: unknown[][]; cellLabel: (cell: unknown) => string; actor: Actor; onActor: (actor: Actor) => void }) {
  const t = useTranslations("editor.simulator");
  const tr = useTranslations("rules");
  const check = adapter.permission;
  if (!check) return null;
  return (
    <section aria-label={t("title")} className="space-y-3">
      <h3 className="text-sm font-medium text-slate-900">{t("title")}</h3>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field id="sim-user" label={t("user")}>
          <input id="sim-user" className={`${smallInput} font-mono`} value={actor.userId} onChange={(e) => onActor({ ...actor, userId: e.target.value })} />
        </Field>
        <Field id="sim-roles" label={t("roles")} help={t("rolesHelp")}>
          <input id="sim-roles" className={`${smallInput} font-mono`} value={actor.roles.join(", ")} onChange={(e) => onActor({ ...actor, roles: e.target.value.split(",").map((s) => s.trim()).filter(Boolean) })} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={actor.isAdmin} onChange={(e) => onActor({ ...actor, isAdmin: e.target.checked })} />
        {t("admin")}
      </label>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label={t("verdicts")}>
        {rows.flatMap((cells, r) =>
          cells.map((cell, c) => {
            const verdict = check(cell, actor);
            return (
              <li key={`${r}-${c}`} className="flex items-start gap-2 px-3 py-2 text-sm">
                {verdict.allowed ? <Check aria-label={t("allowed")} className="mt-0.5 size-4 shrink-0 text-emerald-600" /> : <X aria-label={t("denied")} className="mt-0.5 size-4 shrink-0 text-red-500" />}
                <span className="min-w-0">
                  <span className="font-medium text-slate-800">{cellLabel(cell)}</span>
                  <span className="block text-xs text-slate-500">{tr(verdict.code as never, verdict.params as never)}</span>
                </span>
              </li>
            );
          }),
        )}
      </ul>
    </section>
  );
}
