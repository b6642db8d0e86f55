import { clsx } from "clsx";
import type { ReactNode } from "react";

const tones = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
  qq: "bg-sky-50 text-sky-700 ring-sky-200",
  discord: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  feishu: "bg-teal-50 text-teal-700 ring-teal-200",
  easemob: "bg-orange-50 text-orange-700 ring-orange-200",
  success: "bg-emerald-50 text-emerald-700 ring-emerald-200",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={clsx("inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap", tones[tone])}>
      {children}
    </span>
  );
}
