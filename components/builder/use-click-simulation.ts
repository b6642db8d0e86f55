"use client";

import { useState } from "react";
import type { ClickOutcome } from "@/lib/platforms/types";
import type { SimulationOutcome } from "./simulator-target";

/**
 * A click in the preview: what the platform does, and, when an endpoint is chosen,
 * the request sent there signed as the platform signs it.
 */
export function useClickSimulation() {
  const [endpoint, setEndpoint] = useState("");
  const [result, setResult] = useState<SimulationOutcome | null>(null);
  const [click, setClick] = useState<{ outcome: ClickOutcome; label: string } | null>(null);
  /** The request last sent to an endpoint, so a panel can follow what became of it. */
  const [sent, setSent] = useState<unknown>(null);

  const run = (outcome: ClickOutcome, label: string) => {
    setClick({ outcome, label });
    setResult(null);
    if (outcome.kind !== "request" || !endpoint) return;
    setSent(outcome.payload);
    void fetch("/api/simulate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpointId: endpoint, payload: outcome.payload }) })
      .then(async (r) => r.ok && setResult((await r.json()) as SimulationOutcome));
  };

  return { endpoint, setEndpoint, result, click, run, sent };
}
