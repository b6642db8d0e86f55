import { describe, expect, it } from "vitest";
import { getLayout } from "@/lib/platforms/registry";
import type { LayoutAdapter, LayoutKinds, RuleIssue } from "@/lib/platforms/types";
import { kindChoices, planKindSwitch } from "./kind-switch";

/** A fake platform: "grid" (rows, with text) ⇄ "tree" (nested, no text); "other" converts to nothing and from nothing. */
const adapter = (model: "grid" | "tree", hasText: boolean): LayoutAdapter =>
  ({
    hasText,
    [model]: {},
    validate: (layout: { bad?: number }) => ({ errors: Array.from({ length: layout.bad ?? 0 }, (): RuleIssue => ({ code: "x.bad", path: [] })) }),
    checkText: (text: string) => ({ errors: text.length > 3 ? [{ code: "x.text", path: ["text"] }] : [], warnings: [] }),
  }) as unknown as LayoutAdapter;
const adapters: Record<string, LayoutAdapter> = { grid: adapter("grid", true), tree: adapter("tree", false), other: adapter("grid", true) };
const fake: LayoutKinds = {
  ids: ["grid", "tree", "other"],
  kindOf: (layout) => (layout as { kind: string }).kind,
  get: (kind) => adapters[kind]!,
  convert: (layout, to) => {
    const { kind, ...rest } = layout as { kind: string };
    if (kind === "other" || to === "other") return null;
    return { layout: { ...rest, kind: to }, warning: `x.kind.${to}` };
  },
};
const single: LayoutKinds = { ...fake, ids: ["grid"] };
const snapshot = (layout: object, text = "") => ({ name: "T", text, layout });

describe("kindChoices", () => {
  it.each([
    ["no kinds: nothing to show", undefined, { kind: "grid" }, null],
    ["a single kind: nothing to show", single, { kind: "grid" }, null],
    ["offers the kinds convert allows, in the platform's order", fake, { kind: "grid" }, { current: "grid", offers: ["tree"] }],
    ["the other way round", fake, { kind: "tree" }, { current: "tree", offers: ["grid"] }],
    ["a kind convert never leaves: shown, nothing offered", fake, { kind: "other" }, { current: "other", offers: [] }],
  ])("%s", (_, kinds, layout, expected) => {
    expect(kindChoices(kinds, layout)).toEqual(expected);
  });
});

describe("planKindSwitch", () => {
  it("refuses a switch that is not offered (the current kind, an unconvertible one, a platform without kinds)", () => {
    expect(planKindSwitch(fake, snapshot({ kind: "grid" }), "grid")).toBeNull();
    expect(planKindSwitch(fake, snapshot({ kind: "grid" }), "other")).toBeNull();
    expect(planKindSwitch(undefined, snapshot({ kind: "grid" }), "tree")).toBeNull();
  });

  it("grid → tree: the converted layout, the warning, the new editing model; the text goes when the new kind sends none", () => {
    expect(planKindSwitch(fake, snapshot({ kind: "grid", bad: 2 }, "hi"), "tree")).toEqual({
      from: "grid",
      to: "tree",
      warning: "x.kind.tree",
      patch: { layout: { kind: "tree", bad: 2 }, text: "" },
      dropsText: true,
      modelChange: "tree",
      errors: 2,
    });
  });

  it.each([
    ["empty text: nothing dropped", "", false],
    ["a text: dropped", "x", true],
  ])("to a kind without text, %s", (_, text, dropsText) => {
    expect(planKindSwitch(fake, snapshot({ kind: "grid" }, text), "tree")?.dropsText).toBe(dropsText);
  });

  it("tree → grid keeps the text and counts its errors under the new kind's text rules", () => {
    const plan = planKindSwitch(fake, snapshot({ kind: "tree" }, "long text"), "grid");
    expect(plan).toMatchObject({ patch: { text: "long text" }, dropsText: false, modelChange: "grid", errors: 1 });
  });
});

describe("planKindSwitch with Discord's kinds", () => {
  const discord = getLayout("discord");
  const legacy = discord.emptyLayout();

  it("a legacy message switches to V2 only (a modal is another thing to send, not a conversion)", () => {
    expect(kindChoices(discord.kinds, legacy)).toEqual({ current: "legacy", offers: ["v2"] });
    expect(kindChoices(discord.kinds, discord.kinds!.get("modal").emptyLayout())).toEqual({ current: "modal", offers: [] });
  });

  it("legacy → V2 sets the flag, drops the text, moves to the tree, with discord.kind.toV2; and back with discord.kind.toLegacy", () => {
    const plan = planKindSwitch(discord.kinds, snapshot(legacy as object, "Choose:"), "v2");
    expect(plan).toMatchObject({ from: "legacy", to: "v2", warning: "discord.kind.toV2", dropsText: true, modelChange: "tree", errors: 0 });
    expect(discord.kinds!.kindOf(plan!.patch.layout)).toBe("v2");
    const back = planKindSwitch(discord.kinds, { name: "T", ...plan!.patch }, "legacy");
    expect(back).toMatchObject({ warning: "discord.kind.toLegacy", modelChange: "grid", errors: 0, patch: { layout: legacy } });
  });
});
