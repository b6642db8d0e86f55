"use client";

import { useTranslations } from "next-intl";
import { Field, smallInput } from "@/components/ui/field";
import { isRecord } from "@/lib/platforms/issues";
import type { SecretsFieldsProps } from "../types";

export function DiscordSecretsFields({ onChange, values }: SecretsFieldsProps) {
  const t = useTranslations("endpoints.discord");
  const fillSimulatorKey = async () => {
    // Offline or not the expected answer: the field stays as it is, and the button can be pressed again.
    const response = await fetch("/api/simulate/discord-key").catch(() => null);
    const body: unknown = response?.ok ? await response.json().catch(() => null) : null;
    if (isRecord(body) && typeof body.publicKey === "string") onChange({ ...values, publicKey: body.publicKey });
  };
  return (
    <>
      <Field id="secret-publicKey" label={t("publicKey")} help={t("publicKeyHelp")}>
        <div className="flex gap-2">
          <input id="secret-publicKey" className={`${smallInput} font-mono`} value={values.publicKey ?? ""} onChange={(e) => onChange({ ...values, publicKey: e.target.value })} autoComplete="off" />
          <button type="button" className="shrink-0 rounded-md border border-slate-300 px-2 text-xs text-slate-700 hover:bg-slate-50" onClick={() => void fillSimulatorKey()}>
            {t("useSimulatorKey")}
          </button>
        </div>
      </Field>
      <Field id="secret-botToken" label={t("botToken")} help={t("botTokenHelp")}>
        <input id="secret-botToken" type="password" className={`${smallInput} font-mono`} value={values.botToken ?? ""} onChange={(e) => onChange({ ...values, botToken: e.target.value })} autoComplete="new-password" />
      </Field>
    </>
  );
}
