import { expect, type Page } from "@playwright/test";
import { ADMIN_PASSWORD } from "./env";

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, baseUrl: string, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/Admin password|管理员密码/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
  await expect(page).toHaveURL(/\/templates/);
}
