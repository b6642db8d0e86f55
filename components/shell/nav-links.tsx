"use client";

import { clsx } from "clsx";
import { Activity, LayoutTemplate, Settings, SmilePlus, Webhook, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

const icons: Record<string, LucideIcon> = {
  "/templates": LayoutTemplate,
  "/endpoints": Webhook,
  "/live": Activity,
  "/reactions": SmilePlus,
  "/settings": Settings,
};

export interface NavItem {
  href: string;
  label: string;
}

/** Client only for the active-page highlight; labels arrive translated from the server. */
export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="grid grid-cols-5 gap-1 md:flex md:flex-col">
      {items.map((item) => {
        const Icon = icons[item.href] ?? LayoutTemplate;
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "flex flex-col items-center gap-1 rounded-lg px-1 py-1.5 text-xs font-medium whitespace-nowrap transition-colors md:flex-row md:gap-2.5 md:px-3 md:py-2 md:text-sm",
              active ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            <Icon aria-hidden className="size-4 shrink-0" />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
