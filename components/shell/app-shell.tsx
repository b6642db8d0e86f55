import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export async function AppShell({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  const items = [
    { href: "/templates", label: t("nav.templates") },
    { href: "/endpoints", label: t("nav.endpoints") },
    { href: "/live", label: t("nav.live") },
    { href: "/reactions", label: t("nav.reactions") },
    { href: "/settings", label: t("nav.settings") },
  ];
  return (
    <div className="min-h-screen md:flex">
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-60 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-3 px-4 py-3 md:px-5 md:py-5">
          <Link href="/templates" className="flex items-center gap-2 font-semibold text-slate-900">
            <img src="/icon.svg" alt="" className="size-7" />
            <span>{t("app.name")}</span>
          </Link>
          <div className="flex items-center gap-1 md:hidden">
            <LocaleSwitcher />
            <SignOutButton label={t("nav.signOut")} failedLabel={t("nav.signOutFailed")} />
          </div>
        </div>
        <div className="px-2 pb-2 md:px-3">
          <NavLinks items={items} label={t("nav.label")} />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="hidden items-center justify-end gap-3 border-b border-slate-200 bg-white/80 px-8 py-3 backdrop-blur md:flex">
          <LocaleSwitcher />
          <SignOutButton label={t("nav.signOut")} failedLabel={t("nav.signOutFailed")} />
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6 md:px-8 md:py-8">{children}</main>
      </div>
    </div>
  );
}
