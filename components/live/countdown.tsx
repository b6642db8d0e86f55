"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * Seconds left before the platform gives up waiting; ticks while it matters. Where the acknowledgement
 * can carry the answer (`holdUntil`, QQ ack / both), it counts that window first, then the rest of the
 * deadline, which only an API call can still meet — so a person sees which channel their answer takes.
 */
export function Countdown({ deadline, holdUntil }: { deadline: string; holdUntil?: string | null }) {
  const t = useTranslations("live");
  const [now, setNow] = useState(() => Date.now());
  const end = new Date(deadline).getTime();
  const hold = holdUntil ? Math.min(new Date(holdUntil).getTime(), end) : null;
  const left = end - now;
  useEffect(() => {
    if (left <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [left]);
  if (left <= 0) return <span className="text-slate-500">{t("deadlinePassed")}</span>;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  if (hold === null) return <span role="timer" className="font-mono text-amber-700 tabular-nums">{t("secondsLeft", { seconds: seconds(left) })}</span>;
  const inHold = now < hold;
  return (
    <span role="timer" data-channel={inHold ? "ack" : "api"} className="font-mono text-amber-700 tabular-nums">
      {inHold ? t("holdLeft", { seconds: seconds(hold - now) }) : t("apiLeft", { seconds: seconds(left) })}
      {inHold && end > hold ? <span className="ml-1 text-amber-600/80">{t("thenApi", { seconds: seconds(end - hold) })}</span> : null}
    </span>
  );
}
