import { z } from "zod";
import { parseStorableJson } from "@/lib/http/json-safety";
import type { ParsedEvent } from "@/lib/platforms/inbound";

/**
 * What a rule matches: one of the event's fields (the platform's `ruleFields`: a button id,
 * button data, a command name, a Feishu action value, form values, a preview URL…).
 */
export const ruleMatchSchema = z.object({
  on: z.string().regex(/^[a-z]{1,32}$/),
  /**
   * Exact text, or a pattern where * stands for any run of characters. On a field holding a
   * JSON object, also a JSON object (matches when it is a subset) or `key=pattern`.
   */
  pattern: z.string().min(1).max(200),
  scope: z.enum(["guild", "global"]).optional(),
});
export type RuleMatch = z.infer<typeof ruleMatchSchema>;

export interface CompiledRule {
  id: string;
  match: RuleMatch;
  reply: unknown;
  test: (event: ParsedEvent) => boolean;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`, "s");
}

/**
 * A JSON object in a field the platform sent (or a pattern), else null. Read with the storable-JSON
 * check: a value nested thousands deep would overflow the stack when compared (JSON.stringify is
 * recursive), so it simply matches nothing.
 */
function parseObject(text: string): Record<string, unknown> | null {
  if (!text.startsWith("{")) return null;
  const parsed = parseStorableJson(text);
  if (!parsed.ok) return null;
  const value = parsed.value;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Every key of `part` is in `whole` with an equal value (recursively for objects). */
function isSubset(part: unknown, whole: unknown): boolean {
  if (part && typeof part === "object" && !Array.isArray(part)) {
    if (!whole || typeof whole !== "object" || Array.isArray(whole)) return false;
    return Object.entries(part).every(([key, value]) => isSubset(value, (whole as Record<string, unknown>)[key]));
  }
  return JSON.stringify(part) === JSON.stringify(whole);
}

export function compileRule(id: string, match: RuleMatch, reply: unknown): CompiledRule {
  const regex = globToRegExp(match.pattern);
  const patternObject = parseObject(match.pattern);
  const separator = match.pattern.indexOf("=");
  const keyed = separator > 0 ? { key: match.pattern.slice(0, separator), value: globToRegExp(match.pattern.slice(separator + 1)) } : null;
  const test = (event: ParsedEvent): boolean => {
    const value = event.fields[match.on];
    if (value === undefined) return false;
    if (match.scope && event.context.scope !== match.scope) return false;
    if (regex.test(value)) return true;
    const object = parseObject(value);
    if (!object) return false;
    if (patternObject) return isSubset(patternObject, object);
    if (!keyed || !(keyed.key in object)) return false;
    const field = object[keyed.key];
    return keyed.value.test(typeof field === "string" ? field : JSON.stringify(field));
  };
  return { id, match, reply, test };
}

/** The first rule, in order, that fits the event and whose reply can answer it. */
export function findRule(rules: CompiledRule[], event: ParsedEvent, replyFits: (reply: unknown) => boolean = () => true): CompiledRule | undefined {
  return rules.find((rule) => rule.test(event) && replyFits(rule.reply));
}
