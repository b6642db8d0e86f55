import { describe, expect, it } from "vitest";
import { WITH_INPUT } from "@/lib/platforms/issues";
import { discordRelayAnswerSchema } from "./relay-answer";

const button = (id: string) => ({ type: 2, style: 1, label: id, custom_id: id });
const codes = (answer: unknown) => {
  const read = discordRelayAnswerSchema.safeParse(answer, WITH_INPUT);
  return read.success ? [] : read.error.issues.map((issue) => `${issue.path.join(".")}:${(issue as { params?: { code?: string } }).params?.code ?? issue.code}`);
};

describe("a relayed Discord bot's answer, read as Discord would before it is sent on", () => {
  it("refuses what Discord refuses: an empty message, components that are no layout, bad embeds, negative flags, a 6-wide row", () => {
    expect(codes({ type: 4 })).toEqual(["data:field.empty"]);
    expect(codes({ type: 4, data: {} })).toEqual(["data:field.empty"]);
    expect(codes({ type: 4, data: { content: "" } })).toEqual(["data:field.empty"]);
    expect(codes({ type: 4, data: { content: "hi", components: [0, "x", null] } }).length).toBeGreaterThan(0);
    expect(codes({ type: 4, data: { embeds: Array.from({ length: 11 }, (_, i) => i) } })).toEqual(["data.embeds:field.type"]);
    expect(codes({ type: 4, data: { embeds: Array.from({ length: 11 }, () => ({ title: "t" })) } })).toEqual(["data.embeds:field.tooMany"]);
    expect(codes({ type: 4, data: { content: "hi", flags: -1 } })).toEqual(["data.flags:field.min"]);
    const wide = codes({ type: 7, data: { components: [{ type: 1, components: ["a", "b", "c", "d", "e", "f"].map(button) }] } });
    expect(wide.length).toBeGreaterThan(0);
    expect(wide.every((code) => code.startsWith("data.components.0"))).toBe(true);
  });

  it("accepts what Discord takes: a message, a deferral, an update with a valid row, a Components V2 message, a modal", () => {
    expect(codes({ type: 4, data: { content: "hi" } })).toEqual([]);
    expect(codes({ type: 4, data: { embeds: [{ title: "Order shipped" }] } })).toEqual([]);
    expect(codes({ type: 5 })).toEqual([]);
    expect(codes({ type: 6 })).toEqual([]);
    expect(codes({ type: 7, data: { components: [{ type: 1, components: [button("ok")] }] } })).toEqual([]);
    expect(codes({ type: 7, data: { content: "" } })).toEqual([]);
    expect(codes({ type: 4, data: { flags: 1 << 15, components: [{ type: 10, content: "Shipped" }] } })).toEqual([]);
    expect(codes({ type: 9, data: { custom_id: "m", title: "Feedback", components: [{ type: 18, label: "Your answer", component: { type: 4, custom_id: "a", style: 1 } }] } })).toEqual([]);
  });
});
