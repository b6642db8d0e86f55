import { z } from "zod";
import type { ParsedEvent } from "@/lib/platforms/inbound";

/** What a rule matches: a button id / custom_id, button data, or a command name (guild or global). */
export const ruleMatchSchema = z.object({
  on: z.enum(["control", "data", "command"]),
  /** Exact text, or a pattern where * stands for any run of characters. */
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

export function compileRule(id: string, match: RuleMatch, reply: unknown): CompiledRule {
  const regex = globToRegExp(match.pattern);
  const test = (event: ParsedEvent): boolean => {
    if (match.on === "command") {
      return event.kind === "command" && regex.test(event.control ?? "") && (!match.scope || event.context.scope === match.scope);
    }
    if (event.kind !== "button") return false;
    return regex.test((match.on === "control" ? event.control : event.data) ?? "");
  };
  return { id, match, reply, test };
}

/** The first rule, in order, that fits the event. */
export function findRule(rules: CompiledRule[], event: ParsedEvent): CompiledRule | undefined {
  return rules.find((rule) => rule.test(event));
}
