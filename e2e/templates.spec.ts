import { expect, test } from "@playwright/test";
import { discordGrid } from "../lib/platforms/discord/fixtures/layouts";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { authHeaders, BASE_URL } from "./support/env";
import { signIn } from "./support/session";

test("a template created through the API is listed, filterable and searchable in the UI", async ({ page, request }) => {
  const name = `Shop menu ${Date.now()}`;
  const created = await request.post("/api/templates", { headers: authHeaders, data: { platform: "qq", name, layout: qqGrid(2, 3) } });
  expect(created.status()).toBe(201);
  await request.post("/api/templates", { headers: authHeaders, data: { platform: "discord", name: `Other ${Date.now()}`, layout: discordGrid(1, 1) } });

  await signIn(page, BASE_URL);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText("QQ");
  await expect(row.getByRole("cell").nth(2)).toHaveText("6 buttons");
  await expect(row.getByRole("cell").nth(3)).toHaveText("v1");

  await page.getByRole("combobox", { name: "Platform" }).selectOption("discord");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/platform=discord/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);

  await page.getByRole("combobox", { name: "Platform" }).selectOption("");
  await page.getByRole("searchbox", { name: "Search by name" }).fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);

  await page.getByRole("searchbox", { name: "Search by name" }).fill("no template is called this");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "No templates match" })).toBeVisible();
});
