"use client";

import { useTranslations } from "next-intl";
import { Field, smallInput } from "@/components/ui/field";
import type { SecretsFieldsProps } from "../types";

const FIELDS = [
  { key: "appId", secret: false, help: false },
  { key: "appSecret", secret: true, help: true },
  { key: "verificationToken", secret: true, help: true },
  { key: "encryptKey", secret: true, help: true },
] as const;

/** App ID and App Secret (credentials page), Verification Token and Encrypt Key (events & callbacks → encryption). */
export function FeishuSecretsFields({ onChange, values }: SecretsFieldsProps) {
  const t = useTranslations("endpoints.feishu");
  return (
    <>
      {FIELDS.map(({ key, secret, help }) => (
        <Field key={key} id={`secret-${key}`} label={t(key)} help={help ? t(`${key}Help`) : undefined}>
          <input
            id={`secret-${key}`}
            type={secret ? "password" : "text"}
            className={`${smallInput} font-mono`}
            value={values[key] ?? ""}
            onChange={(e) => onChange({ ...values, [key]: e.target.value })}
            autoComplete={secret ? "new-password" : "off"}
          />
        </Field>
      ))}
    </>
  );
}
