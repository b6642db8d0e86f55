"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { SimulationOutcome } from "@/components/builder/simulator-target";
import { isRecord } from "@/lib/platforms/issues";
import { discordModalTree } from "@/lib/platforms/discord/modal/tree";
import type { GridAfterReplyProps } from "../types";
import { DiscordModalPreview } from "./discord-modal-preview";
import { isModalSubmit, modalOfAnswer, modalSubmitAfter } from "./discord-modal-submit";

/**
 * After a simulated click: when the endpoint answered `{type: 9, data}`, the modal Discord opens, to be
 * filled in; its Submit sends the MODAL_SUBMIT Discord would send to the same endpoint, and the answer
 * shows below. Other answers change nothing here (the click's answer shows in the simulator target).
 */
export function DiscordAfterReply({ request, response, send }: GridAfterReplyProps) {
  const t = useTranslations("editor.discordAfterReply");
  // The submit's answer belongs to the click whose modal was submitted: a new click shows none of it.
  const [sent, setSent] = useState<{ after: unknown; answer: SimulationOutcome | null } | null>(null);
  // Only the newest submit's answer shows (a slow earlier one must not overwrite it).
  const latest = useRef(0);
  const answer = sent && sent.after === request ? sent.answer : undefined;

  const modal = modalOfAnswer(response);
  if (!modal) return null;
  if (isModalSubmit(request)) return <p role="alert" className="text-xs text-red-700">{t("notForSubmit")}</p>;

  const submit = (formValue: Record<string, unknown>) => {
    const payload = modalSubmitAfter(request, modal, formValue);
    if (!payload) return;
    const mine = ++latest.current;
    setSent({ after: request, answer: null });
    void send(payload).then((outcome) => {
      if (mine === latest.current) setSent({ after: request, answer: outcome });
    });
  };
  return (
    <section aria-label={t("title")} data-testid="discord-after-reply" className="space-y-2">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("title")}</h3>
      <p className="text-xs text-slate-500">{t("help")}</p>
      {/* Keyed by the click: another click's modal starts empty. */}
      <DiscordModalPreview key={isRecord(request) && typeof request.id === "string" ? request.id : response} layout={modal} tree={discordModalTree} onClick={(_path, input) => submit(input.formValue ?? {})} />
      {answer === null ? <p role="status" className="text-xs text-slate-500">{t("sending")}</p> : null}
      {answer ? (
        <div role="status" aria-label={t("answerTitle")} data-testid="discord-submit-answer" className="space-y-1 rounded-md bg-slate-100 px-2 py-1.5 text-xs text-slate-700">
          <p className="font-medium">{t("answerTitle")}</p>
          <p>{t("status", { status: answer.status, ms: answer.ms })}</p>
          <pre className="font-mono break-all whitespace-pre-wrap">{answer.body || t("emptyBody")}</pre>
        </div>
      ) : null}
    </section>
  );
}
