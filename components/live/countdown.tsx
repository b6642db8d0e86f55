"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Seconds left before the platform gives up waiting; ticks while it matters. */
export function Countdown({ deadline }: { deadline: string }) {
  const t = useTranslations("live");
  const [now, setNow] = useState(() => Date.now());
  const left = new Date(deadline).getTime() - now;
  useEffect(() => {
    if (left <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [left]);
  return left > 0 ? (
    <span role="timer" className="font-mono text-amber-700 tabular-nums">{t("secondsLeft", { seconds: (left / 1000).toFixed(1) })}</span>
  ) : (
    <span className="text-slate-500">{t("deadlinePassed")}</span>
  );
}
