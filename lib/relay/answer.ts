import "server-only";
import { parseStorableJson } from "@/lib/http/json-safety";
import type { InboundAdapter, ParsedEvent } from "@/lib/platforms/inbound";
import { issuesFromZod, WITH_INPUT } from "@/lib/platforms/issues";
import type { RuleIssue } from "@/lib/platforms/types";
import type { ForwardResult } from "./forward";

/**
 * Why a bot's answer is not the reply, in codes (never English) for /live to explain: the forward failed
 * (timeout, unreachable, too_large), the bot said no (status: not 2xx), the body is empty or no JSON, the platform
 * would refuse it (schema: catalogue issues with paths into the bot's body), or it cannot answer this
 * kind of interaction (unfit: Discord's 6 and 7 answer components only).
 */
export type RelayRefusal =
  | { code: "timeout" | "unreachable"; ms: number }
  | { code: "too_large" | "status"; status: number; ms: number }
  | { code: "empty" | "invalid_json"; status: number; ms: number }
  | { code: "schema"; status: number; ms: number; issues: RuleIssue[] }
  | { code: "unfit"; status: number; ms: number };

export type RelayAnswer<R> = { ok: true; reply: R; status: number; ms: number } | { ok: false; reason: RelayRefusal };

/**
 * The bot's HTTP answer read as the platform's reply: only an answer the platform would accept is one,
 * so an invalid one never reaches the platform (the fallback goes instead, and /live shows this reason).
 * `kind` (when known) also checks that the reply may answer that kind of interaction.
 */
export function readBotAnswer<R>(adapter: Pick<InboundAdapter<unknown, R>, "replySchema" | "relayAnswerSchema" | "replyFits">, result: ForwardResult, kind?: ParsedEvent["kind"]): RelayAnswer<R> {
  if ("error" in result) {
    return { ok: false, reason: result.error === "too_large" ? { code: "too_large", status: result.status, ms: result.ms } : { code: result.error, ms: result.ms } };
  }
  const { status, ms } = result;
  if (status < 200 || status > 299) return { ok: false, reason: { code: "status", status, ms } };
  // json-safety: never throws, and refuses what could not be stored or sent on (deep nesting, lone surrogates).
  const empty = result.body.trim() === "";
  const json = empty ? null : parseStorableJson(result.body);
  // An empty or non-JSON body is checked as no value at all: a platform that reads no body (Easemob) takes it.
  const parsed = (adapter.relayAnswerSchema ?? adapter.replySchema).safeParse(json?.ok ? json.value : undefined, WITH_INPUT);
  if (!parsed.success) {
    if (!json) return { ok: false, reason: { code: "empty", status, ms } };
    return { ok: false, reason: json.ok ? { code: "schema", status, ms, issues: issuesFromZod(parsed.error) } : { code: "invalid_json", status, ms } };
  }
  if (kind !== undefined && !adapter.replyFits(kind, parsed.data)) return { ok: false, reason: { code: "unfit", status, ms } };
  return { ok: true, reply: parsed.data, status, ms };
}
