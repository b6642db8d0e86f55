import path from "node:path";
import { expect, test } from "@playwright/test";
import { FEISHU_TAGS } from "../lib/platforms/feishu/limits";
import { feishuTree } from "../lib/platforms/feishu/tree";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

/**
 * Issue 14, Feishu: every card JSON 2.0 component of protocols.md §8.3 in one card, built from the tree's own
 * starters (each placed where the tree offers it), checked by the API without a "not checked here" warning, and
 * looked at in the editor and the preview in both languages.
 */
function everyComponentCard() {
  let card: unknown = feishuTree.withRoots({ schema: "2.0", config: { update_multi: true }, header: { title: { tag: "plain_text", content: "Every component" }, template: "indigo" }, body: { elements: [] } }, []);
  const add = (kind: string) => {
    card = feishuTree.withRoots(card, [...feishuTree.roots(card), feishuTree.newNode(kind, card)]);
  };
  const rootKinds = feishuTree.insertable(null, card);
  for (const kind of rootKinds) if (kind !== "form") add(kind);
  // The form gets every kind it takes that the root did not already show.
  add("form");
  const roots = feishuTree.roots(card);
  const form = roots.at(-1)!;
  const extra = feishuTree.insertable(form, card).filter((kind) => !rootKinds.includes(kind));
  const fields = extra.map((kind) => feishuTree.newNode(kind, card));
  card = feishuTree.withRoots(card, [...roots.slice(0, -1), feishuTree.withChildren(form, [...fields, ...(feishuTree.children(form) ?? [])])]);
  const markdown = [
    "# Quarterly review",
    "**Bold**, *italic*, ~~struck~~, `inline code` and a [link](https://example.com).",
    "",
    "> A quote from <at id=all></at>",
    "",
    "<font color='red'>red text</font> <text_tag color='green'>Done</text_tag> <number_tag>3</number_tag> <local_datetime millisecond='1764460800000' format_type='date_num'></local_datetime>",
    "",
    "| Item | Owner |",
    "| --- | --- |",
    "| Budget | <person id='ou_a'></person> |",
  ].join("\n");
  const list = feishuTree.roots(card).map((n) => (n as { tag?: string }).tag === "markdown" ? { ...(n as object), content: markdown } : n);
  return feishuTree.withRoots(card, list) as Record<string, unknown>;
}

function tagsOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => tagsOf(v, into));
  else if (value && typeof value === "object") {
    const tag = (value as { tag?: unknown }).tag;
    if (typeof tag === "string") into.add(tag);
    Object.values(value).forEach((v) => tagsOf(v, into));
  }
  return into;
}

test("one card holds every §8.3 component, placed by the tree, and passes the API's check", async ({ request }) => {
  const card = everyComponentCard();
  const missing = FEISHU_TAGS.filter((tag) => !tagsOf(card).has(tag));
  expect(missing, "components the card does not hold").toEqual([]);
  const checked = await (await request.post("/api/validate", { headers: authHeaders, data: { platform: "feishu", layout: card } })).json();
  expect(checked.errors).toEqual([]);
  expect(checked.warnings.map((w: { code: string }) => w.code)).not.toContain("feishu.tagUnchecked");
});

for (const locale of ["en", "zh-CN"]) {
  test(`every Feishu component in the editor and preview, ${locale}`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, BASE_URL);
    const response = await page.request.post("/api/templates", { data: { platform: "feishu", name: `Components ${locale}`, text: "", layout: everyComponentCard() } });
    expect(response.status()).toBe(201);
    const { template } = await response.json();
    await page.goto(`/templates/${template.id}`);
    const tree = page.getByRole("list").first();
    await expect(tree).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `editor overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    // The table's and the date picker's inspectors.
    await page.getByRole("button", { name: /^(Table|表格) \d+/ }).first().click();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-feishu-components-table-inspector.png`), fullPage: true });
    await page.getByRole("button", { name: /^(Date picker|日期选择器) \d+/ }).first().click();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-feishu-components-picker-inspector.png`), fullPage: true });
    await page.getByRole("tab").nth(1).click();
    const preview = page.getByTestId("feishu-preview");
    await expect(preview).toBeVisible();
    // Nothing falls back to "not drawn in this preview".
    await expect(preview.getByText(/is not drawn in this preview|此预览不绘制/)).toHaveCount(0);
    await expect(preview.locator("table").first()).toBeVisible();
    await preview.screenshot({ path: path.join(SCREENSHOTS, `${locale}-feishu-components-preview.png`) });
    await context.close();
  });
}
