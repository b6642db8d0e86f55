// The preview drawn on the server (no DOM here): every 2.0 component renders, in both languages,
// with the accessible names Playwright reaches it by. Interactions are covered by the lead's e2e run.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "use-intl";
import { describe, expect, it, vi } from "vitest";
import { feishuTree } from "@/lib/platforms/feishu/tree";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { FeishuPreview } from "./feishu-preview";
import { formatDate, formatNumber } from "./feishu-preview-table";

// next-intl's provider context does not cross vitest's module graph; its translator is stood in by
// use-intl's own, reading the chosen catalogue and throwing on a missing message.
const catalogue = vi.hoisted(() => ({ locale: "en", messages: {} as Record<string, unknown> }));
vi.mock("next-intl", () => ({
  useLocale: () => catalogue.locale,
  useTranslations: (namespace: string) =>
    createTranslator({ locale: catalogue.locale, messages: catalogue.messages, namespace: namespace as never, onError: (error) => { throw error; } }),
}));

const plain = (content: string) => ({ tag: "plain_text", content });
const cb = { behaviors: [{ type: "callback", value: { k: "v" } }] };
const card = {
  schema: "2.0",
  header: { title: plain("Every component"), template: "blue" },
  body: {
    elements: [
      { tag: "div", text: plain("Plain text") },
      { tag: "hr" },
      { tag: "img", img_key: "img_1", alt: plain("A photo") },
      { tag: "img_combination", combination_mode: "trisect", img_list: [{ img_key: "a" }, { img_key: "b" }, { img_key: "c" }] },
      { tag: "chart", aspect_ratio: "4:3", chart_spec: { type: "bar", title: { text: "Sales" } } },
      {
        tag: "table", page_size: 1,
        columns: [
          { name: "n", display_name: "Name" }, { name: "arr", display_name: "ARR", data_type: "number", format: { symbol: "¥", precision: 2, separator: true } },
          { name: "tags", display_name: "Scale", data_type: "options" }, { name: "poc", display_name: "Contact", data_type: "persons" },
        ],
        rows: [{ n: "Lark", arr: 1234567.5, tags: [{ text: "S2", color: "blue" }], poc: ["ou_14a32f1a02e64944cf19207aa43abcef"] }, { n: "Second" }],
      },
      { tag: "person", user_id: "ou_4a136bca010747fc3bd7b6f8f4cabcef", show_name: true },
      { tag: "person_list", persons: [{ id: "ou_1" }, { id: "ou_2" }] },
      { tag: "collapsible_panel", expanded: true, header: { title: plain("Details") }, elements: [{ tag: "markdown", content: "Inside" }] },
      { tag: "interactive_container", ...cb, elements: [{ tag: "markdown", content: "Click me" }] },
      { tag: "input", name: "lone", placeholder: plain("Say something"), ...cb },
      { tag: "overflow", options: [{ text: plain("One"), value: "1" }] },
      { tag: "select_static", name: "s", placeholder: plain("Pick one"), options: [{ text: plain("A"), value: "a" }] },
      { tag: "select_person", name: "sp", options: [{ value: "ou_b9600a00cda86b8fad2378eafe3abcef" }] },
      { tag: "date_picker", name: "d", initial_date: "2024-01-01" },
      { tag: "picker_time", name: "t" },
      { tag: "picker_datetime", name: "dt", initial_datetime: "2024-01-01 10:00" },
      { tag: "select_img", name: "img", options: [{ img_key: "k", value: "picture1" }] },
      { tag: "checker", name: "done", checked: true, text: plain("Done"), checked_style: { show_strikethrough: true } },
      {
        tag: "form", name: "f", elements: [
          { tag: "input", name: "reason", input_type: "multiline_text", label: plain("Reason"), required: true },
          { tag: "multi_select_static", name: "m", placeholder: plain("Several"), options: [{ text: plain("X"), value: "x" }], selected_values: ["x"] },
          { tag: "multi_select_person", name: "mp" },
          { tag: "button", name: "submit", text: plain("Send"), form_action_type: "submit" },
        ],
      },
      { tag: "mystery" },
    ],
  },
};

function draw(messages: Record<string, unknown>, locale: string) {
  catalogue.locale = locale;
  catalogue.messages = messages;
  return renderToStaticMarkup(createElement(FeishuPreview, { layout: card, tree: feishuTree, onClick: () => undefined }));
}

describe("the Feishu preview draws every card JSON 2.0 component", () => {
  it.each([["en", en], ["zh-CN", zh]])("in %s, with no message missing", (locale, messages) => {
    expect(() => draw(messages as Record<string, unknown>, locale)).not.toThrow();
  });

  const html = draw(en as Record<string, unknown>, "en");
  it.each([
    ["the root", 'data-testid="feishu-preview"'],
    ["a chart named by its type", 'aria-label="Bar chart: Sales"'],
    ["the chart's declared aspect ratio", "aspect-ratio:4 / 3"],
    ["a real table with its column names", "<th"],
    ["the number format", "¥1,234,567.50"],
    ["one page of page_size rows", "1 / 2"],
    ["an option tag", ">S2<"],
    ["person placeholders", "User ou_14a3…bcef"],
    ["the image grid", 'aria-label="3 images"'],
    ["the open panel", 'aria-expanded="true"'],
    ["the clickable area", 'role="button"'],
    ["the input's name", 'aria-label="Say something"'],
    ["the overflow button", 'aria-label="More"'],
    ["the select's placeholder", 'aria-label="Pick one"'],
    ["native pickers", 'type="datetime-local"'],
    ["the picker's default", 'value="2024-01-01T10:00"'],
    ["image tiles", 'aria-label="Image 1 (picture1)"'],
    ["the struck-through ticked checker", "line-through"],
    ["a labelled multi-line field", "<textarea"],
    ["the multi select's picks", ">X<"],
    ["the unknown tag", "mystery is not drawn"],
  ])("shows %s", (_what, fragment) => {
    expect(html).toContain(fragment);
  });
});

describe("table cell formats", () => {
  it("formats numbers with symbol, precision and separators", () => {
    expect(formatNumber(1234.5, { symbol: "$", precision: 1, separator: true })).toBe("$1,234.5");
    expect(formatNumber(1234.5, {})).toBe("1234.5");
  });
  it("formats dates with date_format tokens", () => {
    const ms = new Date(2024, 0, 2, 3, 4, 5).getTime();
    expect(formatDate(ms, "YYYY/MM/DD")).toBe("2024/01/02");
    expect(formatDate(ms, "YYYY-MM-DD HH:mm:ss")).toBe("2024-01-02 03:04:05");
  });
});
