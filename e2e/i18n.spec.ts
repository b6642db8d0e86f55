import { expect, test } from "@playwright/test";
import { BASE_URL } from "./support/env";
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
