"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field, smallInput } from "@/components/ui/field";
import type { ReactionSimulationResult } from "@/lib/simulator/easemob";

interface Form {
  user: string;
  messageId: string;
  reaction: string;
  op: "add" | "remove";
  from: string;
  to: string;
  channelType: string;
  targetUrl: string;
}

const START: Form = { user: "user1", messageId: "msg-1", reaction: "👍", op: "add", from: "user1", to: "user2", channelType: "", targetUrl: "" };

/** Acts as a user reacting to a message: the platform's callback goes to this endpoint or any URL. */
export function SimulatorPanel({ endpointId, channelTypes }: { endpointId: string; channelTypes: readonly string[] }) {
  const t = useTranslations("reactions.simulator");
  const [form, setForm] = useState<Form>({ ...START, channelType: channelTypes[0] ?? "" });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReactionSimulationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { targetUrl, from, to, channelType, ...rest } = form;
      // From and To are optional: left empty, the simulator uses its defaults.
      const optional = { ...(from.trim() ? { from: from.trim() } : {}), ...(to.trim() ? { to: to.trim() } : {}) };
      const response = await fetch("/api/simulator/easemob", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...rest, ...optional, ...(channelType ? { channelType } : {}), endpointId, ...(targetUrl.trim() ? { targetUrl: targetUrl.trim() } : {}) }),
      });
      const body = (await response.json()) as ReactionSimulationResult & { error?: { message: string } };
      if (response.ok) setResult(body);
      else {
        setResult(null);
        setError(body.error?.message ?? String(response.status));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: "user" | "messageId" | "reaction" | "from" | "to", mono = true) => (
    <Field id={`sim-${key}`} label={t(key)}>
      <input id={`sim-${key}`} className={`${smallInput} ${mono ? "font-mono" : ""}`} value={form[key]} onChange={(e) => set(key, e.target.value)} autoComplete="off" required={key !== "from" && key !== "to"} />
    </Field>
  );

  return (
    <section aria-labelledby="sim-title" className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="sim-title" className="text-sm font-semibold text-slate-900">{t("title")}</h2>
      <p className="mt-1 text-xs text-slate-600">{t("help")}</p>
      <form onSubmit={(e) => void submit(e)} className="mt-3 space-y-3">
        <div className="grid grid-cols-2 gap-3">
          {text("user")}
          {text("reaction", false)}
        </div>
        {text("messageId")}
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="sr-only">{t("op")}</legend>
          {(["add", "remove"] as const).map((op) => (
            <label key={op} className="flex items-center gap-1.5">
              <input type="radio" name="sim-op" value={op} checked={form.op === op} onChange={() => set("op", op)} />
              {t(`ops.${op}`)}
            </label>
          ))}
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          {text("from")}
          {text("to")}
        </div>
        <Field id="sim-channelType" label={t("channelType")}>
          <select id="sim-channelType" className={smallInput} value={form.channelType} onChange={(e) => set("channelType", e.target.value)}>
            {channelTypes.map((type) => (
              <option key={type} value={type}>{t.has(`channelTypes.${type}` as "channelTypes.chat") ? t(`channelTypes.${type}` as "channelTypes.chat") : type}</option>
            ))}
          </select>
        </Field>
        <Field id="sim-targetUrl" label={t("targetUrl")} help={t("targetUrlHelp")}>
          <input id="sim-targetUrl" type="url" className={smallInput} value={form.targetUrl} placeholder={t("targetUrlPlaceholder")} onChange={(e) => set("targetUrl", e.target.value)} autoComplete="off" />
        </Field>
        <button type="submit" className={buttonClasses("primary", "w-full")} disabled={busy}>
          {busy ? t("sending") : t("send")}
        </button>
      </form>
      {error ? <p role="alert" className="mt-3 text-sm break-words text-red-700">{error}</p> : null}
      {result ? <SimulationResult result={result} /> : null}
    </section>
  );
}

function SimulationResult({ result }: { result: ReactionSimulationResult }) {
  const t = useTranslations("reactions.simulator");
  return (
    <div data-testid="easemob-simulation-result" role="status" className="mt-3 space-y-2 rounded-lg bg-slate-50 p-3 text-xs">
      <p className={result.delivered ? "font-semibold text-emerald-700" : "font-semibold text-red-700"}>
        {result.delivered ? t("delivered") : t("dropped")}
      </p>
      <p className="break-all text-slate-600">{result.url}</p>
      <ol className="space-y-1">
        {result.attempts.map((a, i) => (
          <li key={i} className="space-y-0.5">
            <p className="text-slate-800">
              {a.status === null ? t("attemptFailed", { n: i + 1, ms: a.ms, error: a.error ?? "" }) : t("attempt", { n: i + 1, status: a.status, ms: a.ms })}
            </p>
            {a.bodyTooLong ? <p className="text-amber-700">{t("bodyTooLong", { chars: a.bodyChars })}</p> : null}
            {a.body ? <pre className="max-h-24 overflow-auto rounded bg-white p-1.5 break-all whitespace-pre-wrap text-slate-700">{a.body}</pre> : null}
          </li>
        ))}
      </ol>
      <details>
        <summary className="cursor-pointer text-slate-600">{t("request")}</summary>
        <pre className="mt-1 max-h-64 overflow-auto rounded bg-white p-1.5 break-all whitespace-pre-wrap text-slate-700">{JSON.stringify(result.request, null, 2)}</pre>
      </details>
    </div>
  );
}
