import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { qqGrid } from "../lib/platforms/qq/fixtures/layouts";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

/**
 * Issue 14, QQ result delivery (protocols.md §8.2): on a `both` endpoint a person who answers inside the hold
 * window is carried by the acknowledgement (the simulator, standing in for QQ, reads the code there first); one
 * who answers after the acknowledgement left is carried by the PUT alone.
 */
const SIMULATOR = `${BASE_URL}/api/simulator/platform`;
const HOLD_MS = 2500;

interface QqResult {
  id: string;
  ack: number | null;
  put: number | null;
  channel: string;
  shown: { code: number; from: "ack" | "put" } | null;
}

async function qqResult(page: Page, id: string): Promise<QqResult | undefined> {
  const view = (await (await page.request.get("/api/simulator/calls")).json()) as { qqResults?: QqResult[] };
  return view.qqResults?.find((r) => r.id === id);
}

test("QQ both: a person inside the hold window is read from the acknowledgement, after it from the PUT", async ({ browser }) => {
  const context = await browser.newContext();
  const builder = await context.newPage();
  await signIn(builder, BASE_URL);
  const name = `QQ both ${Date.now()}`;
  const created = await builder.request.post("/api/endpoints", {
    headers: authHeaders,
    data: { platform: "qq", name, mode: "manual", apiBaseUrl: SIMULATOR, resultDelivery: "both", holdMs: HOLD_MS, secrets: { appId: "102041819", secret: "e2e-qq-both-secret" } },
  });
  expect(created.status()).toBe(201);
  const template = await (await builder.request.post("/api/templates", { headers: authHeaders, data: { platform: "qq", name: `QQ both ${Date.now()}`, text: "Hi", layout: qqGrid(1, 2) } })).json();

  const live = await context.newPage();
  await live.goto("/live");
  await expect(live.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await builder.goto(`/templates/${template.template.id}`);
  await builder.getByRole("tab", { name: "Preview" }).click();
  await builder.getByLabel("Send clicks to").selectOption({ label: name });

  // Inside the window: the click is held; the person answers while the countdown says "in the acknowledgement".
  await builder.getByTestId("qq-preview").getByRole("button", { name: "Button 0-0" }).click();
  // Rows of earlier tests carry the same control ids: the row is found by this endpoint's name too.
  const rowOf = (control: string) => live.getByRole("list", { name: "Interactions, newest first" }).getByRole("button").filter({ hasText: control }).filter({ hasText: name }).first();
  const row = rowOf("0-0");
  await row.click();
  await expect(live.getByRole("timer")).toHaveAttribute("data-channel", "ack");
  await expect(live.getByRole("timer")).toContainText("to answer in the acknowledgement");
  await live.screenshot({ path: path.join(SCREENSHOTS, "live-qq-hold-1280.png"), fullPage: true });
  await live.getByLabel("Result code").selectOption("2");
  await live.getByRole("button", { name: "Send reply" }).click();
  await expect(live.getByText("Sent in the held acknowledgement.")).toBeVisible();
  await expect(builder.getByTestId("simulation-result")).toContainText('{"op":12,"d":0,"code":2}');
  await expect(live.getByTestId("reply-channel")).toHaveText("Code 2 sent in the acknowledgement and by PUT.");
  const firstId = (await live.getByTestId("detail-event-id").textContent()) ?? "";
  await expect.poll(async () => (await qqResult(builder, firstId))?.put).toBe(2);
  expect(await qqResult(builder, firstId)).toMatchObject({ ack: 2, put: 2, channel: "both", shown: { code: 2, from: "ack" } });

  // After the window: the acknowledgement leaves without a code; the countdown moves to the PUT window.
  await builder.getByTestId("qq-preview").getByRole("button", { name: "Button 0-1" }).click();
  await expect(builder.getByTestId("simulation-result")).toContainText('{"op":12,"d":0}', { timeout: HOLD_MS + 5000 });
  await expect(builder.getByTestId("simulation-result")).not.toContainText('"code"');
  await rowOf("0-1").click();
  await expect(live.getByRole("timer")).toHaveAttribute("data-channel", "api");
  await expect(live.getByRole("timer")).toContainText("left to answer by API call");
  await live.screenshot({ path: path.join(SCREENSHOTS, "live-qq-put-window-1280.png"), fullPage: true });
  await live.getByLabel("Result code").selectOption("3");
  await live.getByRole("button", { name: "Send reply" }).click();
  await expect(live.getByText("Sent through the platform API.")).toBeVisible();
  await expect(live.getByTestId("reply-channel")).toHaveText("Code 3 sent by PUT.");
  const secondId = (await live.getByTestId("detail-event-id").textContent()) ?? "";
  expect(secondId).not.toBe(firstId);
  expect(await qqResult(builder, secondId)).toMatchObject({ ack: null, put: 3, channel: "put", shown: { code: 3, from: "put" } });
  await context.close();
});

test("QQ: the endpoints page sets result delivery and the hold window", async ({ page }) => {
  await signIn(page, BASE_URL);
  const name = `QQ settings ${Date.now()}`;
  await page.request.post("/api/endpoints", { headers: authHeaders, data: { platform: "qq", name, mode: "manual", secrets: { appId: "102041820", secret: "e2e-qq-settings" } } });
  await page.goto("/endpoints");
  const card = page.getByRole("listitem", { name });
  await expect(card.getByLabel("Result delivery")).toHaveValue("both");
  await card.getByLabel("Result delivery").selectOption("ack");
  await card.getByLabel(/Hold window/).fill("1500");
  await card.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(async () => {
    const list = (await (await page.request.get("/api/endpoints", { headers: authHeaders })).json()) as { endpoints: { name: string; resultDelivery?: string; holdMs?: number }[] };
    const found = list.endpoints.find((e) => e.name === name);
    return found ? [found.resultDelivery, found.holdMs] : null;
  }).toEqual(["ack", 1500]);
});
