import { describe, expect, it } from "vitest";
import type { ParsedEvent } from "@/lib/platforms/inbound";
import { compileRule, findRule } from "./rules";

const click = (control: string, data = ""): ParsedEvent => ({ eventId: "e", kind: "button", interactive: true, control, data, fields: { control, data }, context: {} });
const command = (name: string, scope: "guild" | "global"): ParsedEvent => ({ eventId: "e", kind: "command", interactive: true, control: name, fields: { command: name }, context: { scope } });
const action = (value: unknown, form?: unknown): ParsedEvent => ({
  eventId: "e",
  kind: "button",
  interactive: true,
  fields: { value: typeof value === "string" ? value : JSON.stringify(value), ...(form ? { form: JSON.stringify(form) } : {}) },
  context: {},
});

describe("rules", () => {
  const rules = [
    compileRule("1", { on: "command", pattern: "ping", scope: "guild" }, "guild ping"),
    compileRule("2", { on: "command", pattern: "ping" }, "any ping"),
    compileRule("3", { on: "control", pattern: "shop_*" }, "shop"),
    compileRule("4", { on: "data", pattern: "page=*" }, "paging"),
  ];
  it.each([
    ["a guild command hits the guild rule first", command("ping", "guild"), "guild ping"],
    ["a global command with the same name falls to the unscoped rule", command("ping", "global"), "any ping"],
    ["a custom_id pattern", click("shop_red"), "shop"],
    ["button data", click("next", "page=2"), "paging"],
    ["nothing fits", click("other", "x"), undefined],
    ["the fixed part of a pattern must match exactly", click("shop.red"), undefined],
  ])("%s", (_name, event, reply) => {
    expect(findRule(rules, event)?.reply).toBe(reply);
  });

  it("treats regex characters in patterns literally", () => {
    expect(compileRule("x", { on: "control", pattern: "a.b" }, 1).test(click("axb"))).toBe(false);
    expect(compileRule("x", { on: "control", pattern: "a.b" }, 1).test(click("a.b"))).toBe(true);
  });

  it.each([
    ["a JSON subset of an object value", '{"action":"approve"}', { action: "approve", id: "42" }, true],
    ["a nested JSON subset", '{"meta":{"k":1}}', { meta: { k: 1, j: 2 } }, true],
    ["a JSON subset with a different value", '{"action":"approve"}', { action: "reject" }, false],
    ["key=pattern on an object value", "action=app*", { action: "approve" }, true],
    ["key=pattern on a missing key", "verb=app*", { action: "approve" }, false],
    ["a glob on a string value", "approve*", "approve_42", true],
  ])("matches action values: %s", (_name, pattern, value, hit) => {
    expect(compileRule("v", { on: "value", pattern }, 1).test(action(value))).toBe(hit);
  });

  it("matches nothing, and never throws, on a field value nested too deep to compare", () => {
    const deep = `{"action":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    const value: ParsedEvent = { eventId: "e", kind: "button", interactive: true, fields: { value: deep }, context: {} };
    expect(compileRule("d", { on: "value", pattern: '{"action":"approve"}' }, 1).test(value)).toBe(false);
    expect(compileRule("k", { on: "value", pattern: "action=app*" }, 1).test(value)).toBe(false);
    expect(compileRule("s", { on: "value", pattern: "*" }, 1).test(value)).toBe(true);
  });

  const fielded = (fields: Record<string, string>): ParsedEvent => ({ eventId: "e", kind: "button", interactive: true, fields, context: {} });
  it.each([
    ["one item of a list field", "options", "urgent", '["later","urgent"]', true],
    ["a glob over the items", "options", "urg*", '["later","urgent"]', true],
    ["no item fits", "options", "soon", '["later","urgent"]', false],
    ["a checker's state", "checked", "true", "true", true],
    ["a picked date by prefix", "option", "2026-12-*", "2026-12-01 +0800", true],
    ["a date in another month", "option", "2026-12-*", "2027-01-01 +0800", false],
    ["key=pattern on a list in the form", "form", "tags=urgent", '{"tags":["later","urgent"]}', true],
    ["key=pattern on a list, no item fits", "form", "tags=soon", '{"tags":["later","urgent"]}', false],
    ["key=pattern on a boolean in the form", "form", "agree=true", '{"agree":true}', true],
    ["key=pattern on a date in the form", "form", "due=2026-12-01*", '{"due":"2026-12-01 +0800"}', true],
  ])("matches picked values: %s", (_name, on, pattern, value, hit) => {
    expect(compileRule("p", { on, pattern }, 1).test(fielded({ [on]: value }))).toBe(hit);
  });

  it("matches form values and never a field the event lacks", () => {
    const rule = compileRule("f", { on: "form", pattern: '{"choice":"yes"}' }, 1);
    expect(rule.test(action({ a: 1 }, { choice: "yes", note: "x" }))).toBe(true);
    expect(rule.test(action({ a: 1 }))).toBe(false);
  });
});

describe("glob patterns", () => {
  const matches = (pattern: string, text: string) => compileRule("g", { on: "control", pattern }, "hit").test(click(text));
  it.each([
    ["exact", "buy", "buy", true],
    ["exact, other text", "buy", "buyx", false],
    ["prefix", "buy_*", "buy_red", true],
    ["prefix, empty rest", "buy_*", "buy_", true],
    ["suffix", "*_red", "buy_red", true],
    ["middle", "a*c", "abbbc", true],
    ["pieces in order", "*a*b*", "xxaxxbxx", true],
    ["pieces out of order", "*a*b*", "xxbxxaxx", false],
    ["a piece may not overlap the end", "a*ab", "ab", false],
    ["repeated pieces need repeated text", "*a*a*", "xa", false],
    ["star alone", "*", "", true],
    ["regex characters are literal", "a.c(*)", "a.c(x)", true],
    ["regex characters do not act", "a.c", "abc", false],
  ])("%s: %s ~ %s -> %s", (_name, pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  it("stays linear where a backtracking regex explodes: *a*a*b* over 20,000 characters with no b", () => {
    // With the old ^.*a.*a.*b.*$ this input took tens of seconds; the matcher answers on one pass.
    expect(matches("*a*a*b*", "a".repeat(20_000))).toBe(false);
    expect(matches("*a*a*b*", `${"a".repeat(20_000)}b`)).toBe(true);
  });
});
