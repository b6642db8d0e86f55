"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Field, smallInput } from "@/components/ui/field";
import { QQ_DEFAULT_HOLD_MS, QQ_DEFAULT_RESULT_DELIVERY, QQ_MAX_HOLD_MS, QQ_RESULT_DELIVERIES } from "@/lib/platforms/qq/delivery";
import type { EndpointSettingsProps } from "../types";

/** Where a click's result code goes (protocols.md §8.2), with the same choices and limits the API checks. */
export function QqDeliveryFields({ values, onChange }: EndpointSettingsProps) {
  const t = useTranslations("endpoints.qq.delivery");
  const id = useId();
  const mode = QQ_RESULT_DELIVERIES.find((m) => m === values.resultDelivery) ?? QQ_DEFAULT_RESULT_DELIVERY;
  const hold = typeof values.holdMs === "number" ? values.holdMs : QQ_DEFAULT_HOLD_MS;
  return (
    <fieldset className="space-y-2" data-testid="qq-delivery">
      <legend className="text-sm font-medium text-slate-700">{t("legend")}</legend>
      <Field id={`${id}-mode`} label={t("mode")}>
        <select id={`${id}-mode`} className={smallInput} value={mode} onChange={(e) => onChange({ ...values, resultDelivery: e.target.value })}>
          {QQ_RESULT_DELIVERIES.map((m) => (
            <option key={m} value={m}>{t(`modes.${m}`)}</option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-hold`} label={t("holdMs", { max: QQ_MAX_HOLD_MS })}>
        <input
          id={`${id}-hold`}
          type="number"
          min={0}
          max={QQ_MAX_HOLD_MS}
          step={100}
          className={smallInput}
          // The PUT alone needs no hold: the acknowledgement goes at once.
          disabled={mode === "put"}
          value={hold}
          onChange={(e) => {
            const { holdMs: _dropped, ...rest } = values;
            onChange(Number.isNaN(e.target.valueAsNumber) ? rest : { ...rest, holdMs: e.target.valueAsNumber });
          }}
        />
      </Field>
      <p className="text-xs text-slate-500">{t("help")}</p>
    </fieldset>
  );
}
