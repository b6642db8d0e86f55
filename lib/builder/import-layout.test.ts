import { describe, expect, it } from "vitest";
import { qqGrid } from "@/lib/platforms/qq/fixtures/layouts";
import { importLayout } from "./import-layout";

describe("importLayout", () => {
  it.each([
    ["a whole QQ send-message body", { msg_type: 2, markdown: { content: "# Hi" }, keyboard: qqGrid(1, 1) }, "qq", "# Hi"],
    ["a QQ keyboard", qqGrid(1, 1), "qq", ""],
    ["bare rows, as the QQ docs show them", { rows: qqGrid(1, 1).content.rows }, "qq", ""],
    ["a Discord message body", { content: "Pick", components: [{ type: 1, components: [] }] }, "discord", "Pick"],
    ["bare Discord action rows", [{ type: 1, components: [] }], "discord", ""],
  ])("reads %s", (_name, json, platform, text) => {
    const result = importLayout(JSON.stringify(json), "qq");
    expect(result).toMatchObject({ ok: true, platform, text });
  });

  it("fixes permisson on import and counts the fix", () => {
    const body = JSON.stringify(qqGrid(1, 1)).replace('"permission"', '"permisson"');
    const result = importLayout(body, "qq");
    expect(result.ok && result.warnings).toBe(1);
    expect(JSON.stringify(result.ok && result.layout)).toContain('"permission"');
  });

  it("says why it cannot read something", () => {
    expect(importLayout("{", "qq")).toMatchObject({ ok: false, code: "importInvalidJson" });
    expect(importLayout('{"hello":1}', "discord")).toMatchObject({ ok: false, code: "importUnknownShape" });
  });
});
