// The side panel drawn on the server (no DOM, no media queries here): what each tab renders and the classes that
// place the preview. The layout at each width is CSS (Tailwind's xl: is 1,280 px and up); the e2e run sees it.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "use-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import { SIDE_TABS, EditorSidePanel, type SideTab } from "./editor-side-panel";

// next-intl's provider context does not cross vitest's module graph; use-intl's translator stands in, throwing on a
// missing message.
vi.mock("next-intl", () => ({
  useTranslations: (namespace: string) => createTranslator({ locale: "en", messages: en, namespace: namespace as never, onError: (error) => { throw error; } }),
}));
// The JSON and history panels load in the browser only; here a stand-in says which one would.
vi.mock("next/dynamic", () => ({ default: () => () => createElement("div", { "data-dynamic": "" }) }));

function render(tab: SideTab): string {
  return renderToStaticMarkup(
    createElement(EditorSidePanel, {
      tab,
      onTab: () => {},
      templateId: "t1",
      historyKey: 0,
      adapter: {} as never,
      platform: "qq",
      layout: {},
      onLayout: () => {},
      inspector: createElement("p", null, "inspector"),
      preview: createElement("p", { "data-testid": "the-preview" }, "preview"),
      onRestore: () => {},
    }),
  );
}

/** The opening tag of the one element with this id. */
function tagOf(html: string, id: string): string {
  const tags = html.match(new RegExp(`<[a-z0-9]+[^>]*\\sid="${id}"[^>]*>`, "g")) ?? [];
  expect(tags, id).toHaveLength(1);
  return tags[0]!;
}
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const count = (html: string, text: string) => html.split(text).length - 1;

describe("EditorSidePanel", () => {
  it("mounts the preview once whichever tab is chosen", () => {
    for (const tab of SIDE_TABS) expect(count(render(tab), 'data-testid="the-preview"'), tab).toBe(1);
  });

  it("keeps the four tabs, the Preview tab second, at every width (no responsive class hides one)", () => {
    const html = render("inspector");
    expect([...html.matchAll(/role="tab"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(["Inspector", "Preview", "JSON", "History"]);
    for (const tab of SIDE_TABS) expect(attr(tagOf(html, `tab-${tab}`), "class")).not.toMatch(/(^|\s)(\w+:)?hidden/);
  });

  it("with another tab chosen the preview is a region, hidden below xl and beside the editor, sticky, from xl", () => {
    const html = render("inspector");
    const preview = tagOf(html, "panel-preview");
    expect(attr(preview, "role")).toBe("region");
    expect(attr(preview, "aria-labelledby")).toBe("tab-preview");
    const classes = attr(preview, "class")!.split(" ");
    expect(classes).toEqual(expect.arrayContaining(["hidden", "xl:block", "xl:sticky", "xl:col-start-2", "xl:overflow-y-auto"]));
    expect(classes).not.toContain("xl:ring-2");
    // The chosen tab's own panel is the one tabpanel.
    expect(attr(tagOf(html, "panel-inspector"), "role")).toBe("tabpanel");
    expect(count(html, 'role="tabpanel"')).toBe(1);
  });

  it("with the Preview tab chosen the preview is its tabpanel, shown at every width and marked at xl", () => {
    const html = render("preview");
    const preview = tagOf(html, "panel-preview");
    expect(attr(preview, "role")).toBe("tabpanel");
    const classes = attr(preview, "class")!.split(" ");
    expect(classes).not.toContain("hidden");
    expect(classes).toContain("xl:ring-2");
    // No second panel: at xl the tabs' card only points at the column beside (the note is hidden below xl).
    expect(count(html, 'role="tabpanel"')).toBe(1);
    expect(count(html, en.editor.click.hint)).toBe(1);
  });

  it("the side card dissolves into the frame's grid at xl only", () => {
    const html = render("json");
    expect(html).toMatch(/^<section class="[^"]*\brounded-xl\b[^"]*\bxl:contents\b/);
    expect(html).toContain("data-dynamic");
  });
});
