"use client";

import { Copy, Pencil, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonClasses, inputClasses } from "@/components/ui/button-classes";
import { Dialog } from "@/components/ui/dialog";
import type { TemplateView } from "@/lib/templates/view";

const iconButton = "rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900";

/** Duplicate, rename and delete (after confirmation) from the library. */
export function TemplateRowActions({ template }: { template: TemplateView }) {
  const t = useTranslations("library");
  const locale = useLocale();
  const router = useRouter();
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headers = { "content-type": "application/json", "accept-language": locale };

  async function call(url: string, init: RequestInit): Promise<boolean> {
    setError(null);
    const response = await fetch(url, { ...init, headers }).catch(() => null);
    if (!response?.ok) {
      setError((await response?.json().catch(() => null))?.error?.message ?? t("actionFailed"));
      return false;
    }
    router.refresh();
    return true;
  }

  const duplicate = () =>
    call("/api/templates", { method: "POST", body: JSON.stringify({ platform: template.platform, name: t("copyOf", { name: template.name }).slice(0, 120), text: template.text, layout: template.layout }) });

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    if (await call(`/api/templates/${template.id}`, { method: "PUT", body: JSON.stringify({ name }) })) setDialog(null);
  }

  return (
    <div className="flex justify-end gap-0.5">
      <button type="button" className={iconButton} aria-label={t("duplicate", { name: template.name })} title={t("duplicate", { name: template.name })} onClick={() => void duplicate()}>
        <Copy aria-hidden className="size-4" />
      </button>
      <button type="button" className={iconButton} aria-label={t("rename", { name: template.name })} title={t("rename", { name: template.name })} onClick={() => setDialog("rename")}>
        <Pencil aria-hidden className="size-4" />
      </button>
      <button type="button" className={`${iconButton} hover:text-red-600`} aria-label={t("delete", { name: template.name })} title={t("delete", { name: template.name })} onClick={() => setDialog("delete")}>
        <Trash2 aria-hidden className="size-4" />
      </button>
      <Dialog open={dialog === "rename"} onOpenChange={(open) => setDialog(open ? "rename" : null)} title={t("renameTitle")} closeLabel={t("close")}>
        <form onSubmit={rename} className="space-y-4">
          <label htmlFor={`rename-${template.id}`} className="block text-sm font-medium text-slate-700">{t("name")}</label>
          <input id={`rename-${template.id}`} name="name" defaultValue={template.name} required maxLength={120} className={inputClasses} />
          {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClasses("secondary")} onClick={() => setDialog(null)}>{t("cancel")}</button>
            <button type="submit" className={buttonClasses("primary")}>{t("save")}</button>
          </div>
        </form>
      </Dialog>
      <Dialog open={dialog === "delete"} onOpenChange={(open) => setDialog(open ? "delete" : null)} title={t("deleteTitle", { name: template.name })} description={t("deleteBody")} closeLabel={t("close")}>
        {error ? <p role="alert" className="mb-3 text-sm text-red-600">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClasses("secondary")} onClick={() => setDialog(null)}>{t("cancel")}</button>
          <button type="button" className={buttonClasses("primary", "bg-red-600 hover:bg-red-500")} onClick={async () => (await call(`/api/templates/${template.id}`, { method: "DELETE" })) && setDialog(null)}>
            {t("confirmDelete")}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
