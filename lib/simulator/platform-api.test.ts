import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as callsRoute } from "@/app/api/simulator/calls/route";
import { closePg } from "@/lib/db/pg";
import { createEachTestDb, testDatabaseKind } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { FEISHU_CARD_ACTION, FEISHU_LEGACY_CARD_ACTION } from "@/lib/platforms/feishu/fixtures/vectors";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import { answerPlatformCall, noteSentBody, recordedCalls, type PlatformCall } from "./platform-api";

const db = await createEachTestDb();
const PORT = "39871";
const SIMULATOR = `http://127.0.0.1:${PORT}/api/simulator/platform`;
let previousPort: string | undefined;
beforeAll(() => {
  previousPort = process.env.PORT;
  // The endpoints below point at "this server's" simulator: a loopback address on PORT.
  process.env.PORT = PORT;
});
afterAll(async () => {
  process.env.PORT = previousPort;
  await db.$disconnect();
  if (testDatabaseKind() === "postgres") await closePg();
});

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const call = (method: string, path: string, authorization: string | null, body?: unknown): Promise<{ status: number; body: unknown }> =>
  answerPlatformCall(db, { method, path, authorization, bodyText: body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body) } satisfies PlatformCall);
const endpoint = (platform: "qq" | "feishu", secrets: Record<string, string>, apiBaseUrl: string | undefined = SIMULATOR) =>
  createEndpoint(db, { platform, name: `${platform} ${unique()}`, mode: "manual", requireSignature: true, apiBaseUrl, secrets, rules: [] }, "http://localhost", "en");
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("the simulator's QQ API", () => {
  it("issues a random access token only for an app id and secret of an endpoint pointed at it", async () => {
    const appId = `qq${unique()}`;
    await endpoint("qq", { appId, secret: "qq-bot-secret" });
    const before = (await recordedCalls()).length;
    expect(await call("POST", "/app/getAppAccessToken", null, { appId, clientSecret: "wrong" })).toMatchObject({ status: 401 });
    expect(await call("POST", "/app/getAppAccessToken", null, { appId: "nobody", clientSecret: "qq-bot-secret" })).toMatchObject({ status: 401 });
    expect((await recordedCalls()).length).toBe(before);

    const issued = await call("POST", "/app/getAppAccessToken", null, { appId, clientSecret: "qq-bot-secret" });
    expect(issued.status).toBe(200);
    const { access_token: token, expires_in: expiresIn } = issued.body as { access_token: string; expires_in: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Number(expiresIn)).toBeGreaterThan(7000);
    // Asked again while it is fresh: the same token, as the platform answers.
    expect((await call("POST", "/app/getAppAccessToken", null, { appId, clientSecret: "qq-bot-secret" })).body).toMatchObject({ access_token: token });
    // Another app gets another token.
    const other = `qq${unique()}`;
    await endpoint("qq", { appId: other, secret: "other-secret" });
    expect((await call("POST", "/app/getAppAccessToken", null, { appId: other, clientSecret: "other-secret" })).body).not.toMatchObject({ access_token: token });
    expect(JSON.stringify((await recordedCalls()))).not.toContain("qq-bot-secret");
  });

  it("answers PUT /interactions/{id} with 401 without an issued token, 200 with one", async () => {
    const appId = `qq${unique()}`;
    await endpoint("qq", { appId, secret: "put-secret" });
    const before = (await recordedCalls()).length;
    expect((await call("PUT", "/interactions/1", null, { code: 0 })).status).toBe(401);
    expect((await call("PUT", "/interactions/1", "QQBot SIMULATED_ACCESS_TOKEN", { code: 0 })).status).toBe(401);
    expect((await recordedCalls()).length).toBe(before);
    const { access_token: token } = (await call("POST", "/app/getAppAccessToken", null, { appId, clientSecret: "put-secret" })).body as { access_token: string };
    expect((await call("PUT", "/interactions/1", `Bearer ${token}`, { code: 0 })).status).toBe(401);
    expect(await call("PUT", "/interactions/1", `QQBot ${token}`, { code: 0 })).toEqual({ status: 200, body: {} });
    const put = (await recordedCalls()).at(-1)!;
    expect(put).toMatchObject({ method: "PUT", path: "/interactions/1", body: { code: 0 } });
    // The log tells tokens apart without handing one out.
    expect(put.authorization).toBe(`QQBot ${token.slice(0, 8)}…`);
  });

  it("does not issue tokens for an endpoint whose API base is the platform's own", async () => {
    const appId = `qq${unique()}`;
    await endpoint("qq", { appId, secret: "official-secret" }, "https://api.sgroup.qq.com");
    expect((await call("POST", "/app/getAppAccessToken", null, { appId, clientSecret: "official-secret" })).status).toBe(401);
  });
});

