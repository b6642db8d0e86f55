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
   * JSON array, also any one item; on a JSON object, also a JSON object (matches when it is a
   * subset) or `key=pattern` (on a list value: any one item).
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

/**
 * `*` matches any text, everything else itself. Matched without a regex: `^.*a.*a.*b.*$` backtracks, and over
 * a modal's 20,000 submitted characters such a pattern blocked the loop for 35 s. Here each literal piece is
 * found once, leftmost and in order (correct for `*`-only globs): linear in the text.
 */
function globMatcher(pattern: string): { test: (text: string) => boolean } {
  const pieces = pattern.split("*");
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  const middle = pieces.slice(1, -1);
  const test = (text: string): boolean => {
    if (pieces.length === 1) return text === pattern;
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    const end = text.length - last.length;
    let at = first.length;
    for (const piece of middle) {
      const found = text.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
  return { test };
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

/** A JSON array of a field (a multi-select's picks) as its items' texts, else null. */
function parseArray(text: string): string[] | null {
  if (!text.startsWith("[")) return null;
  const parsed = parseStorableJson(text);
  return parsed.ok && Array.isArray(parsed.value) ? parsed.value.map(scalarText) : null;
}

/** A string as itself, anything else (true, 3, an object) as its JSON text. */
function scalarText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? "";
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
  const glob = globMatcher(match.pattern);
  const patternObject = parseObject(match.pattern);
  const separator = match.pattern.indexOf("=");
  const keyed = separator > 0 ? { key: match.pattern.slice(0, separator), value: globMatcher(match.pattern.slice(separator + 1)) } : null;
  const test = (event: ParsedEvent): boolean => {
    const value = event.fields[match.on];
    if (value === undefined) return false;
    if (match.scope && event.context.scope !== match.scope) return false;
    if (glob.test(value)) return true;
    const list = parseArray(value);
    if (list) return list.some((item) => glob.test(item));
    const object = parseObject(value);
    if (!object) return false;
    if (patternObject) return isSubset(patternObject, object);
    if (!keyed || !(keyed.key in object)) return false;
    const field = object[keyed.key];
    // A list value (a multi-select's picks) matches when one of its items does.
    if (Array.isArray(field) && field.some((item) => keyed.value.test(scalarText(item)))) return true;
    return keyed.value.test(scalarText(field));
  };
  return { id, match, reply, test };
}

/** The first rule, in order, that fits the event and whose reply can answer it. */
export function findRule(rules: CompiledRule[], event: ParsedEvent, replyFits: (reply: unknown) => boolean = () => true): CompiledRule | undefined {
  return rules.find((rule) => rule.test(event) && replyFits(rule.reply));
}
