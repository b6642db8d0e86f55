"use client";

import { useTranslations } from "next-intl";
import { Field, smallInput } from "@/components/ui/field";
import type { SecretsFieldsProps } from "../types";

export function QqSecretsFields({ onChange, values }: SecretsFieldsProps) {
  const t = useTranslations("endpoints.qq");
  return (
    <>
      <Field id="secret-appId" label={t("appId")}>
        <input id="secret-appId" className={`${smallInput} font-mono`} value={values.appId ?? ""} onChange={(e) => onChange({ ...values, appId: e.target.value })} autoComplete="off" />
      </Field>
      <Field id="secret-secret" label={t("secret")} help={t("secretHelp")}>
        <input id="secret-secret" type="password" className={`${smallInput} font-mono`} value={values.secret ?? ""} onChange={(e) => onChange({ ...values, secret: e.target.value })} autoComplete="new-password" />
      </Field>
    </>
  );
}
