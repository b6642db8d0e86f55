import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, SCREENSHOTS } from "./support/env";
import { replaceJson } from "./support/editor";
import { signIn } from "./support/session";

const plain = (content: string) => ({ tag: "plain_text", content });

/** A leave-request card: header, markdown, two buttons side by side, and a form. */
const CARD = {
  schema: "2.0",
  config: { update_multi: true },
  header: { title: plain("Leave request"), subtitle: plain("From Alice"), template: "green" },
  body: {
    elements: [
      { tag: "markdown", element_id: "md_1", content: "**Alice** asks for *3 days* off. ~~Two~~ [Details](https://example.com/leave) <font color='red'>urgent</font> <at id=all></at>\n- first\n- second" },
      {
        tag: "column_set",
        element_id: "columns_1",
        flex_mode: "none",
        columns: [
          { tag: "column", element_id: "column_1", width: "auto", elements: [{ tag: "button", element_id: "approve", name: "approve", type: "primary_filled", text: plain("Approve"), behaviors: [{ type: "callback", value: { action: "approve", id: "42" } }] }] },
          {
            tag: "column",
            element_id: "column_2",
            width: "auto",
            elements: [{ tag: "button", element_id: "reject", name: "reject", type: "danger", text: plain("Reject"), confirm: { title: plain("Reject this request?"), text: plain("Alice will be told.") }, behaviors: [{ type: "callback", value: "reject" }] }],
          },
        ],
      },
      {
        tag: "form",
        element_id: "form_1",
        name: "leave_form",
        elements: [
          { tag: "input", element_id: "input_1", name: "reason", label: plain("Reason"), placeholder: plain("Why?") },
          { tag: "select_static", element_id: "select_1", name: "days", placeholder: plain("Days"), options: [{ text: plain("One"), value: "1" }, { text: plain("Two"), value: "2" }] },
          { tag: "button", element_id: "send", name: "send", type: "primary", text: plain("Send"), form_action_type: "submit" },
        ],
      },
    ],
  },
};

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `feishu-${name}.png`), fullPage: true });
const tree = (page: Page) => page.getByRole("list", { name: "Top level" });
const node = (page: Page, name: string | RegExp) => tree(page).getByRole("button", { name, exact: typeof name === "string" });

async function createFeishuTemplate(page: Page, name: string, json?: unknown): Promise<string> {
  await page.goto("/templates");
  await page.getByRole("button", { name: "New template" }).click();
  const dialog = page.getByRole("dialog", { name: "New template" });
  await dialog.getByLabel("Feishu / Lark card").check();
  await dialog.getByLabel("Name").fill(name);
  if (json) await dialog.getByLabel("Paste JSON (optional)").fill(JSON.stringify(json));
  await dialog.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
  await expect(page.getByRole("textbox", { name: "Template name" })).toHaveValue(name);
  return page.url().split("/").pop()!;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, BASE_URL);
});

