import "server-only";
import { z } from "zod";
import { parseStorableJson } from "@/lib/http/json-safety";
import { ruleMatchSchema, type RuleMatch } from "@/lib/interactions/rules";
import { remember } from "@/lib/process/remember";
import { ENDPOINT_MODES, type EndpointMode } from "./input";

/**
 * An endpoint's fallback, rules and mode as stored (JSON text), read back through their schemas:
 * the platform's reply schema and the rule schema. A row written before a schema tightened (or
 * edited by hand) may no longer parse; the callback path must still answer, so what does not parse
 * is left out and the platform's default answers instead (see readLiveConfig).
 */
export type Read<T> = { ok: true; value: T } | { ok: false; raw: unknown; problem: string };

/** JSON text read with a schema; never throws. `raw` is the value when it was JSON at all. */
export function readStored<T>(schema: z.ZodType<T>, text: string): Read<T> {
  const json = parseStorableJson(text);
  if (!json.ok) return { ok: false, raw: null, problem: json.problem };
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, raw: json.value, problem: `${first?.path.join(".") || "(root)"}: ${first?.code ?? "invalid"}` };
}

interface StoredRow {
  id: string;
  mode: string;
  fallback: string;
  rules: { id: string; match: string; reply: string }[];
}

export interface LiveConfig {
  mode: EndpointMode;
  /** null: the platform's default fallback for each kind of event. */
  fallback: unknown | null;
  rules: { id: string; match: RuleMatch; reply: unknown }[];
}

const modeSchema = z.enum(ENDPOINT_MODES);

/**
 * What the callback path runs on. A fallback that no longer parses becomes null (the platform's
 * default, which always fits its events); a rule whose match or reply no longer parses is skipped,
 * so the event goes on to the next rule or the fallback; an unknown mode is "rules", which answers
 * at once rather than holding a request no one may be watching. Each is logged once per process.
 */
export function readLiveConfig(row: StoredRow, replySchema: z.ZodType): LiveConfig {
  const problems: string[] = [];
  const mode = modeSchema.safeParse(row.mode);
  if (!mode.success) problems.push(`mode: unknown "${row.mode.slice(0, 40)}"`);
  const fallback = readStored(replySchema.nullable(), row.fallback);
  if (!fallback.ok) problems.push(`fallback: ${fallback.problem}`);
  const rules = row.rules.flatMap((rule) => {
    const match = readStored(ruleMatchSchema, rule.match);
    const reply = readStored(replySchema, rule.reply);
    if (!match.ok) problems.push(`rule ${rule.id} match: ${match.problem}`);
    if (!reply.ok) problems.push(`rule ${rule.id} reply: ${reply.problem}`);
    return match.ok && reply.ok ? [{ id: rule.id, match: match.value, reply: reply.value }] : [];
  });
  for (const problem of problems) warnOnce(row.id, problem);
  return { mode: mode.success ? mode.data : "rules", fallback: fallback.ok ? fallback.value : null, rules };
}

/**
 * What the API shows: parsed where it parses; otherwise the stored value as it is (null when it is
 * not JSON at all), so the person editing the endpoint sees it and saving asks for a valid one.
 */
export function readShownConfig(row: StoredRow, replySchema: z.ZodType): { fallback: unknown; rules: { match: unknown; reply: unknown }[] } {
  const shown = (read: Read<unknown>) => (read.ok ? read.value : read.raw);
  return {
    fallback: shown(readStored(replySchema.nullable(), row.fallback)),
    rules: row.rules.map((rule) => ({ match: shown(readStored(ruleMatchSchema, rule.match)), reply: shown(readStored(replySchema, rule.reply)) })),
  };
}

const warned = remember("stored-config-warnings", () => new Set<string>());

/** The operator hears of a stored row that no longer parses once, not on every callback or reload. */
function warnOnce(endpointId: string, problem: string): void {
  const key = `${endpointId}|${problem}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[endpoints] endpoint ${endpointId}: stored ${problem} no longer parses; the platform's default answers instead`);
}
