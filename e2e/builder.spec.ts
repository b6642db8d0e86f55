import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, SCREENSHOTS } from "./support/env";
import { createThroughDialog, replaceJson, row } from "./support/editor";
import { signIn } from "./support/session";

test.beforeEach(async ({ page }) => {
  await signIn(page, BASE_URL);
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `editor-${name}.png`), fullPage: true });

test("builds a full 5×5 QQ keyboard; Add row and Add button stop at the limit and say why", async ({ page }) => {
  await createThroughDialog(page, { name: `Full keyboard ${Date.now()}` });
  await shot(page, "starter-1280");
  for (let n = 2; n <= 5; n++) await page.getByRole("button", { name: "Add row" }).click();
  for (let r = 1; r <= 5; r++) {
    for (let b = 2; b <= 5; b++) await row(page, r).getByRole("button", { name: "Add button" }).click();
  }
  for (let r = 1; r <= 5; r++) await expect(row(page, r).getByRole("button", { pressed: false, name: /row \d, position/ }).or(row(page, r).getByRole("button", { pressed: true, name: /row \d, position/ }))).toHaveCount(5);

  await expect(page.getByRole("button", { name: "Add row" })).toBeDisabled();
  await expect(page.getByText("At most 5 rows: remove a row to add another.")).toBeVisible();
  await expect(row(page, 1).getByRole("button", { name: "Add button" })).toBeDisabled();
  await expect(row(page, 1).getByText("A QQ row holds at most 5 buttons.")).toBeVisible();
  await expect(page.getByText("No problems: this layout follows every rule.")).toBeVisible();
  await shot(page, "full-5x5-1280");

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved · v2")).toBeVisible();
  const id = page.url().split("/").pop();
  const exported = await (await page.request.get(`/api/templates/${id}/export`)).json();
  expect(exported.keyboard.content.rows.map((r: { buttons: unknown[] }) => r.buttons.length)).toEqual([5, 5, 5, 5, 5]);
});

