import { describe, expect, it } from "vitest";
import { discordV2Layout } from ".";
import { importDiscordMessage } from "../import";
import { isDiscordV2Layout, legacyToV2, v2ToLegacy } from "./convert";
import { ISSUE_EXAMPLE } from "./fixtures/layouts";

const actor = { userId: "u1", roles: [], isAdmin: false };

describe("Discord V2 import, export and click", () => {
  // Field order differs from ours and an unknown field rides along: both must survive.
  const pasted = `{"components":${JSON.stringify(ISSUE_EXAMPLE.components)},"allowed_mentions":{"parse":[]},"flags":32832,"x_future":1}`;

  it("reads a pasted Create Message body and exports it byte-equal", () => {
    const imported = discordV2Layout.importMessage(JSON.parse(pasted))!;
    expect(imported.text).toBe("");
    expect(JSON.stringify(discordV2Layout.toMessage(imported.layout as never, ""))).toBe(pasted);
  });

  it("reads an interaction response {type: 4, data} and exports it as one", () => {
    const response = `{"type":4,"data":${pasted}}`;
    const imported = discordV2Layout.importMessage(JSON.parse(response))!;
    expect(JSON.stringify(discordV2Layout.extraExports!(imported.layout as never).interactionResponse)).toBe(response);
  });

  it("takes only bodies with the flag; a legacy body is not V2", () => {
    expect(discordV2Layout.importMessage({ components: [] })).toBeNull();
    expect(discordV2Layout.importMessage({ flags: 64, components: [] })).toBeNull();
    // The legacy reader alone would take the V2 body and drop its flag: kinds must try V2 first.
    expect(importDiscordMessage(JSON.parse(pasted))?.layout).not.toHaveProperty("flags");
  });

  it("exports exactly what was saved, cleared fields included", () => {
    const saved = { flags: 32768, content: null, embeds: [], components: [{ type: 10, content: "hi" }] };
    expect(JSON.stringify(discordV2Layout.toMessage(saved as never, "ignored"))).toBe(JSON.stringify(saved));
    expect(discordV2Layout.validate(saved).ok).toBe(true);
  });

  it("sends the legacy MESSAGE_COMPONENT interaction for a button, nothing for text", () => {
    const outcome = discordV2Layout.click({ type: 2, style: 1, label: "Go", custom_id: "go" }, actor);
    expect(outcome.kind).toBe("request");
    expect(outcome.kind === "request" && outcome.payload).toMatchObject({ type: 3, data: { custom_id: "go", component_type: 2 } });
    expect(discordV2Layout.click({ type: 10, content: "hi" }, actor)).toEqual({ kind: "none", code: "discord.v2.click.static" });
  });
});

describe("Discord legacy ⇄ V2 conversion", () => {
  it("a legacy layout becomes valid V2 with its rows on top, and back", () => {
    const legacy = { components: [{ type: 1, components: [{ type: 2, style: 1, label: "A", custom_id: "a" }] }] };
    const converted = legacyToV2(legacy);
    expect(isDiscordV2Layout(converted)).toBe(true);
    expect(discordV2Layout.validate(converted).errors).toEqual([]);
    expect(v2ToLegacy(converted)).toEqual(legacy);
    expect(v2ToLegacy(ISSUE_EXAMPLE).components).toHaveLength(1);
    expect(isDiscordV2Layout(legacy)).toBe(false);
  });
});
