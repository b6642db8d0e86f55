"use client";

import { diffLines } from "diff";
import { clsx } from "clsx";
import { RotateCcw } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import type { Snapshot } from "@/lib/builder/editor-state";
import { summarizeLayout } from "@/lib/platforms/summarize";
import { layoutOf } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import type { VersionView } from "@/lib/templates/view";

const pretty = (v: VersionView) => JSON.stringify({ name: v.name, text: v.text, layout: v.layout }, null, 2);

/** Every saved version, a line diff of any two, and restore (which saves a new version). */
export function VersionsPanel({ templateId, platform, onRestore }: { templateId: string; platform: PlatformId; onRestore: (snapshot: Snapshot) => void }) {
  const t = useTranslations("editor.history");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [compare, setCompare] = useState<number[]>([]);

  useEffect(() => {
    let live = true;
    void fetch(`/api/templates/${templateId}/versions`)
      .then((r) => r.json())
      .then((body: { versions: VersionView[] }) => {
        if (!live) return;
        setVersions(body.versions);
        setCompare(body.versions.slice(0, 2).map((v) => v.version).reverse());
      });
    return () => {
      live = false;
    };
  }, [templateId]);

  const diff = useMemo(() => {
    const [a, b] = compare.map((n) => versions?.find((v) => v.version === n));
    return a && b ? diffLines(pretty(a), pretty(b)) : null;
  }, [compare, versions]);

  if (!versions) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  const toggle = (n: number) => setCompare((c) => (c.includes(n) ? c.filter((x) => x !== n) : [...c, n].slice(-2)).sort((x, y) => x - y));

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label={t("label")}>
        {versions.map((v) => {
          // Each version in its own kind's terms: a version from before a kind switch is counted as what it was.
          const adapter = layoutOf(platform, v.layout);
          const size = summarizeLayout(adapter, v.layout);
          return (
            <li key={v.version} className="flex items-center gap-3 px-3 py-2 text-sm">
              <input type="checkbox" aria-label={t("compare", { version: v.version })} checked={compare.includes(v.version)} onChange={() => toggle(v.version)} />
              <div className="min-w-0 flex-1">
                <div className="font-medium text-slate-800">
                  {t("version", { version: v.version })} <span className="font-normal text-slate-500">· {v.name}</span>
                </div>
                <div className="text-xs text-slate-500">
                  <time dateTime={v.createdAt}>{format.relativeTime(new Date(v.createdAt), now)}</time> · {adapter.tree ? t("sizeTree", { count: size.controls }) : t("size", { rows: size.rows, controls: size.controls })}
                </div>
              </div>
              {v.version !== versions[0]?.version ? (
                <button type="button" className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50" onClick={() => onRestore({ name: v.name, text: v.text, layout: v.layout })}>
                  <RotateCcw aria-hidden className="size-3.5" />
                  {t("restore", { version: v.version })}
                </button>
              ) : (
                <span className="text-xs text-slate-400">{t("current")}</span>
              )}
            </li>
          );
        })}
      </ul>
      {diff ? (
        <section aria-label={t("diff", { a: compare[0] ?? 0, b: compare[1] ?? 0 })}>
          <h3 className="mb-1.5 text-xs font-medium text-slate-600">{t("diff", { a: compare[0] ?? 0, b: compare[1] ?? 0 })}</h3>
          <pre className="max-h-80 overflow-auto rounded-lg border border-slate-200 bg-slate-50 py-2 font-mono text-xs">
            {diff.map((part, i) =>
              part.value.split("\n").filter((line, j, all) => j < all.length - 1 || line).map((line, j) => (
                <div key={`${i}-${j}`} className={clsx("px-3", part.added && "bg-emerald-100 text-emerald-900", part.removed && "bg-red-100 text-red-900")}>
                  {part.added ? "+ " : part.removed ? "- " : "  "}
                  {line}
                </div>
              )),
            )}
          </pre>
        </section>
      ) : (
        <p className="text-xs text-slate-500">{t("pickTwo")}</p>
      )}
    </div>
  );
}