test("permission rules and scenes are checked as you edit", async ({ page }) => {
  await createThroughDialog(page, { name: `Permissions ${Date.now()}` });
  await row(page, 1).getByRole("button", { name: /Button 1, row 1/ }).click();

  await page.getByLabel("Who may click (permission.type)").selectOption("0");
  const usersError = "Permission type 0 (specified users) needs at least one user id in specify_user_ids.";
  await expect(page.getByRole("button", { name: new RegExp(usersError.replace(/[().]/g, "\\$&")) })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await shot(page, "errors-1280");
  await page.getByLabel("User ids (specify_user_ids)").fill("user_1");
  await expect(page.getByText(usersError)).toHaveCount(0);

  await page.getByLabel("Who may click (permission.type)").selectOption("3");
  await page.getByLabel("Role ids (specify_role_ids)").fill("role_1");
  await expect(page.getByText("No problems: this layout follows every rule.")).toBeVisible();
  await page.getByLabel("Scene").selectOption("group");
  const sceneError = page.getByText("Permission type 3 (身份组) works only in guild (频道) messages, not in group messages.").first();
  await expect(sceneError).toBeVisible();

  // Clicking a finding selects the control it is about.
  await page.getByRole("tab", { name: "JSON" }).click();
  await page.getByRole("button", { name: /works only in guild/ }).click();
  await expect(page.getByRole("tab", { name: "Inspector" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Who may click (permission.type)")).toHaveValue("3");
});

test("JSON and grid stay in sync both ways; invalid JSON never destroys the layout", async ({ page }) => {
  await createThroughDialog(page, { name: `Sync ${Date.now()}` });
  await page.getByRole("tab", { name: "JSON" }).click();
  const layout = {
    content: {
      rows: [
        { buttons: [{ id: "a", render_data: { label: "From JSON", visited_label: "Clicked A", style: 0 }, action: { type: 1, permission: { type: 2 }, data: "a", unsupport_tips: "t" } }] },
        { buttons: [{ id: "b", render_data: { label: "Second row", visited_label: "Clicked B", style: 1 }, action: { type: 2, permission: { type: 2 }, data: "/help", unsupport_tips: "t" } }] },
      ],
    },
  };
  await replaceJson(page, layout);
  await expect(row(page, 1).getByRole("button", { name: /From JSON/ })).toBeVisible();
  await expect(row(page, 2).getByRole("button", { name: /Second row/ })).toBeVisible();

  await page.getByRole("textbox", { name: "Layout JSON" }).press("End");
  await page.keyboard.insertText(",,,");
  await expect(page.getByText(/Not valid JSON yet/)).toBeVisible();
  await expect(row(page, 1).getByRole("button", { name: /From JSON/ })).toBeVisible();

  await row(page, 2).getByRole("button", { name: /Second row/ }).click();
  await page.getByLabel("Label (label)").fill("Renamed in inspector");
  await page.getByRole("tab", { name: "JSON" }).click();
  await expect(page.getByRole("textbox", { name: "Layout JSON" })).toContainText('"label": "Renamed in inspector"');

  // Preview: a command button inserts its text, a callback button shows the INTERACTION_CREATE it causes.
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByTestId("qq-preview");
  await preview.getByRole("button", { name: "Renamed in inspector" }).click();
  await expect(page.getByText("Inserts into the input box:")).toBeVisible();
  await expect(page.getByText("@bot /help")).toBeVisible();
  await preview.getByRole("button", { name: "From JSON" }).click();
  await expect(page.getByTestId("click-payload")).toContainText('"t": "INTERACTION_CREATE"');
  await expect(page.getByTestId("click-payload")).toContainText('"button_id": "a"');
  await expect(preview.getByRole("button", { name: "Clicked A" })).toBeVisible();
  await shot(page, "preview-qq-1280");
});

test("undo, redo, autosaved draft, save, reload and restore an older version", async ({ page }) => {
  const id = await createThroughDialog(page, { name: `History ${Date.now()}` });
  await page.getByRole("button", { name: "Add row" }).click();
  await expect(row(page, 2)).toBeVisible();
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(row(page, 2)).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect(row(page, 2)).toBeVisible();

  // A reload before saving loses nothing.
  await page.reload();
  await expect(page.getByText("Unsaved changes from your last visit were restored.")).toBeVisible();
  await expect(row(page, 2)).toBeVisible();

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved · v2")).toBeVisible();
  await page.reload();
  await expect(row(page, 2)).toBeVisible();
  await expect(page.getByText("Unsaved changes from your last visit were restored.")).toHaveCount(0);

  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByText("Changes from v1 to v2")).toBeVisible();
  await page.getByRole("button", { name: "Restore v1" }).click();
  await expect(page.getByText("Saved · v3")).toBeVisible();
  await expect(row(page, 2)).toHaveCount(0);
  const versions = (await (await page.request.get(`/api/templates/${id}/versions`)).json()).versions;
  expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  expect(versions[0].layout).toEqual(versions[2].layout);
});

test("a pasted Discord message body imports and exports back equal", async ({ page }) => {
  const body = {
    content: "Pick a role",
    components: [
      { type: 1, components: [{ type: 2, style: 1, label: "Red", custom_id: "red" }, { type: 2, style: 5, label: "Docs", url: "https://discord.com/developers/docs" }] },
      { type: 1, components: [{ type: 3, custom_id: "colour", placeholder: "Choose", options: [{ label: "Blue", value: "blue" }, { label: "Green", value: "green" }] }] },
    ],
  };
  // QQ stays chosen: the JSON is plainly Discord's, and is taken as such.
  const id = await createThroughDialog(page, { name: `Imported ${Date.now()}`, json: JSON.stringify(body, null, 4) });
  await expect(page.getByText("Discord", { exact: true })).toBeVisible();
  await expect(row(page, 2).getByRole("button", { name: /Choose/ })).toBeVisible();
  const exported = await (await page.request.get(`/api/templates/${id}/export`)).text();
  expect(exported).toBe(JSON.stringify(body));

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy message body" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(body);

  await page.getByRole("tab", { name: "Preview" }).click();
  await page.getByTestId("discord-preview").getByRole("button", { name: "Red" }).click();
  await expect(page.getByTestId("click-payload")).toContainText('"custom_id": "red"');
  await shot(page, "preview-discord-1280");
});

test("controls and rows reorder by keyboard", async ({ page }) => {
  await createThroughDialog(page, { name: `Keyboard ${Date.now()}` });
  await row(page, 1).getByRole("button", { name: "Add button" }).click();
  await page.getByRole("button", { name: "Add row" }).click();
  // dnd-kit announces each step in a live region; a person hears it, the test waits for it.
  const announced = (text: string) => expect(page.getByRole("status").filter({ hasText: text })).toHaveCount(1);
  await row(page, 1).getByRole("button", { name: /Button 1, row 1/ }).focus();
  await page.keyboard.press("Space");
  await announced("Over row 1, position 1.");
  await page.keyboard.press("ArrowRight");
  await announced("Over row 1, position 2.");
  await page.keyboard.press("Space");
  await announced("Dropped at row 1, position 2.");
  await expect(row(page, 1).getByRole("button", { name: /Button 1, row 1, position 2/ })).toBeVisible();

  await page.getByRole("button", { name: "Move row 2", exact: true }).focus();
  await page.keyboard.press("Space");
  await announced("Over row 2.");
  await page.keyboard.press("ArrowUp");
  await announced("Over row 1.");
  await page.keyboard.press("Space");
  await expect(row(page, 1).getByRole("button", { name: /Button 3, row 1/ })).toBeVisible();
  await expect(row(page, 2).getByRole("button", { name: /Button 2, row 2, position 1/ })).toBeVisible();
});

test("the library duplicates, renames and deletes with confirmation", async ({ page }) => {
  const name = `Library ${Date.now()}`;
  await createThroughDialog(page, { name });
  await page.goto("/templates");
  await page.getByRole("button", { name: `Duplicate ${name}` }).click();
  await expect(page.getByRole("link", { name: `${name} (copy)` })).toBeVisible();
  await page.getByRole("button", { name: `Rename ${name} (copy)` }).click();
  const rename = page.getByRole("dialog", { name: "Rename template" });
  await rename.getByLabel("Name").fill(`${name} renamed`);
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("link", { name: `${name} renamed` })).toBeVisible();
  await page.getByRole("button", { name: `Delete ${name} renamed` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete “${name} renamed”?` });
  await expect(confirm.getByText("This cannot be undone.")).toBeVisible();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("link", { name: `${name} renamed` })).toHaveCount(0);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the editor still works", async ({ page }) => {
    await createThroughDialog(page, { name: `Mobile ${Date.now()}` });
    await row(page, 1).getByRole("button", { name: "Add button" }).click();
    await expect(row(page, 1).getByRole("button", { name: /Button 2/ })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "starter-390");
  });
});
