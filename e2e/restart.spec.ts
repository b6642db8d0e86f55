import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { ARTIFACTS, startServer } from "./support/server";
import { signIn } from "./support/session";

test("first start prints a generated admin password; data survives a crash and a restart", async ({ page }) => {
  test.setTimeout(150_000);
  const dataDir = path.join(ARTIFACTS, "restart-data");
  rmSync(dataDir, { recursive: true, force: true });
  // No ADMIN_PASSWORD: the server must generate one and print it once.
  const options = { port: Number(process.env.E2E_RESTART_PORT ?? 3221), dataDir, env: { ADMIN_PASSWORD: undefined, API_TOKEN: "restart-token" } };

  const first = await startServer(options);
  const password = /generated an admin password[^\n]*\n\s*\n\s+(\S+)/.exec(first.output())?.[1];
  expect(password, first.output()).toBeTruthy();
  const auth = { authorization: "Bearer restart-token" };
  const created = await page.request.post(`${first.url}/api/templates`, { headers: auth, data: { platform: "qq", name: "Survives restarts", layout: qqGrid(1, 1) } });
  expect(created.status()).toBe(201);
  // A callback accepted right before a crash is not lost: it is stored before it is answered.
  const key = (await (await page.request.get(`${first.url}/api/simulate/discord-key`, { headers: auth })).json()).publicKey as string;
  const endpoint = await (await page.request.post(`${first.url}/api/endpoints`, { headers: auth, data: { platform: "discord", name: "Crash", secrets: { publicKey: key } } })).json();
  const payload = { id: "crash-1", application_id: "A", type: 3, token: "T", version: 1, data: { custom_id: "c", component_type: 2 } };
  const answered = await (await page.request.post(`${first.url}/api/simulate`, { headers: auth, data: { endpointId: endpoint.id, payload } })).json();
  expect(answered.status).toBe(200);
  await first.crash();

  const second = await startServer(options);
  try {
    expect(second.output()).not.toContain("generated an admin password");
    await signIn(page, second.url, password);
    await expect(page.getByRole("row", { name: /Survives restarts/ })).toBeVisible();
    const stored = await (await page.request.get(`${second.url}/api/interactions?endpointId=${endpoint.id}`)).json();
    expect(stored.items.map((i: { eventId: string; status: string }) => [i.eventId, i.status])).toEqual([["crash-1", "answered"]]);
  } finally {
    await second.stop();
  }
});
