import { createHash } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EASEMOB_REACTION_SAMPLE } from "../lib/platforms/easemob/fixtures/vectors";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

const APP_KEY = "e2e-org#reactions";
const SECRET = "e2e-easemob-secret";

function callback(security: (callId: string, timestamp: string) => string | undefined) {
  const callId = `${APP_KEY}_${crypto.randomUUID()}`;
  const timestamp = Date.now();
  const sign = security(callId, String(timestamp));
  return JSON.stringify({ ...EASEMOB_REACTION_SAMPLE, appkey: APP_KEY, callId, timestamp, ...(sign === undefined ? {} : { security: sign }) });
}

const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

test("Easemob: a signed callback is stored, a tampered one shows as refused in /live with the reason", async ({ page }) => {
  await signIn(page, BASE_URL);
  const created = await page.request.post("/api/endpoints", { headers: authHeaders, data: { platform: "easemob", name: `Easemob ${Date.now()}`, secrets: { appKey: APP_KEY, secret: SECRET } } });
  expect(created.status()).toBe(201);
  const endpoint = (await created.json()) as { id: string; name: string; secrets: Record<string, unknown>; requireSignature: boolean };
  expect(JSON.stringify(endpoint)).not.toContain(SECRET);
  expect(endpoint.requireSignature).toBe(true);
  await page.goto("/live");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  const url = `/api/callbacks/${endpoint.id}`;
  const good = await page.request.post(url, { headers: { "content-type": "application/json" }, data: callback((id, ts) => md5(id + SECRET + ts)) });
  expect(good.status()).toBe(200);
  expect((await good.text()).length).toBeLessThan(1000);
  const tampered = await page.request.post(url, {
    headers: { "content-type": "application/json" },
    data: callback((id, ts) => {
      const real = md5(id + SECRET + ts);
      return (real[0] === "0" ? "1" : "0") + real.slice(1);
    }),
  });
  expect(tampered.status()).toBe(401);
  const unsigned = await page.request.post(url, { headers: { "content-type": "application/json" }, data: callback(() => undefined) });
  expect(unsigned.status()).toBe(401);

  const list = page.getByRole("list", { name: "Interactions, newest first" });
  await expect(list.getByRole("button").filter({ hasText: "user2 +test-1" }).first()).toBeVisible();
  const refused = list.getByRole("button").filter({ hasText: "bad signature" }).first();
  await expect(refused).toBeVisible();
  await refused.click();
  await expect(page.getByTestId("detail-verified")).toHaveText("refused");
  await expect(page.getByTestId("refusal")).toContainText("signature did not match");
  // No reply controls for a platform whose callbacks take none.
  await expect(page.getByRole("button", { name: "Send reply" })).toHaveCount(0);
  await list.getByRole("button").filter({ hasText: "no signature" }).first().click();
  await expect(page.getByTestId("refusal")).toContainText("Require signature");
  await page.screenshot({ path: path.join(SCREENSHOTS, "live-easemob-refused-1280.png"), fullPage: true });

  // The endpoints page says why, and allowing unsigned callbacks lets the docs' unsigned sample in.
  await page.goto("/endpoints");
  const card = page.getByRole("listitem", { name: endpoint.name });
  await expect(card.getByTestId("last-refusal")).toContainText("Require signature");
  await card.getByRole("button", { name: "Accept unsigned callbacks" }).click();
  await expect(card.getByTestId("require-signature")).toContainText("unsigned callbacks accepted");
  await page.screenshot({ path: path.join(SCREENSHOTS, "endpoints-easemob-1280.png"), fullPage: true });
  const accepted = await page.request.post(url, { headers: { "content-type": "application/json" }, data: callback(() => undefined) });
  expect(accepted.status()).toBe(200);
});
