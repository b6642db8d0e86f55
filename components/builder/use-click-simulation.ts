"use client";

import { useRef, useState } from "react";
import type { ClickOutcome } from "@/lib/platforms/types";
import type { SimulationOutcome } from "./simulator-target";

/**
 * A click in the preview: what the platform does, and, when an endpoint is chosen,
 * the request sent there signed as the platform signs it.
 */
export function useClickSimulation() {
  const [endpoint, setEndpointState] = useState("");
  /** Any URL (a developer's own bot server) instead of the endpoint's; signed with the endpoint's secrets. */
  const [targetUrl, setTargetUrlState] = useState("");
  const [result, setResult] = useState<SimulationOutcome | null>(null);
  const [click, setClick] = useState<{ outcome: ClickOutcome; label: string } | null>(null);
  /** The request last sent to an endpoint, so a panel can follow what became of it. */
  const [sent, setSent] = useState<unknown>(null);

  // Only the newest click's answer is shown: a slow earlier one must not overwrite it.
  const latest = useRef(0);
  // A new target makes what the old one answered (or is still answering) beside the point.
  const forget = () => {
    latest.current++;
    setResult(null);
    setSent(null);
  };
  const setEndpoint = (id: string) => {
    forget();
    setEndpointState(id);
  };
  const setTargetUrl = (url: string) => {
    forget();
    setTargetUrlState(url);
  };

  /** One request to the chosen endpoint (or URL) through the simulator; never rejects. */
  const post = (payload: unknown): Promise<SimulationOutcome> => {
    const target = targetUrl.trim();
    return fetch("/api/simulate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpointId: endpoint, payload, ...(target ? { targetUrl: target } : {}) }) })
      .then(async (r) => {
        const body = (await r.json().catch(() => null)) as (SimulationOutcome & { error?: { message?: string } }) | null;
        // An unreachable URL is a result too: say what went wrong instead of showing nothing.
        return r.ok && body ? body : { status: r.status, body: body?.error?.message ?? "", ms: 0, url: target };
      })
      .catch((error: unknown) => ({ status: 0, body: error instanceof Error ? error.message : String(error), ms: 0, url: target }));
  };

  const run = (outcome: ClickOutcome, label: string) => {
    const request = ++latest.current;
    setClick({ outcome, label });
    setResult(null);
    if (outcome.kind !== "request" || !endpoint) return setSent(null);
    setSent(outcome.payload);
    void post(outcome.payload).then((answer) => {
      if (request === latest.current) setResult(answer);
    });
  };

  // A follow-on request (a modal's submit): its answer goes to the caller, the click and its answer stay shown.
  return { endpoint, setEndpoint, targetUrl, setTargetUrl, result, click, run, sent, send: post };
}
