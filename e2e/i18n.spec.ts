import path from "node:path";
import { expect, test } from "@playwright/test";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

test.describe("Chinese from Accept-Language", () => {
  test.use({ locale: "zh-CN" });

  test("login page and template list are in Chinese", async ({ page }) => {
    await page.goto("/templates");
    await expect(page.getByRole("heading", { name: "登录 Button Studio" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await signIn(page, BASE_URL);
    await expect(page.getByRole("heading", { name: "模板", exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "实时日志" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "按名称搜索" })).toBeVisible();
  });

  test("the switcher changes the language in place, keeping what was typed, and is remembered", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("管理员密码").fill("typed-but-not-sent");
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await expect(page.getByRole("heading", { name: "Sign in to Button Studio" })).toBeVisible();
    await expect(page.getByLabel("Admin password")).toHaveValue("typed-but-not-sent");
    // Same document: a reload would have dropped the marker.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That password is not right. Try again." })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { name: "Sign in to Button Studio" })).toBeVisible();
  });

  test("the editor switches to English in place: the unsaved edit stays, its error follows the language", async ({ page, request }) => {
    const created = await request.post("/api/templates", { headers: authHeaders, data: { platform: "qq", name: "语言切换", layout: qqGrid(1, 2) } });
    const { template } = await created.json();
    await signIn(page, BASE_URL);
    await page.goto(`/templates/${template.id}`);
    await page.getByRole("button", { name: /Button 0-0，第 1 行第 1 个/ }).click();
    await page.getByLabel("谁可以操作 (permission.type)").selectOption("0");
    const zhError = "权限类型 0（指定用户可操作）需要在 specify_user_ids 中至少填写一个用户 id。";
    await expect(page.getByRole("button", { name: new RegExp(zhError.replace(/[().]/g, "\\$&")) })).toBeVisible();
    await expect(page.getByText("有未保存的修改")).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-errors-zh-CN-1280.png"), fullPage: true });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

    await page.getByRole("combobox", { name: "语言" }).first().selectOption("en");
    await expect(page.getByText("Unsaved changes")).toBeVisible();
    await expect(page.getByRole("button", { name: /Permission type 0 \(specified users\) needs at least one user id/ })).toBeVisible();
    await expect(page.getByLabel("Who may click (permission.type)")).toHaveValue("0");
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  });
});

test("English by default; the API follows Accept-Language for rule messages", async ({ page, request }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Button Studio" })).toBeVisible();
  const response = await request.post("/api/validate", {
    headers: { authorization: "Bearer e2e-api-token", "accept-language": "zh-CN" },
    data: { platform: "discord", layout: { components: [] } },
  });
  const body = await response.json();
  expect(body.errors).toEqual([{ code: "discord.rows.none", path: "components", message: "请至少添加一个 action row。" }]);
});
