import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getCatalogue } from "@/lib/i18n/catalogue";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { FEISHU_TAGS } from "@/lib/platforms/feishu/limits";
import { feishuTree } from "@/lib/platforms/feishu/tree";
import type { DescribedIssue } from "@/lib/i18n/describe-issue";
import { FeishuInspector } from "./feishu-inspector";

// The inspector of every 2.0 component, drawn from the node the builder inserts for it: each input
// is named by a <label for> (so tests and screen readers find it by its label), ids are unique, and
// every message exists in every locale.

function render(node: unknown, locale: Locale, issues: DescribedIssue[] = []) {
  const errors: string[] = [];
  const inspector = createElement(FeishuInspector, { node, path: "body.elements.0", issues, onChange: () => {} });
  const html = renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      timeZone: "UTC",
      messages: getCatalogue(locale),
      onError: (e: Error) => void errors.push(e.message),
      children: inspector,
    }),
  );
  return { html, errors };
}

const starters = FEISHU_TAGS.map((tag) => [tag, feishuTree.newNode(tag, { schema: "2.0", body: { elements: [] } })] as const);

describe("Feishu inspector, every component", () => {
  it.each(starters)("%s: labelled inputs, unique ids, no missing messages", (tag, node) => {
    for (const locale of LOCALES) {
      const { html, errors } = render(node, locale);
      expect(errors, locale).toEqual([]);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(ids).size, `${tag} duplicate ids`).toBe(ids.length);
      const labelled = new Set([...html.matchAll(/<label[^>]* for="([^"]+)"/g)].map((m) => m[1]!));
      for (const m of html.matchAll(/<(input|select|textarea)([^>]*)>/g)) {
        const attrs = m[2]!;
        if (/type="(checkbox|radio)"/.test(attrs)) continue; // wrapped in their <label>
        const id = / id="([^"]+)"/.exec(attrs)?.[1];
        expect(id && labelled.has(id), `${tag}: ${m[0]}`).toBe(true);
      }
    }
  });

  it("says what an interactive component sends, and which form field holds it", () => {
    const select = feishuTree.newNode("select_static", { schema: "2.0", body: { elements: [] } });
    const { html } = render({ ...(select as Record<string, unknown>), name: "city" }, "en");
    expect(html).toContain("event.action.option");
    expect(html).toContain("form_value.city");
    expect(render(feishuTree.newNode("markdown", undefined), "en").html).not.toContain("feishu-sends");
  });

  it("shows a finding next to its option and its table column", () => {
    const select = { tag: "select_static", name: "s", options: [{ text: { tag: "plain_text", content: "A" }, value: "a" }, { text: { tag: "plain_text", content: "B" }, value: "a" }] };
    const { html } = render(select, "en", [{ code: "feishu.optionValueDuplicate", path: "body.elements.0.options.1.value", message: "DUPLICATE-VALUE", params: {} } as DescribedIssue]);
    expect(html).toContain("DUPLICATE-VALUE");
    const table = { tag: "table", columns: [{ name: "a" }, { name: "a" }], rows: [] };
    expect(render(table, "en", [{ code: "feishu.tableColumnDuplicate", path: "body.elements.0.columns.1.name", message: "DUPLICATE-COLUMN", params: {} } as DescribedIssue]).html).toContain("DUPLICATE-COLUMN");
  });

  it("shows the picker's format and the chart spec as JSON", () => {
    expect(render({ tag: "picker_datetime", name: "when" }, "en").html).toContain("YYYY-MM-DD HH:mm");
    expect(render({ tag: "chart", chart_spec: { type: "bar", data: { values: [] } } }, "en").html).toContain("&quot;type&quot;: &quot;bar&quot;");
  });
});
