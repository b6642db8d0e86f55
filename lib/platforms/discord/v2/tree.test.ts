import { insertBlocked, insertNode, nodeAt, nodeOfPath } from "@/lib/builder/tree-ops";
import { describe, expect, it } from "vitest";
import { ENGLISH_STARTER } from "../../types";
import { discordV2Layout } from ".";
import { button, buttons, container, row, section, text, texts, thumbnail, userSelect, v2 } from "./fixtures/layouts";

const tree = discordV2Layout.tree!;
const validate = (layout: unknown) => discordV2Layout.validate(layout);

describe("Discord V2 tree", () => {
  const layout = v2(container([text("Title"), section([text("Left")], thumbnail()), row(button("a"), button("b"))]), text("After"));

  it("reads roots, children and JSON paths: every level keeps its children in components", () => {
    expect(tree.roots(layout)).toHaveLength(2);
    expect(tree.children(tree.roots(layout)[0])).toHaveLength(3);
    expect(tree.children(text())).toBeNull();
    expect(tree.nodePath([0, 2, 1])).toEqual(["components", 0, "components", 2, "components", 1]);
    expect(nodeAt(tree, layout, [0, 2, 1])).toMatchObject({ custom_id: "b" });
  });

  it("keeps a section's accessory out of its children, yet counts it toward the 40", () => {
    const sectionNode = nodeAt(tree, layout, [0, 1]);
    expect(tree.children(sectionNode)).toEqual([text("Left")]);
    // container, title, section, its text, its thumbnail, row, 2 buttons, the last text.
    expect(tree.countNodes(layout)).toBe(9);
    expect(tree.maxNodes).toBe(40);
  });

  it("names kinds readably", () => {
    expect([container([]), section([]), text(), button("x"), row(), userSelect(), thumbnail()].map(tree.nodeKind)).toEqual([
      "container", "section", "text_display", "button", "action_row", "user_select", "thumbnail",
    ]);
  });

  it.each([
    { parent: "the top level", node: null, kinds: ["container", "text_display", "section", "media_gallery", "separator", "file", "action_row"] },
    { parent: "a container (no nested container)", node: container([]), kinds: ["text_display", "section", "media_gallery", "separator", "file", "action_row"] },
    { parent: "a section with 2 texts", node: section(texts(2)), kinds: ["text_display"] },
    { parent: "a section with 3 texts", node: section(texts(3)), kinds: [] },
    { parent: "an empty row", node: row(), kinds: ["button", "string_select", "user_select", "role_select", "mentionable_select", "channel_select"] },
    { parent: "a row of 4 buttons", node: row(...buttons(4)), kinds: ["button"] },
    { parent: "a row of 5 buttons", node: row(...buttons(5)), kinds: [] },
    { parent: "a row holding a select", node: row(userSelect()), kinds: [] },
    { parent: "a text display", node: text(), kinds: [] },
  ])("offers only what may go into $parent", ({ node, kinds }) => {
    expect([...tree.insertable(node)]).toEqual(kinds);
  });

  it("makes every insertable kind valid where it goes, with unique custom_ids", () => {
    let current: unknown = v2(container([]), row());
    for (const kind of tree.insertable(null)) current = insertNode(tree, current, [], kind, ENGLISH_STARTER)!.layout;
    for (const kind of tree.insertable(container([]))) current = insertNode(tree, current, [0], kind, ENGLISH_STARTER)!.layout;
    for (let i = 0; i < 4; i++) current = insertNode(tree, current, [1], "button", ENGLISH_STARTER)!.layout;
    expect(validate(current).errors).toEqual([]);
    for (const kind of ["string_select", "user_select", "role_select", "mentionable_select", "channel_select"]) {
      expect(validate(v2(row(tree.newNode(kind, current)))).errors).toEqual([]);
    }
  });

  it("refuses a 41st component and points findings at their node", () => {
    const full = v2(...texts(40));
    expect(insertBlocked(tree, full, [], "text_display")).toEqual({ code: "tree.full", params: { max: 40 } });
    expect(insertBlocked(tree, v2(...texts(39)), [], "text_display")).toBeNull();
    const bad = v2(container([section([text()], thumbnail("ftp://x"))]));
    const issue = validate(bad).errors[0]!;
    expect(issue.code).toBe("discord.v2.media.url");
    expect(nodeOfPath(tree, bad, issue.path)).toEqual([0, 0]);
  });

  it("labels nodes by their text", () => {
    expect(tree.nodeLabel(container([text("Hello\nworld")]))).toBe("Hello");
    expect(tree.nodeLabel(button("x", { label: "Go" }))).toBe("Go");
  });
});
