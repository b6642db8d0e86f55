"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, smallInput } from "@/components/ui/field";
import { isRecord } from "@/lib/platforms/issues";
import { FEISHU_CHART_ASPECT_RATIOS, FEISHU_CHART_COLOR_THEMES } from "@/lib/platforms/feishu/limits";
import { useDraft } from "./feishu-draft";
import { str } from "./feishu-fields";
import type { SectionProps } from "./feishu-inspector-common";

/** VChart series types the Feishu chart page shows examples of; a spec with another type keeps it. */
const CHART_TYPES = ["line", "area", "bar", "pie", "common", "funnel", "scatter", "radar", "wordCloud"] as const;

function parseSpec(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** A chart: its type and look, and the whole VChart chart_spec as JSON, applied while it parses. */
export function ChartSection({ kit, element }: SectionProps) {
  const t = useTranslations("editor.feishu");
  const spec = isRecord(element.chart_spec) ? element.chart_spec : {};
  const [draft, setDraft] = useDraft(spec, (s) => JSON.stringify(s, null, 2), (d, s) => JSON.stringify(parseSpec(d)) === JSON.stringify(s));
  const [parseError, setParseError] = useState<string | null>(null);
  const type = str(spec.type);
  const types: readonly string[] = type && !(CHART_TYPES as readonly string[]).includes(type) ? [...CHART_TYPES, type] : CHART_TYPES;
  const specId = kit.id("chart_spec");

  return (
    <>
      <Field id={kit.id("chart_spec.type")} label={t("inspector.chartType")} help={t("inspector.chartTypeHelp")} error={kit.errorAt("chart_spec.type")}>
        <select id={kit.id("chart_spec.type")} className={smallInput} value={type} onChange={(e) => kit.set("chart_spec.type", e.target.value === "" ? undefined : e.target.value)}>
          <option value="">{t("unset")}</option>
          {types.map((o) => <option key={o} value={o}>{t.has(`inspector.chartTypes.${o}`) ? t(`inspector.chartTypes.${o}`) : o}</option>)}
        </select>
      </Field>
      <Field id={specId} label={t("inspector.chartSpec")} help={t("inspector.chartSpecHelp")} error={parseError ?? kit.errorAt("chart_spec")}>
        <textarea
          id={specId}
          rows={10}
          spellCheck={false}
          className={`${smallInput} font-mono text-xs`}
          value={draft}
          aria-invalid={parseError || kit.errorAt("chart_spec") ? true : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            const parsed = parseSpec(e.target.value);
            if (!parsed) {
              setParseError(isJson(e.target.value) ? t("inspector.chartSpecNotObject") : t("inspector.chartSpecInvalid"));
              return;
            }
            setParseError(null);
            kit.set("chart_spec", parsed);
          }}
        />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        {kit.choice("aspect_ratio", t("inspector.aspectRatio"), FEISHU_CHART_ASPECT_RATIOS, (o) => o, { empty: t("unset") })}
        {kit.choice("color_theme", t("inspector.colorTheme"), FEISHU_CHART_COLOR_THEMES, (o) => t(`inspector.colorThemes.${o}`), { empty: t("defaultValue", { value: "brand" }) })}
      </div>
      {kit.text("height", t("inspector.height"), t("inspector.chartHeightHelp"), { mono: true })}
      {kit.flag("preview", t("inspector.chartPreview"), t("inspector.chartPreviewHelp"), { defaultOn: true })}
    </>
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
