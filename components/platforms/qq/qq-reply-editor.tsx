"use client";

import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { QQ_RESULT_CODES } from "@/lib/platforms/qq/reply";
import type { ReplyEditorProps } from "../types";

/** PUT /interactions/{id} {code}: the six result codes with their meanings. */
export function QqReplyEditor({ value, onChange, id }: ReplyEditorProps) {
  const t = useTranslations("endpoints.qq");
  const code = typeof (value as { code?: unknown } | null)?.code === "number" ? (value as { code: number }).code : 0;
  return (
    <select id={id} aria-label={t("resultCode")} className={smallInput} value={code} onChange={(e) => onChange({ code: Number(e.target.value) })}>
      {QQ_RESULT_CODES.map((c) => (
        <option key={c} value={c}>
          {t(`codes.${c}`)}
        </option>
      ))}
    </select>
  );
}