test("builds a Feishu card in the tree: header, markdown, two buttons in columns; rules, JSON, save, export", async ({ page }) => {
  const id = await createFeishuTemplate(page, `Feishu card ${Date.now()}`);
  // A card holds its own text: no message text box.
  await expect(page.getByLabel("Message text")).toHaveCount(0);
  await expect(node(page, /^Markdown 1/)).toBeVisible();

  // Card settings show while nothing is selected.
  await page.getByLabel("Title (header.title)").fill("Weekly report");
  await page.getByRole("radio", { name: "Green" }).click();

  // Columns arrive with a button in each column.
  await page.getByRole("button", { name: "Add at the top level" }).click();
  await page.getByRole("group", { name: "Add at the top level" }).getByRole("button", { name: "Columns" }).click();
  await expect(node(page, /^Columns 2/)).toHaveAttribute("aria-pressed", "true");
  await node(page, "Button 1: Button 1").click();
  await page.getByLabel("Text (text.content)").fill("Approve");
  await page.getByLabel("Type (type)").selectOption("primary_filled");
  await node(page, "Button 1: Button 2").click();
  await page.getByLabel("Text (text.content)").fill("Reject");

  // A duplicate element_id is an error next to the field and in the checks; clicking it selects the element.
  await page.getByLabel("Element id (element_id)").fill("button_1");
  const duplicate = /element_id "button_1" is already used/;
  await expect(page.getByRole("button", { name: duplicate })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await expect(node(page, /Reject \(has errors\)/)).toBeVisible();
  await node(page, "Markdown 1: **Hello!** Pick an option below.").click();
  await page.getByRole("button", { name: duplicate }).click();
  await expect(page.getByLabel("Text (text.content)")).toHaveValue("Reject");
  await page.getByLabel("Element id (element_id)").fill("reject");
  await expect(page.getByText("No problems: this layout follows every rule.")).toBeVisible();
  await shot(page, "built-1280");

  // The add menu offers only what a container takes: a column takes content, not forms.
  await page.getByRole("button", { name: /^Add to Column 1/ }).click();
  const columnMenu = page.getByRole("group", { name: /^Add to Column 1/ });
  await expect(columnMenu.getByRole("button", { name: "Button" })).toBeVisible();
  await expect(columnMenu.getByRole("button", { name: "Form" })).toHaveCount(0);
  await page.keyboard.press("Escape");

  // JSON view: what the tree built, and a pasted card flows back into the tree.
  await page.getByRole("tab", { name: "JSON" }).click();
  await expect(page.getByRole("textbox", { name: "Layout JSON" })).toContainText('"template": "green"');
  await expect(page.getByRole("textbox", { name: "Layout JSON" })).toContainText('"content": "Weekly report"');
  await replaceJson(page, CARD);
  await expect(node(page, "Form 3: leave_form")).toBeVisible();
  await expect(node(page, "Input 1: Reason")).toBeVisible();

  // Keyboard: pick the markdown up and move it down through every place that takes it:
  // into column 1 (two places), column 2 (two places), then back in the body after the columns.
  await tree(page).getByRole("button", { name: /^Move Markdown 1/ }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("list", { name: /^Inside Column 1/ }).getByRole("button", { name: /^Markdown 1: \*\*Alice/ })).toBeVisible();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(node(page, /^Columns 1/)).toBeVisible();
  await expect(node(page, /^Markdown 2: \*\*Alice/)).toBeVisible();
  await expect(node(page, "Form 3: leave_form")).toBeVisible();
  // One undo puts the whole keyboard move back.
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(node(page, /^Markdown 1: \*\*Alice/)).toBeVisible();

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved · v2")).toBeVisible();
  await page.reload();
  await expect(node(page, "Form 3: leave_form")).toBeVisible();
  await expect(page.getByText("Unsaved changes from your last visit were restored.")).toHaveCount(0);

  // Exports: the send-message body and the callback response, each one click.
  const exported = await (await page.request.get(`/api/templates/${id}/export`)).json();
  expect(exported.msg_type).toBe("interactive");
  expect(JSON.parse(exported.content)).toEqual(CARD);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy message body" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(exported);
  await page.getByRole("button", { name: "More exports" }).click();
  await page.getByRole("button", { name: "Copy callback response (card.action.trigger reply)" }).click();
  await expect(page.getByRole("group", { name: "More exports" }).getByText("Copied")).toBeVisible();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual({ card: { type: "raw", data: CARD } });
});

test("the Feishu preview: markdown, buttons, confirm dialogs and forms produce card.action.trigger", async ({ page }) => {
  await createFeishuTemplate(page, `Feishu preview ${Date.now()}`, CARD);
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByTestId("feishu-preview");
  await expect(preview.locator("header")).toContainText("Leave request");
  await expect(preview.getByText("Alice", { exact: true })).toHaveCSS("font-weight", "600");
  await expect(preview.getByRole("link", { name: "Details" })).toHaveAttribute("href", "https://example.com/leave");
  await expect(preview.getByText("urgent")).toHaveCSS("color", "rgb(245, 74, 69)");
  await expect(preview.getByText("@All")).toBeVisible();
  await expect(preview.locator("s")).toHaveText("Two");

  await preview.getByRole("button", { name: "Approve" }).click();
  const payload = page.getByTestId("click-payload");
  await expect(payload).toContainText('"event_type": "card.action.trigger"');
  await expect(payload).toContainText('"action": "approve"');
  await expect(payload).toContainText('"name": "approve"');

  // A button with confirm asks first; cancelling sends nothing.
  await preview.getByRole("button", { name: "Reject" }).click();
  const dialog = preview.getByRole("alertdialog", { name: "Reject this request?" });
  await expect(dialog).toContainText("Alice will be told.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(payload).toContainText('"action": "approve"');
  await preview.getByRole("button", { name: "Reject" }).click();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(payload).toContainText('"value": "reject"');

  // A form's submit button sends what was typed as form_value.
  await preview.getByLabel("Reason").fill("Family trip");
  await preview.getByRole("combobox", { name: "Days" }).selectOption("2");
  await preview.getByRole("button", { name: "Send" }).click();
  await expect(payload).toContainText('"form_value"');
  await expect(payload).toContainText('"reason": "Family trip"');
  await expect(payload).toContainText('"days": "2"');
  await shot(page, "preview-1280");
});

for (const locale of ["en", "zh-CN"]) {
  for (const width of [1280, 390]) {
    test(`Feishu editor screenshots in ${locale} at ${width}px`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signIn(page, BASE_URL);
      const response = await page.request.post("/api/templates", { data: { platform: "feishu", name: `飞书 ${locale} ${width}`, text: "", layout: CARD } });
      expect(response.status()).toBe(201);
      const { template } = await response.json();
      await page.goto(`/templates/${template.id}`);
      await expect(page.getByRole("tab").first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `editor overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-${width}-feishu-editor.png`), fullPage: true });
      await page.getByRole("tab").nth(1).click();
      await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-${width}-feishu-preview.png`), fullPage: true });
      await context.close();
    });
  }
}

test("button types, sizes, disabled and links look and act as in Feishu", async ({ page }) => {
  const types = ["default", "primary", "danger", "text", "primary_text", "danger_text", "primary_filled", "danger_filled", "laser"];
  const button = (text: string, extra: Record<string, unknown>) => ({ tag: "button", text: plain(text), behaviors: [{ type: "callback", value: text }], ...extra });
  const card = {
    schema: "2.0",
    config: { update_multi: true },
    header: { title: plain("Buttons"), template: "indigo" },
    body: {
      elements: [
        ...types.map((type) => button(type, { type })),
        ...["tiny", "small", "medium", "large"].map((size) => button(size, { type: "primary", size })),
        button("Off", { disabled: true }),
        { tag: "button", text: plain("Docs"), behaviors: [{ type: "open_url", default_url: "https://open.feishu.cn/document" }] },
      ],
    },
  };
  await createFeishuTemplate(page, `Feishu buttons ${Date.now()}`, card);
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByTestId("feishu-preview");
  await expect(preview.getByRole("button", { name: "primary_filled" })).toHaveCSS("background-color", "rgb(51, 112, 255)");
  await expect(preview.getByRole("button", { name: "danger", exact: true })).toHaveCSS("color", "rgb(245, 74, 69)");
  const heights = await Promise.all(["tiny", "small", "medium", "large"].map(async (size) => (await preview.getByRole("button", { name: size }).boundingBox())?.height));
  expect(heights).toEqual([24, 28, 32, 40]);
  // Disabled (aria-disabled, still focusable): the click reports that nothing happens.
  await preview.getByRole("button", { name: "Off" }).click({ force: true });
  await expect(page.getByText("Disabled: clicking does nothing.")).toBeVisible();
  await preview.getByRole("button", { name: "Docs" }).click();
  await expect(page.getByText("https://open.feishu.cn/document")).toBeVisible();
  await shot(page, "buttons-1280");
});

test("elements drag into another column with the pointer", async ({ page }) => {
  await createFeishuTemplate(page, `Feishu drag ${Date.now()}`, CARD);
  const handle = tree(page).getByRole("button", { name: "Move Button 1: Reject", exact: true });
  const target = node(page, "Button 1: Approve");
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y - 10, { steps: 5 });
  await page.mouse.move(to.x + 30, to.y + 4, { steps: 10 });
  await page.mouse.up();
  const column1 = page.getByRole("list", { name: /^Inside Column 1/ });
  await expect(column1.getByRole("button", { name: "Button 1: Reject", exact: true })).toBeVisible();
  await expect(column1.getByRole("button", { name: "Button 2: Approve", exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: /^Inside Column 2/ }).getByRole("listitem")).toHaveCount(0);
});
