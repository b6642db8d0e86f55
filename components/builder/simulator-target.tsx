"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Field, smallInput } from "@/components/ui/field";

export interface SimulationOutcome {
  status: number;
  body: string;
  ms: number;
  url: string;
}

/** Where simulated clicks go: one of this platform's endpoints, signed as the platform signs. */
export function SimulatorTarget({
  platform,
  value,
  onChange,
  targetUrl,
  onTargetUrl,
  result,
}: {
  platform: string;
  value: string;
  onChange: (id: string) => void;
  targetUrl: string;
  onTargetUrl: (url: string) => void;
  result: SimulationOutcome | null;
}) {
  const t = useTranslations("editor.simulator");
  const [endpoints, setEndpoints] = useState<{ id: string; name: string; platform: string }[]>([]);
  useEffect(() => {
    let live = true;
    void fetch("/api/endpoints").then(async (r) => {
      if (live && r.ok) setEndpoints(((await r.json()) as { endpoints: { id: string; name: string; platform: string }[] }).endpoints);
    });
    return () => {
      live = false;
    };
  }, []);
  const mine = endpoints.filter((e) => e.platform === platform);
  return (
    <div className="space-y-2">
      <Field id="sim-target" label={t("sendTo")} help={mine.length ? t("sendToHelp") : t("noEndpoints")}>
        <select id="sim-target" className={smallInput} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("previewOnly")}</option>
          {mine.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
        </select>
      </Field>
      {value ? (
        <Field id="sim-url" label={t("targetUrl")} help={t("targetUrlHelp")}>
          <input id="sim-url" type="url" className={`${smallInput} font-mono`} placeholder={t("targetUrlPlaceholder")} value={targetUrl} onChange={(e) => onTargetUrl(e.target.value)} />
        </Field>
      ) : null}
      {result ? (
        <p role="status" data-testid="simulation-result" className="rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs break-all text-slate-700">
          {t("result", { status: result.status, ms: result.ms, body: result.body.slice(0, 300) })}
        </p>
      ) : null}
    </div>
  );
}
