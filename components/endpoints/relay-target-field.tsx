"use client";

import { useTranslations } from "next-intl";
import { TUNNEL_TARGET } from "@/lib/relay/target";

/** The form's relay target: which kind, and the URL typed (kept while the tunnel is picked, so switching back loses nothing). */
export interface RelayDraft {
  kind: "url" | "tunnel";
  url: string;
}

export function relayDraftOf(target: string | null): RelayDraft {
  return target === TUNNEL_TARGET ? { kind: "tunnel", url: "" } : { kind: "url", url: target ?? "" };
}

/** What the endpoints API takes as `relayTarget`; the URL goes as typed (trimmed), and the API says what is wrong with it. */
export function relayTargetOf(draft: RelayDraft): string {
  return draft.kind === "tunnel" ? TUNNEL_TARGET : draft.url.trim();
}

/**
 * Where a relay endpoint sends callbacks: a URL, or the tunnel of the `button-studio relay` CLI. The URL is a text
 * input, not type="url": the API's refusal (in the page's language, naming relayTarget) is shown here instead of
 * the browser's own bubble, and it also refuses what a browser accepts (ftp:, a user and password).
 */
export function RelayTargetField({ id, value, onChange, errors, inputClass }: { id: string; value: RelayDraft; onChange: (draft: RelayDraft) => void; errors: readonly string[]; inputClass: string }) {
  const t = useTranslations("endpoints.relay");
  const option = (kind: RelayDraft["kind"], label: string) => (
    <label className={`flex cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm ${value.kind === kind ? "border-indigo-500 bg-indigo-50 text-indigo-700" : "border-slate-300"}`}>
      <input type="radio" name={`${id}-kind`} value={kind} data-testid={`relay-kind-${kind}`} checked={value.kind === kind} onChange={() => onChange({ ...value, kind })} />
      {label}
    </label>
  );
  return (
    <fieldset data-testid="relay-target-field" aria-describedby={errors.length > 0 ? `${id}-error` : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("target")}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {option("url", t("url"))}
        {option("tunnel", t("tunnel"))}
      </div>
      {value.kind === "url" ? (
        <div className="mt-2">
          <label htmlFor={`${id}-url`} className="sr-only">{t("urlLabel")}</label>
          <input
            id={`${id}-url`}
            data-testid="relay-target-url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} font-mono`}
            placeholder={t("urlPlaceholder")}
            aria-invalid={errors.length > 0 || undefined}
            value={value.url}
            onChange={(e) => onChange({ ...value, url: e.target.value })}
          />
        </div>
      ) : null}
      {errors.length > 0 ? (
        <p id={`${id}-error`} role="alert" data-testid="relay-target-error" className="mt-1 text-xs text-red-600">{errors.join(" ")}</p>
      ) : null}
      <p className="mt-1 text-xs text-slate-500">{value.kind === "url" ? t("urlHelp") : t("tunnelHelp")}</p>
    </fieldset>
  );
}