describe("the simulator's Feishu API", () => {
  const update = (authorization: string | null, token: string, n: number) =>
    call("POST", "/open-apis/interactive/v1/card/update", authorization, { token, card: { schema: "2.0", body: { elements: [], n } } });

  async function tenantToken(): Promise<string> {
    const appId = `cli_${unique()}`;
    await endpoint("feishu", { appId, appSecret: "feishu-app-secret", verificationToken: "flow-verification-token" });
    const bad = await call("POST", "/open-apis/auth/v3/tenant_access_token/internal", null, { app_id: appId, app_secret: "guess" });
    expect(bad).toMatchObject({ status: 400, body: { code: 10014 } });
    const answer = await call("POST", "/open-apis/auth/v3/tenant_access_token/internal", null, { app_id: appId, app_secret: "feishu-app-secret" });
    expect(answer).toMatchObject({ status: 200, body: { code: 0, msg: "ok", expire: 7200 } });
    expect((await recordedCalls()).at(-1)?.body).toEqual({ app_id: appId, app_secret: "[redacted]" });
    return (answer.body as { tenant_access_token: string }).tenant_access_token;
  }

  it("refuses card updates without a tenant token (401 99991661) or with one it never issued (401 99991663)", async () => {
    const before = (await recordedCalls()).length;
    expect(await update(null, "c-x", 1)).toMatchObject({ status: 401, body: { code: 99991661 } });
    expect(await update("Bearer SIMULATED_TENANT_TOKEN", "c-x", 1)).toMatchObject({ status: 401, body: { code: 99991663 } });
    expect(await update("Bearer t-forged", "c-x", 1)).toMatchObject({ status: 401, body: { code: 99991663 } });
    expect((await recordedCalls()).length).toBe(before);
  });

  it("issues t-… tokens; an update token takes the adapter's budget of updates, then its exhausted code", async () => {
    const tenant = await tenantToken();
    expect(tenant).toMatch(/^t-[A-Za-z0-9_-]{32}$/);
    const budget = feishuInbound.lateBudget!;
    const token = `c-${unique()}`;
    for (let n = 1; n <= budget.max; n++) expect(await update(`Bearer ${tenant}`, token, n)).toEqual({ status: 200, body: { code: 0, msg: "ok" } });
    expect(await update(`Bearer ${tenant}`, token, budget.max + 1)).toMatchObject({ status: 200, body: { code: budget.exhaustedCode } });
    const cards = (await (await callsRoute()).json()) as { cards: { token: string; card: { body: { n: number } } }[] };
    expect(cards.cards.filter((c) => c.token === token).map((c) => c.card.body.n)).toEqual(Array.from({ length: budget.max }, (_, i) => i + 1));
    expect(await update(`Bearer ${tenant}`, "", 1)).toMatchObject({ status: 200, body: { code: 10002 } });
  });

  describe("an update token's 30 minutes (延时更新消息卡片: valid 30 minutes, 2 uses)", () => {
    // Only Date is faked: the database and timers run as usual, the stand-in reads the moved clock.
    afterEach(() => {
      vi.useRealTimers();
    });
    const at = (ms: number) => vi.setSystemTime(ms);
    const { windowMs, exhaustedCode } = feishuInbound.lateBudget!;

    it("runs from the card callback the simulator sent: an unused token is refused once they are over", async () => {
      const tenant = await tenantToken();
      const token = `c-${unique()}`;
      const legacy = `c-${unique()}`;
      const start = Date.now();
      vi.useFakeTimers({ toFake: ["Date"], now: start });
      await noteSentBody("feishu", JSON.stringify({ ...FEISHU_CARD_ACTION, event: { ...FEISHU_CARD_ACTION.event, token } }));
      await noteSentBody("feishu", JSON.stringify({ ...FEISHU_LEGACY_CARD_ACTION, token: legacy }));
      at(start + windowMs - 1000);
      expect(await update(`Bearer ${tenant}`, token, 1)).toEqual({ status: 200, body: { code: 0, msg: "ok" } });
      at(start + windowMs);
      expect(await update(`Bearer ${tenant}`, token, 2)).toMatchObject({ status: 200, body: { code: exhaustedCode } });
      expect(await update(`Bearer ${tenant}`, legacy, 1)).toMatchObject({ status: 200, body: { code: exhaustedCode } });
      const cards = (await (await callsRoute()).json()) as { cards: { token: string }[] };
      expect(cards.cards.filter((c) => c.token === token)).toHaveLength(1);
      expect(cards.cards.filter((c) => c.token === legacy)).toHaveLength(0);
    });

    it("runs from the first update for a token the simulator never sent", async () => {
      const tenant = await tenantToken();
      const token = `c-${unique()}`;
      const start = Date.now();
      vi.useFakeTimers({ toFake: ["Date"], now: start });
      // A body that is no card callback dates nothing.
      await noteSentBody("feishu", JSON.stringify({ schema: "2.0", header: { event_type: "im.message.receive_v1" }, event: { token } }));
      at(start + windowMs);
      expect(await update(`Bearer ${tenant}`, token, 1)).toEqual({ status: 200, body: { code: 0, msg: "ok" } });
      at(start + 2 * windowMs - 1);
      expect(await update(`Bearer ${tenant}`, token, 2)).toEqual({ status: 200, body: { code: 0, msg: "ok" } });
      at(start + 2 * windowMs);
      expect(await update(`Bearer ${tenant}`, token, 3)).toMatchObject({ body: { code: exhaustedCode, msg: expect.stringContaining("expired") } });
    });
  });

  it("keeps the call log readable after a 5,000-deep body, from a stranger or an authenticated caller", async () => {
    const tenant = await tenantToken();
    const body = `{"token":"c-deep","card":${deep(5000)}}`;
    expect((await call("POST", "/open-apis/interactive/v1/card/update", null, body)).status).toBe(401);
    expect((await call("POST", "/open-apis/auth/v3/tenant_access_token/internal", null, body)).status).toBe(400);
    expect(await call("POST", "/open-apis/interactive/v1/card/update", `Bearer ${tenant}`, body)).toMatchObject({ status: 200, body: { code: 10002 } });
    expect((await recordedCalls()).at(-1)).toMatchObject({ body: null, bodyProblem: "tooDeep" });
    expect((await recordedCalls()).at(-1)?.bodyText?.length).toBeLessThanOrEqual(2048);
    const response = await callsRoute();
    expect(response.status).toBe(200);
    expect(((await response.json()) as { calls: unknown[] }).calls.length).toBeGreaterThan(0);
  });
});

