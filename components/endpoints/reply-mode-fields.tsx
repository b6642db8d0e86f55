"use client";

import { useTranslations } from "next-intl";
import { ENDPOINT_MODES, type EndpointMode } from "@/lib/endpoints/input";
import { isRelayMode } from "@/lib/relay/target";
import { RelayTargetField, type RelayDraft } from "./relay-target-field";

export function isEndpointMode(mode: string): mode is EndpointMode {
  return (ENDPOINT_MODES as readonly string[]).includes(mode);
}

/** The reply mode and, for the modes that relay, where to: shared by the new-endpoint dialog and an endpoint's card. */
export function ReplyModeFields({ id, mode, onMode, target, onTarget, targetErrors, inputClass }: {
  id: string;
  mode: EndpointMode;
  onMode: (mode: EndpointMode) => void;
  target: RelayDraft;
  onTarget: (draft: RelayDraft) => void;
  targetErrors: readonly string[];
  inputClass: string;
}) {
  const t = useTranslations("endpoints");
  return (
    <>
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">{t("mode")}</label>
        <select id={id} name="mode" data-testid="endpoint-mode" className={inputClass} value={mode} onChange={(e) => { if (isEndpointMode(e.target.value)) onMode(e.target.value); }}>
          {ENDPOINT_MODES.map((m) => (
            <option key={m} value={m}>{t(`modes.${m}`)}</option>
          ))}
        </select>
        {isRelayMode(mode) ? <p className="mt-1 text-xs text-slate-500">{t(`relay.modeHelp.${mode}`)}</p> : null}
      </div>
      {isRelayMode(mode) ? <RelayTargetField id={`${id}-relay`} value={target} onChange={onTarget} errors={targetErrors} inputClass={inputClass} /> : null}
    </>
  );
}
