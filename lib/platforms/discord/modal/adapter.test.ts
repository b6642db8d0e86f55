import { describe, expect, it } from "vitest";
import { ENGLISH_STARTER } from "../../types";
import { choices, label, labels, modal, textInput } from "./fixtures";
import { discordModalLayout } from "./index";
import { discordModalTree as tree, MODAL_CONTROL_KINDS } from "./tree";

const actor = { userId: "u1", roles: ["r1"], isAdmin: false };

describe("Discord modal tree", () => {
  it("offers a Label or a Text Display at the top while fewer than 5, nothing at 5", () => {
    expect(tree.insertable(null, labels(4))).toEqual(["label", "text_display"]);
    expect(tree.insertable(null, labels(5))).toEqual([]);
  });

  it("offers a control only inside an empty Label", () => {
    expect(tree.insertable({ type: 18, label: "Q" })).toEqual(MODAL_CONTROL_KINDS);
    expect(tree.insertable(label(textInput("a")))).toEqual([]);
    expect(tree.insertable({ type: 10, content: "x" })).toEqual([]);
    expect(tree.insertable({ type: 1, components: [] })).toEqual([]);
  });

  it("reads and replaces a Label's one component as its child", () => {
    const node = label(textInput("a"));
    expect(tree.children(node)).toEqual([textInput("a")]);
    expect(tree.withChildren(node, [])).toEqual({ type: 18, label: "Question" });
    expect(tree.withChildren({ type: 18, label: "Q" }, [textInput("b")])).toEqual({ type: 18, label: "Q", component: textInput("b") });
    expect(tree.children({ type: 10, content: "x" })).toBeNull();
  });

  it("addresses a Label's control and a deprecated row's input by their JSON paths", () => {
    const layout = modal([label(textInput("a")), { type: 1, components: [textInput("b", { label: "B" })] }]);
    expect(tree.nodePath([0, 0], layout)).toEqual(["components", 0, "component"]);
    expect(tree.nodePath([1, 0], layout)).toEqual(["components", 1, "components", 0]);
    expect(tree.nodePath([1], layout)).toEqual(["components", 1]);
  });

  it.each(["label", "text_display", ...MODAL_CONTROL_KINDS])("a new %s is valid and its custom_id unused", (kind) => {
    const layout = modal([label(textInput(`${kind}_1`))]);
    const node = tree.newNode(kind, layout, ENGLISH_STARTER);
    const placed = kind === "label" || kind === "text_display" ? tree.withRoots(layout, [...tree.roots(layout), node]) : tree.withRoots(layout, [...tree.roots(layout), label(node)]);
    expect(discordModalLayout.validate(placed)).toMatchObject({ ok: true, errors: [] });
  });

  it("names the modal by its title, a Label by its text, a control by its custom_id", () => {
    expect([modal([]), label(textInput("a")), textInput("a")].map((n) => tree.nodeLabel(n))).toEqual(["Feedback", "Question", "a"]);
  });

  it("counts every node against a maximum of 10 (5 Labels and their controls)", () => {
    expect(tree.countNodes(labels(5))).toBe(10);
    expect(tree.maxNodes).toBe(10);
  });

  it("starts a template with a title and a Label holding a short Text Input, in the user's words", () => {
    const text = { ...ENGLISH_STARTER, phrase: (key: string) => ({ modalTitle: "反馈", modalLabel: "你的回答" })[key] };
    const empty = discordModalLayout.emptyLayout(text);
    expect(empty).toEqual({ title: "反馈", custom_id: "modal_1", components: [{ type: 18, label: "你的回答", component: { type: 4, custom_id: "text_input_1", style: 1 } }] });
    expect(discordModalLayout.validate(empty).ok).toBe(true);
  });
});

describe("Discord modal import and export", () => {
  const data = modal([label(textInput("a", { style: 2 }))]);

  it("takes the whole {type: 9, data} response or the bare data, keeping the data object itself", () => {
    expect(discordModalLayout.importMessage({ type: 9, data })?.layout).toBe(data);
    expect(discordModalLayout.importMessage(data)).toEqual({ layout: data, text: "" });
    expect(discordModalLayout.importMessage({ components: [] })).toBeNull();
    expect(discordModalLayout.importMessage({ type: 4, data })).toBeNull();
  });

  it("pastes in and exports byte-equal", () => {
    const pasted = '{"type":9,"data":{"custom_id":"m","title":"T","components":[{"type":18,"label":"Q","component":{"type":4,"custom_id":"a","style":1,"x_future":[1]}}]}}';
    const imported = discordModalLayout.importMessage(JSON.parse(pasted));
    expect(JSON.stringify(discordModalLayout.toMessage(imported!.layout as never, ""))).toBe(pasted);
  });
});

describe("Submitting the modal in the preview", () => {
  it("sends the MODAL_SUBMIT Discord sends, with the typed values and sequential ids", () => {
    const layout = modal([
      { type: 10, content: "Intro" },
      label(textInput("name")),
      label({ type: 21, custom_id: "class", options: choices(2) }),
      label({ type: 22, custom_id: "days", options: choices(3) }),
      label({ type: 23, custom_id: "agree" }),
    ]);
    const outcome = discordModalLayout.click(layout, actor, { formValue: { name: "Ann", class: "v1", days: ["v0", "v2"], agree: true } });
    expect(outcome).toMatchObject({
      kind: "request",
      payload: {
        type: 5,
        member: { user: { id: "u1" } },
        data: {
          custom_id: "feedback",
          components: [
            { type: 10, id: 1 },
            { type: 18, id: 2, component: { type: 4, id: 3, custom_id: "name", value: "Ann" } },
            { type: 18, id: 4, component: { type: 21, id: 5, custom_id: "class", value: "v1" } },
            { type: 18, id: 6, component: { type: 22, id: 7, custom_id: "days", values: ["v0", "v2"] } },
            { type: 18, id: 8, component: { type: 23, id: 9, custom_id: "agree", value: true } },
          ],
        },
      },
    });
  });

  it("keeps the modal's own ids and fills defaults for what was not typed; uploads become attachments", () => {
    const layout = modal([
      label(textInput("name", { value: "pre", id: 2 }), { id: 1 }),
      label({ type: 21, custom_id: "r", options: choices(2) }),
      label({ type: 19, custom_id: "files" }),
      label({ type: 5, custom_id: "who", default_values: [{ id: "42", type: "user" }] }),
    ]);
    const outcome = discordModalLayout.click(layout, actor, { formValue: { files: ["bug.png"] } });
    if (outcome.kind !== "request") throw new Error("no request");
    const data = (outcome.payload as { data: { components: { id: number; component: Record<string, unknown> }[]; resolved: { attachments: Record<string, { filename: string }> } } }).data;
    expect(data.components.map((c) => [c.id, c.component.id])).toEqual([[1, 2], [3, 4], [5, 6], [7, 8]]);
    expect(data.components.map((c) => ("value" in c.component ? c.component.value : c.component.values))).toEqual(["pre", null, [expect.any(String)], ["42"]]);
    const attachment = (data.components[2]!.component.values as string[])[0]!;
    expect(data.resolved.attachments[attachment]!.filename).toBe("bug.png");
  });

  it("refuses to submit what is not a modal", () => {
    expect(discordModalLayout.click({ type: 18 }, actor)).toEqual({ kind: "none", code: "discord.click.invalid" });
  });
});
