"use client";

import { useTranslations } from "next-intl";
import { Field, smallInput } from "@/components/ui/field";
import type { SecretsFieldsProps } from "../types";

export function EasemobSecretsFields({ onChange, values }: SecretsFieldsProps) {
  const t = useTranslations("endpoints.easemob");
  return (
    <>
      <Field id="secret-appKey" label={t("appKey")} help={t("appKeyHelp")}>
        <input id="secret-appKey" className={`${smallInput} font-mono`} value={values.appKey ?? ""} placeholder={t("appKeyPlaceholder")} onChange={(e) => onChange({ ...values, appKey: e.target.value })} autoComplete="off" />
      </Field>
      <Field id="secret-secret" label={t("secret")} help={t("secretHelp")}>
        <input id="secret-secret" type="password" className={`${smallInput} font-mono`} value={values.secret ?? ""} onChange={(e) => onChange({ ...values, secret: e.target.value })} autoComplete="new-password" />
      </Field>
    </>
  );
}
