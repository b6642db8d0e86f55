import path from "node:path";
import { expect, test } from "@playwright/test";
import { qqButton, qqKeyboardOf } from "../lib/platforms/qq/fixtures/layouts";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

/**
 * Issue 14, QQ: keyboard fields botgo knows and the seed does not (protocols.md §8.2) are accepted with a warning
 * naming botgo; a button's action.modal asks in a confirm dialog before the click goes through.
 */
test("botgo's confirm dialog (action.modal) pops up before the click; the fields warn, never error", async ({ page }) => {
  await signIn(page, BASE_URL);
  const layout = qqKeyboardOf(
    qqButton("pay", { action: { modal: { content: "Pay 10 coins for this?", confirm_text: "Pay", cancel_text: "Not now" } }, extra: { group_id: "shop" } }),
    qqButton("plain"),
  );
  const created = await page.request.post("/api/templates", { headers: authHeaders, data: { platform: "qq", name: `botgo ${Date.now()}`, text: "Hi", layout } });
  expect(created.status()).toBe(201);
  const { template } = await created.json();
  await page.goto(`/templates/${template.id}`);
  // Warnings that name the source, and no error: the API and the checks panel say the same.
  const checked = await (await page.request.post("/api/validate", { headers: authHeaders, data: { platform: "qq", layout } })).json();
  expect(checked.errors).toEqual([]);
  expect(checked.warnings.map((w: { code: string }) => w.code)).toContain("qq.botgo.field");
  await expect(page.getByText(/botgo/).first()).toBeVisible();
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByTestId("qq-preview");

  await preview.getByRole("button", { name: "Button pay" }).click();
  const dialog = page.getByTestId("qq-confirm-dialog");
  await expect(dialog).toContainText("Pay 10 coins for this?");
  await page.screenshot({ path: path.join(SCREENSHOTS, "qq-botgo-confirm-1280.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Not now" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("click-payload")).toHaveCount(0);

  await preview.getByRole("button", { name: "Button pay" }).click();
  await dialog.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("click-payload")).toContainText('"button_id": "pay"');
});
