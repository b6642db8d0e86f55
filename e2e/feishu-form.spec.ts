import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

/**
 * Issue 14, Feishu: a form card built in the UI (an input, a date picker, a multi-select and a checker), submitted in
 * the preview, arrives in /live with all four values in form_value, and is answered by a rule matching the date.
 */
const SIMULATOR = `${BASE_URL}/api/simulator/platform`;

const tree = (page: Page) => page.getByRole("list", { name: "Top level" });
const node = (page: Page, name: RegExp) => tree(page).getByRole("button", { name });

async function addInto(page: Page, container: RegExp, kind: string) {
  await page.getByRole("button", { name: container }).click();
  await page.getByRole("group", { name: container }).getByRole("button", { name: kind, exact: true }).click();
}

async function rename(page: Page, which: RegExp, name: string) {
  await node(page, which).click();
  await page.getByLabel("Name (name)").fill(name);
}

test("a Feishu form with input, date picker, multi-select and checker: submitted in the preview, answered by a rule on the date", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, BASE_URL);
  const stamp = Date.now();
  const endpointName = `Feishu form ${stamp}`;
  const created = await page.request.post("/api/endpoints", {
    headers: authHeaders,
    data: {
      platform: "feishu", name: endpointName, mode: "rules", apiBaseUrl: SIMULATOR,
      secrets: { appId: "cli_form", appSecret: "form-secret", verificationToken: "form-verification-token" },
      rules: [
        { match: { on: "form", pattern: "due=2027-*" }, reply: { toast: { type: "info", content: "Next year" } } },
        { match: { on: "form", pattern: "due=2026-12-*" }, reply: { toast: { type: "success", content: "December request filed" } } },
      ],
    },
  });
  expect(created.status()).toBe(201);

  // Build the form in the tree.
  await page.goto("/templates");
  await page.getByRole("button", { name: "New template" }).click();
  const dialog = page.getByRole("dialog", { name: "New template" });
  await dialog.getByLabel("Feishu / Lark card").check();
  await dialog.getByLabel("Name").fill(`Leave form ${stamp}`);
  await dialog.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
  await page.getByRole("button", { name: "Add at the top level" }).click();
  await page.getByRole("group", { name: "Add at the top level" }).getByRole("button", { name: "Form", exact: true }).click();
  // A form takes no table (§8.3): the add menu does not offer one there.
  await page.getByRole("button", { name: /^Add to Form/ }).click();
  await expect(page.getByRole("group", { name: /^Add to Form/ }).getByRole("button", { name: "Table", exact: true })).toHaveCount(0);
  await page.keyboard.press("Escape");
  for (const kind of ["Date picker", "Multi-select", "Checker"]) await addInto(page, /^Add to Form/, kind);
  await rename(page, /^Input/, "reason");
  await rename(page, /^Date picker/, "due");
  await rename(page, /^Multi-select/, "tags");
  await rename(page, /^Checker/, "agree");
  await expect(page.getByText("No problems: this layout follows every rule.")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Saved · v\d+/)).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "feishu-form-built-1280.png"), fullPage: true });

  const live = await context.newPage();
  await live.goto("/live");
  await expect(live.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // Fill and submit it in the preview, sending to the endpoint.
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.getByLabel("Send clicks to").selectOption({ label: endpointName });
  const preview = page.getByTestId("feishu-preview");
  await preview.getByRole("textbox", { name: "reason" }).fill("Family trip");
  await preview.getByLabel("Pick a date").fill("2026-12-01");
  await preview.getByRole("button", { name: "tags" }).click();
  await preview.getByRole("group", { name: "tags" }).getByLabel("Option 1").check();
  await preview.getByRole("group", { name: "tags" }).getByLabel("Option 2").check();
  await preview.getByRole("button", { name: "tags" }).click();
  await preview.getByLabel("Task").check();
  await page.screenshot({ path: path.join(SCREENSHOTS, "feishu-form-filled-1280.png"), fullPage: true });
  await preview.getByRole("button", { name: /^Button \d+$/ }).click();

  const payload = page.getByTestId("click-payload");
  await expect(payload).toContainText('"form_value"');
  await expect(payload).toContainText('"due": "2026-12-01 +0800"');
  await expect(payload).toContainText('"agree": true');
  await expect(page.getByTestId("simulation-result")).toContainText("December request filed");

  // /live: stored, answered by the rule, with every value read back as rule fields.
  const row = live.getByRole("list", { name: "Interactions, newest first" }).getByRole("button").filter({ hasText: endpointName }).first();
  await row.click();
  await expect(live.getByTestId("detail-status")).toHaveText("Answered");
  const fields = live.getByTestId("detail-rule-fields");
  await expect(fields).toContainText('"reason":"Family trip"');
  await expect(fields).toContainText('"due":"2026-12-01 +0800"');
  await expect(fields).toContainText('"tags":["option_1","option_2"]');
  await expect(fields).toContainText('"agree":true');
  await expect(live.getByText("December request filed").first()).toBeVisible();
  await live.screenshot({ path: path.join(SCREENSHOTS, "live-feishu-form-1280.png"), fullPage: true });
  await context.close();
});
