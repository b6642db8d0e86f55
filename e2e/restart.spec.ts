import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { ARTIFACTS, startServer } from "./support/server";
import { signIn } from "./support/session";

test("first start prints a generated admin password; data survives a restart", async ({ page }) => {
  test.setTimeout(150_000);
  const dataDir = path.join(ARTIFACTS, "restart-data");
  rmSync(dataDir, { recursive: true, force: true });
  // No ADMIN_PASSWORD: the server must generate one and print it once.
  const options = { port: Number(process.env.E2E_RESTART_PORT ?? 3221), dataDir, env: { ADMIN_PASSWORD: undefined, API_TOKEN: "restart-token" } };

  const first = await startServer(options);
  const password = /generated an admin password[^\n]*\n\s*\n\s+(\S+)/.exec(first.output())?.[1];
  expect(password, first.output()).toBeTruthy();
  const created = await page.request.post(`${first.url}/api/templates`, {
    headers: { authorization: "Bearer restart-token" },
    data: { platform: "qq", name: "Survives restarts", layout: qqGrid(1, 1) },
  });
  expect(created.status()).toBe(201);
  await first.stop();

  const second = await startServer(options);
  try {
    expect(second.output()).not.toContain("generated an admin password");
    await signIn(page, second.url, password);
    await expect(page.getByRole("row", { name: /Survives restarts/ })).toBeVisible();
  } finally {
    await second.stop();
  }
});
