import { expect, type Page } from "@playwright/test";

/** Creates a template through the library's "New template" dialog and waits for its editor. */
export async function createThroughDialog(page: Page, options: { name: string; platform?: "QQ keyboard" | "Discord components"; json?: string }) {
  await page.goto("/templates");
  await page.getByRole("button", { name: "New template" }).click();
  const dialog = page.getByRole("dialog", { name: "New template" });
  if (options.platform) await dialog.getByLabel(options.platform).check();
  await dialog.getByLabel("Name").fill(options.name);
  if (options.json) await dialog.getByLabel("Paste JSON (optional)").fill(options.json);
  await dialog.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
  await expect(page.getByRole("textbox", { name: "Template name" })).toHaveValue(options.name);
  return page.url().split("/").pop()!;
}

export const row = (page: Page, n: number) => page.getByRole("listitem", { name: `Row ${n}`, exact: true });

/** Replaces the CodeMirror document as a person pasting would. */
export async function replaceJson(page: Page, value: unknown) {
  const editor = page.getByRole("textbox", { name: "Layout JSON" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(JSON.stringify(value, null, 2));
}
