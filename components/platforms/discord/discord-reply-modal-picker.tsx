"use client";

import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { isModalData } from "@/lib/platforms/discord/modal";
import type { TemplateView } from "@/lib/templates/view-schema";

/** JSON with every object's keys sorted: the stored reply went through the reply schema, which may reorder them. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

/** The same JSON twice, whatever the key order (a picked template's layout stored in a rule and read back). */
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

interface Props {
  /** The platform's saved templates; null while loading or when the list could not be read. */
  templates: TemplateView[] | null;
  /** The reply's `data` so far: the modal it opens, if one was picked. */
  modal: unknown;
  /** A template's layout becomes the reply's `data` as it is (a type-9 response carries the modal itself). */
  onPick: (data: Record<string, unknown> | undefined) => void;
}

/** Which saved modal template a type-9 reply opens, and that modal's title. */
export function DiscordModalPicker({ templates, modal, onPick }: Props) {
  const t = useTranslations("endpoints.discord");
  const modals = (templates ?? []).flatMap((tpl) => (isModalData(tpl.layout) ? [{ id: tpl.id, name: tpl.name, layout: tpl.layout }] : []));
  // A stored reply keeps the layout, not the template: the template whose layout it still is shows as picked.
  const picked = modals.find((m) => same(m.layout, modal))?.id ?? "";
  const title = isModalData(modal) ? (modal.title as string) : null;
  return (
    <>
      <select aria-label={t("modalFrom")} className={smallInput} value={picked} onChange={(e) => onPick(modals.find((m) => m.id === e.target.value)?.layout)}>
        <option value="">{t("chooseModal")}</option>
        {modals.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
      <p data-testid="discord-reply-modal" className="text-xs text-slate-600">
        {title !== null ? t("modalOpens", { title }) : templates !== null && modals.length === 0 ? t("noModalTemplates") : t("noModal")}
      </p>
    </>
  );
}
