"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useDescribeIssues } from "@/components/builder/use-describe-issues";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field, smallInput } from "@/components/ui/field";
import { issuesFromZod, WITH_INPUT } from "@/lib/platforms/issues";
import { retentionInput, type RetentionInput, type RetentionLimit, type RetentionView } from "@/lib/settings/retention-input";
import { SettingRow } from "./setting-row";

const LIMITS: readonly { limit: RetentionLimit; env: string; id: string }[] = [
  { limit: "days", env: "RETENTION_DAYS", id: "retention-days" },
  { limit: "maxPerEndpoint", env: "RETENTION_MAX_PER_ENDPOINT", id: "retention-max" },
];

const asText = (value: number | null) => (value === null ? "" : String(value));
/** Empty is no limit; anything else goes to the schema as a number (NaN included), which says what is wrong. */
const asValue = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

/**
 * The retention limits (PUT /api/settings/retention), checked here with the API's own schema; a limit the
 * environment fixes is shown read-only with the variable's name. Below them, what is never removed and
 * what the last background run did.
 */
export function RetentionSettings({ initial, minAgeMinutes }: { initial: RetentionView; minAgeMinutes: number }) {
  const t = useTranslations("settings.retention");
  const format = useFormatter();
  const locale = useLocale();
  const describe = useDescribeIssues();
  const [view, setView] = useState(initial);
  const [texts, setTexts] = useState({ days: asText(initial.stored.days), maxPerEndpoint: asText(initial.stored.maxPerEndpoint) });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const [failure, setFailure] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    // A limit the environment fixes is left out: its stored value stays as it was.
    const input: Record<string, unknown> = {};
    for (const { limit } of LIMITS) if (!view.fromEnv[limit]) input[limit] = asValue(texts[limit]);
    const checked = retentionInput.safeParse(input, WITH_INPUT);
    if (!checked.success) {
      setErrors(Object.fromEntries(describe(issuesFromZod(checked.error)).map((issue) => [issue.path, issue.message])));
      setStatus("idle");
      return;
    }
    setErrors({});
    setStatus("saving");
    const response = await fetch("/api/settings/retention", { method: "PUT", headers: { "content-type": "application/json", "accept-language": locale }, body: JSON.stringify(checked.data satisfies RetentionInput) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as (RetentionView & { error?: { message?: string; issues?: { path: string; message: string }[] } }) | null;
    if (!response?.ok || !body) {
      const issues = body?.error?.issues ?? [];
      setErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));
      setFailure(issues.length > 0 ? null : (body?.error?.message ?? t("saveFailed")));
      setStatus("failed");
      return;
    }
    setView(body);
    setFailure(null);
    setStatus("saved");
  }

  const [running, setRunning] = useState(false);
  async function runNow() {
    setRunning(true);
    const response = await fetch("/api/settings/retention/run", { method: "POST", headers: { "accept-language": locale } }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as (RetentionView & { error?: { message?: string } }) | null;
    setRunning(false);
    if (response?.ok && body) {
      setView(body);
      setFailure(null);
    } else setFailure(body?.error?.message ?? t("runFailed"));
  }

  const run = view.lastRun;
  const time = run ? format.dateTime(new Date(run.at), { dateStyle: "medium", timeStyle: "medium" }) : "";
  return (
    <>
      <SettingRow label={t("limits")}>
        <form className="max-w-sm space-y-3" noValidate onSubmit={(event) => void save(event)}>
          {LIMITS.map(({ limit, env, id }) => {
            const fixed = view.fromEnv[limit];
            return (
              <Field key={limit} id={id} label={t(limit)} error={errors[limit]} help={fixed ? t("fromEnv", { name: env }) : t(`${limit}Help`)}>
                <input
                  id={id}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  className={smallInput}
                  placeholder={t("noLimit")}
                  disabled={fixed}
                  value={fixed ? asText(view.effective[limit]) : texts[limit]}
                  aria-invalid={errors[limit] ? true : undefined}
                  aria-describedby={`${id}-${errors[limit] ? "error" : "help"}`}
                  onChange={(event) => {
                    setTexts({ ...texts, [limit]: event.target.value });
                    setStatus("idle");
                  }}
                />
              </Field>
            );
          })}
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonClasses("secondary", "py-1.5")} disabled={status === "saving" || (view.fromEnv.days && view.fromEnv.maxPerEndpoint)}>
              {t("save")}
            </button>
            <span role="status" className="text-xs text-slate-600">
              {status === "saved" ? t("saved") : null}
            </span>
          </div>
          {failure ? <p role="alert" className="text-xs text-red-700">{failure}</p> : null}
        </form>
      </SettingRow>
      <SettingRow label={t("kept")}>{t("keptText", { minutes: minAgeMinutes })}</SettingRow>
      <SettingRow label={t("lastRun")}>
        <div className="flex flex-wrap items-center gap-3">
          <span data-testid="retention-last-run">
            {!run ? t("neverRun") : run.error ? t("lastRunFailed", { time, removed: run.removed, error: run.error }) : t("lastRunText", { time, removed: run.removed, byAge: run.byAge, byCap: run.byCap })}
          </span>
          <button type="button" className={buttonClasses("secondary", "py-1")} disabled={running} onClick={() => void runNow()}>
            {t("runNow")}
          </button>
        </div>
      </SettingRow>
    </>
  );
}
