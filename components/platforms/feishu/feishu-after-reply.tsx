"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { AfterReplyProps } from "../types";
import { FeishuPreview } from "./feishu-preview";

const POLL_MS = 1500;
/** Feishu allows 2 updates per token within 30 minutes: after both, or after a while, nothing more can change. */
const MAX_UPDATES = 2;
const POLL_FOR_MS = 10 * 60 * 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The card a `{card: {type: "raw", data}}` answer carries, if any. */
function cardOfResponse(response: string | null): unknown {
  if (!response) return null;
  try {
    const body: unknown = JSON.parse(response);
    return isRecord(body) && isRecord(body.card) && body.card.type === "raw" ? body.card.data : null;
  } catch {
    return null;
  }
}

/**
 * The card in the chat after a simulated click: the one the callback's answer carried, replaced
 * by any later update the simulator received for the click's token (POST card/update).
 */
export function FeishuAfterReply({ request, response, tree }: AfterReplyProps) {
  const t = useTranslations("editor.feishu.afterReply");
  const token = isRecord(request) && isRecord(request.event) && typeof request.event.token === "string" ? request.event.token : "";
  const [updated, setUpdated] = useState<{ card: unknown; count: number } | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    const started = Date.now();
    const stop = () => clearInterval(timer);
    const poll = async () => {
      const r = await fetch("/api/simulator/calls").catch(() => null);
      if (!live || !r?.ok) return;
      // The simulator's own view (lib/platforms/feishu/simulator-api.ts `cards`); an answer without it shows no update.
      const body: unknown = await r.json().catch(() => null);
      const cards: unknown[] = isRecord(body) && Array.isArray(body.cards) ? body.cards : [];
      const mine = cards.filter((c) => isRecord(c) && c.token === token).map((c) => (isRecord(c) ? c.card : null));
      setUpdated(mine.length ? { card: mine.at(-1), count: mine.length } : null);
      if (mine.length >= MAX_UPDATES || Date.now() - started > POLL_FOR_MS) stop();
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      live = false;
      stop();
    };
  }, [token]);
  // A new click (another token) starts from its own answer, not the previous click's updates.
  const [shownFor, setShownFor] = useState(token);
  if (shownFor !== token) {
    setShownFor(token);
    setUpdated(null);
  }

  const card = updated?.card ?? cardOfResponse(response);
  if (!card) return null;
  return (
    <section aria-label={t("title")} data-testid="feishu-after-reply" className="space-y-1">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("title")}</h3>
      <p className="text-xs text-slate-500">{updated ? t("fromUpdate", { count: updated.count }) : t("fromResponse")}</p>
      <FeishuPreview layout={card} tree={tree} onClick={() => undefined} />
    </section>
  );
}