describe("the simulator's Discord API", () => {
  it("accepts webhook calls only for an interaction token the simulator sent, per application", async () => {
    const app = `app${unique()}`;
    const token = `tok${unique()}`;
    const before = (await recordedCalls()).length;
    expect(await call("POST", `/webhooks/${app}/${token}`, null, { content: "hi" })).toEqual({ status: 401, body: { message: "Invalid Webhook Token", code: 50027 } });
    expect((await recordedCalls()).length).toBe(before);
    await noteSentBody("discord", JSON.stringify({ id: "1", type: 3, application_id: app, token }));
    expect((await call("POST", `/webhooks/${app}/${token}`, null, { content: "hi" })).status).toBe(200);
    expect((await call("PATCH", `/webhooks/${app}/${token}/messages/@original`, null, { content: "edit" })).status).toBe(200);
    expect((await call("POST", `/webhooks/other/${token}`, null, {})).status).toBe(401);
    expect((await call("POST", `/webhooks/${app}/${token}x`, null, {})).status).toBe(401);
    // Undecodable path segments are a refusal, not a crash.
    expect((await call("POST", `/webhooks/%ff/${token}`, null, {})).status).toBe(401);
    expect((await recordedCalls()).slice(before).map((c) => c.method)).toEqual(["POST", "PATCH"]);
  });

  it("ignores sent bodies that are not interactions", async () => {
    await expect(noteSentBody("discord", deep(5000))).resolves.toBeUndefined();
    await expect(noteSentBody("discord", "not json")).resolves.toBeUndefined();
  });
});

it("answers 404 for a path no stand-in knows, without recording it", async () => {
  const before = (await recordedCalls()).length;
  expect((await call("GET", "/nothing/here", null)).status).toBe(404);
  expect((await recordedCalls()).length).toBe(before);
});
