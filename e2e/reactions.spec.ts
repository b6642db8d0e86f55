import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { authHeaders, BASE_URL, SCREENSHOTS } from "./support/env";
import { signIn } from "./support/session";

interface SimulationResult {
  delivered: boolean;
  attempts: { status: number | null; bodyChars: number; bodyTooLong: boolean }[];
  request: { callId: string; security: string; payload: { data: { reactions: { reaction: string; count: number; op?: unknown }[] }[] } };
}

async function createEasemobEndpoint(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post("/api/endpoints", { headers: authHeaders, data: { platform: "easemob", name, mode: "rules", secrets: { appKey: "e2e-org#reactions", secret: "e2e-callback-secret" } } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function react(request: APIRequestContext, data: Record<string, string>): Promise<SimulationResult> {
  const response = await request.post("/api/simulator/easemob", { headers: authHeaders, data });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as SimulationResult;
}

const card = (page: Page, messageId: string) => page.getByRole("list", { name: "Messages with reactions" }).getByRole("listitem", { name: `Message ${messageId}`, exact: true });
const chip = (page: Page, messageId: string, reaction: string) => card(page, messageId).locator(`[data-testid="reaction-chip"][data-reaction="${reaction}"]`);

test("reactions from two users on two messages, one removed, show up on the board live", async ({ page }) => {
  await signIn(page, BASE_URL);
  const endpointId = await createEasemobEndpoint(page.request, `Easemob board ${Date.now()}`);
  await page.goto(`/reactions?endpointId=${endpointId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Reactions" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // Through the panel: alice reacts 👍 to msg-A.
  const panel = page.getByRole("region", { name: "Simulate a reaction" });
  await panel.getByLabel("User", { exact: true }).fill("alice");
  await panel.getByLabel("Reaction", { exact: true }).fill("👍");
  await panel.getByLabel("Message ID").fill("msg-A");
  await panel.getByLabel("Message from").fill("alice");
  await panel.getByLabel("Message to").fill("bob");
  await panel.getByRole("button", { name: "Send reaction" }).click();
  const result = page.getByTestId("easemob-simulation-result");
  await expect(result).toContainText("Delivered");
  await expect(result).toContainText("Attempt 1: HTTP 200");
  await expect(chip(page, "msg-A", "👍").getByTestId("reaction-count")).toHaveText("1");

  // Through the API, while the page only listens: more reactions, one removal.
  const base = { endpointId, from: "alice", to: "bob", channelType: "chat" };
  const bobThumbs = await react(page.request, { ...base, user: "bob", reaction: "👍", messageId: "msg-A", op: "add" });
  expect(bobThumbs.delivered).toBe(true);
  expect(bobThumbs.attempts).toHaveLength(1);
  expect(bobThumbs.request.callId).toMatch(/^e2e-org#reactions_[0-9a-f-]{36}$/);
  expect(bobThumbs.request.security).toMatch(/^[0-9a-f]{32}$/);
  const group = { endpointId, from: "bob", to: "team", channelType: "groupchat" };
  await react(page.request, { ...group, user: "bob", reaction: "❤️", messageId: "msg-B", op: "add" });
  await react(page.request, { ...group, user: "alice", reaction: "❤️", messageId: "msg-B", op: "add" });
  const removal = await react(page.request, { ...base, user: "alice", reaction: "👍", messageId: "msg-A", op: "remove" });
  expect(removal.request.payload.data[0]!.reactions).toEqual([{ op: [{ reactionType: "delete", operator: "alice" }], reaction: "👍", userList: ["bob"], count: 1 }]);

  await expect(chip(page, "msg-A", "👍").getByTestId("reaction-count")).toHaveText("1");
  await expect(chip(page, "msg-A", "👍").getByTestId("reaction-users")).toHaveText("bob");
  await expect(chip(page, "msg-B", "❤️").getByTestId("reaction-count")).toHaveText("2");
  await expect(chip(page, "msg-B", "❤️").getByTestId("reaction-users")).toHaveText("bob, alice");
  await expect(card(page, "msg-A").getByText("alice removed 👍")).toBeVisible();
  await expect(card(page, "msg-A").getByText("3 operations")).toBeVisible();

  // The conversation filter keeps the group message only.
  await page.getByLabel("Conversation type", { exact: true }).first().selectOption("groupchat");
  await expect(card(page, "msg-A")).toHaveCount(0);
  await expect(card(page, "msg-B")).toBeVisible();
  await page.getByLabel("Conversation type", { exact: true }).first().selectOption("");

  // Nothing changes twice: re-adding an existing reaction is refused, as Easemob would.
  expect((await page.request.post("/api/simulator/easemob", { headers: authHeaders, data: { ...group, user: "bob", reaction: "❤️", messageId: "msg-B", op: "add" } })).status()).toBe(409);

  const board = await (await page.request.get(`/api/reactions?endpointId=${endpointId}&messageId=msg-B`, { headers: authHeaders })).json();
  expect(board.items).toEqual([expect.objectContaining({ messageId: "msg-B", reactions: [{ reaction: "❤️", count: 2, users: ["bob", "alice"] }], conversation: { from: "bob", to: "team", channelType: "groupchat" } })]);
});

test("the reactions API names a missing endpoint and refuses an unknown one", async ({ request }) => {
  const missing = await request.get("/api/reactions", { headers: authHeaders });
  expect(missing.status()).toBe(400);
  expect(JSON.stringify(await missing.json())).toContain('"path":"endpointId"');
  expect((await request.get("/api/reactions?endpointId=nope", { headers: authHeaders })).status()).toBe(404);
});

test("a callback with a tampered security is refused, and a retry is stored once", async ({ request }) => {
  const endpointId = await createEasemobEndpoint(request, `Easemob tamper ${Date.now()}`);
  const sent = await react(request, { endpointId, user: "carol", reaction: "🔥", messageId: "msg-T", op: "add" });
  const url = `/api/callbacks/${endpointId}`;
  // Easemob's immediate retry of the same callback: answered 200 again, stored once.
  const again = await request.post(url, { data: JSON.stringify(sent.request), headers: { "content-type": "application/json" } });
  expect(again.status()).toBe(200);
  expect((await again.text()).length).toBeLessThan(1000);
  const tampered = { ...sent.request, security: `${sent.request.security.slice(0, -1)}${sent.request.security.endsWith("0") ? "1" : "0"}` };
  const refused = await request.post(url, { data: JSON.stringify(tampered), headers: { "content-type": "application/json" } });
  expect(refused.status()).toBe(401);
  const { security: _s, ...unsigned } = sent.request;
  expect((await request.post(url, { data: JSON.stringify(unsigned), headers: { "content-type": "application/json" } })).status()).toBe(401);
  expect((await request.post(url, { data: "not json", headers: { "content-type": "application/json" } })).status()).toBe(400);
  const list = await (await request.get(`/api/interactions?endpointId=${endpointId}`, { headers: authHeaders })).json();
  expect(list.items.filter((i: { status: string; kind: string }) => i.kind === "reaction" && i.status !== "refused")).toHaveLength(1);
});

test("against a developer's URL the simulator reports the retry and an answer over 1,000 characters", async ({ request }) => {
  const endpointId = await createEasemobEndpoint(request, `Easemob dev ${Date.now()}`);
  let calls = 0;
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      bodies.push(body);
      calls += 1;
      if (calls === 1) res.writeHead(500).end("busy");
      else res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(1500));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const result = await react(request, { endpointId, user: "dave", reaction: "👀", messageId: "msg-D", op: "add", targetUrl: `http://127.0.0.1:${port}/easemob` });
    expect(result.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(result.delivered).toBe(true);
    expect(result.attempts[1]).toMatchObject({ bodyChars: 1500, bodyTooLong: true });
    // The retry is the same callback, byte for byte.
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBe(bodies[1]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Text that spills past the viewport shows up as horizontal scroll. */
async function expectNoHorizontalOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} overflows horizontally by ${overflow}px`).toBeLessThanOrEqual(0);
}

test("a big endpoint shows a page of messages, Load more brings the rest, and a bad cursor is a 400", async ({ page }) => {
  await signIn(page, BASE_URL);
  const endpointId = await createEasemobEndpoint(page.request, "Easemob paging");
  for (let i = 0; i < 23; i++) await react(page.request, { endpointId, user: "u1", reaction: "👍", messageId: `page-${i}`, op: "add" });
  await page.goto(`${BASE_URL}/reactions?endpointId=${endpointId}`);
  const cards = page.getByRole("list", { name: "Messages with reactions" }).getByRole("listitem", { name: /^Message / });
  await expect(cards).toHaveCount(20);
  await expect(card(page, "page-22")).toBeVisible();
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(cards).toHaveCount(23);
  await expect(card(page, "page-0")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  const outOfRange = `${Buffer.from("+010000-01-01T00:00:00.000Z|m").toString("base64url")}.${Buffer.from("page-1").toString("base64url")}`;
  const bad = await page.request.get(`/api/reactions?endpointId=${endpointId}&cursor=${outOfRange}`, { headers: authHeaders });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_cursor");
});

for (const locale of ["en", "zh-CN"]) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    test(`reactions page in ${locale} at ${viewport.width}px`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport });
      const page = await context.newPage();
      await signIn(page, BASE_URL);
      const endpointId = await createEasemobEndpoint(page.request, `环信 Easemob ${locale} ${viewport.width}`);
      const chat = { endpointId, from: "user_with_a_rather_long_name", to: "another_long_user_name", channelType: "chat" };
      await react(page.request, { ...chat, user: "user1", reaction: "👍", messageId: "99XXXX32-a-long-message-identifier-from-easemob", op: "add" });
      await react(page.request, { ...chat, user: "user2", reaction: "👍", messageId: "99XXXX32-a-long-message-identifier-from-easemob", op: "add" });
      await react(page.request, { ...chat, user: "user2", reaction: "test-1", messageId: "99XXXX32-a-long-message-identifier-from-easemob", op: "add" });
      await react(page.request, { endpointId, from: "user3", to: "group-42", channelType: "groupchat", user: "user3", reaction: "🎉", messageId: "msg-2", op: "add" });
      await page.goto(`${BASE_URL}/reactions?endpointId=${endpointId}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator('[data-testid="reaction-chip"]')).toHaveCount(3);
      await expectNoHorizontalOverflow(page, "reactions");
      await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-${viewport.width}-reactions.png`), fullPage: true });
      await context.close();
    });
  }
}
