"use client";

import { useTranslations } from "next-intl";
import { smallInput } from "@/components/ui/field";
import { QQ_RESULT_CODES, qqReplySchema, type QqReply } from "@/lib/platforms/qq/reply";
import type { ReplyEditorProps } from "../types";

/** PUT /interactions/{id} {code}: the six result codes with their meanings. */
export function QqReplyEditor({ value, onChange, id }: ReplyEditorProps<QqReply>) {
  const t = useTranslations("endpoints.qq");
  const code = qqReplySchema.safeParse(value).data?.code ?? 0;
  const choose = (text: string) => {
    const parsed = qqReplySchema.safeParse({ code: Number(text) });
    if (parsed.success) onChange(parsed.data);
  };
  return (
    <select id={id} aria-label={t("resultCode")} className={smallInput} value={code} onChange={(e) => choose(e.target.value)}>
      {QQ_RESULT_CODES.map((c) => (
        <option key={c} value={c}>
          {t(`codes.${c}`)}
        </option>
      ))}
    </select>
  );
}
