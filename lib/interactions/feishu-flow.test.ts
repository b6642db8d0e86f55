import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import { answerPlatformCall, recordedCalls } from "@/lib/simulator/platform-api";
import { startSimulatorServer } from "@/lib/simulator/test-server";
import { answerInteraction } from "./answer";
import { handleCallback } from "./ingest";

const db = await createEachTestDb();
const deps = { db, now: () => new Date() };
const secrets = { appId: "cli_flow", appSecret: "flow-app-secret", verificationToken: "flow-token", encryptKey: "flow-encrypt-key" };
const card = { schema: "2.0", header: { title: { tag: "plain_text", content: "Updated" } }, body: { elements: [{ tag: "markdown", content: "**done**" }] } };

// The platform's side is the product's own simulator (lib/simulator/platform-api.ts), served over real HTTP.
let simulator: Awaited<ReturnType<typeof startSimulatorServer>>;
let apiBase = "";
beforeAll(async () => {
  simulator = await startSimulatorServer(db);
  apiBase = simulator.apiBase;
});
afterAll(async () => {
  simulator.close();
  await db.$disconnect();
});

let counter = 0;
function click(updateToken: string) {
  const plain = JSON.stringify({
    schema: "2.0",
    header: { event_id: `flow-${Date.now()}-${++counter}`, token: "", create_time: `${Date.now()}000`, event_type: "card.action.trigger", tenant_key: "t", app_id: "" },
    event: { operator: { open_id: "ou_flow" }, token: updateToken, action: { value: { action: "approve" }, tag: "button", name: "approve" }, host: "im_message", context: { open_message_id: "om_1", open_chat_id: "oc_1" } },
  });
  const signed = feishuInbound.sign(plain, String(Math.floor(Date.now() / 1000)), secrets, Buffer.alloc(32));
  return { headers: new Headers(signed.headers), body: Buffer.from(signed.body) };
}

async function rowOf(endpointId: string, token: string) {
  for (let i = 0; i < 200; i++) {
    const rows = await db.interaction.findMany({ where: { endpointId } });
    const row = rows.find((r) => r.decoded?.includes(token));
    if (row) return row;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("not stored");
}

describe("Feishu manual replies (encrypted endpoint, simulator as the platform API)", () => {
  it("answers in the held response in time; after the fallback, updates the card twice with its token, then 410", async () => {
    const endpoint = await createEndpoint(db, { platform: "feishu", name: "Feishu", mode: "manual", requireSignature: true, apiBaseUrl: apiBase, secrets, rules: [] }, "http://localhost", "en");

    // In time: the person's toast and card go back in the held HTTP response.
    const held = handleCallback(endpoint.id, click("c-in-time"), deps);
    const first = await rowOf(endpoint.id, "c-in-time");
    expect(first.body).toMatch(/^\{"encrypt":"/);
    const inTime = { toast: { type: "success", content: "Approved" }, card: { type: "raw", data: card } };
    expect(await answerInteraction(db, first.id, inTime, "en")).toEqual({ delivered: "response" });
    expect(await held).toEqual({ status: 200, body: inTime });

    // Too late: the fallback keeps the card ({}) before Feishu's 3 s; the answers become card updates.
    const started = Date.now();
    expect(await handleCallback(endpoint.id, click("c-late"), deps)).toEqual({ status: 200, body: {} });
    expect(Date.now() - started).toBeLessThan(3000);
    const late = await rowOf(endpoint.id, "c-late");
    const update = { card: { type: "raw", data: card } };
    expect(await answerInteraction(db, late.id, update, "en")).toEqual({ delivered: "update" });
    expect(await answerInteraction(db, late.id, update, "en")).toEqual({ delivered: "update" });
    await expect(answerInteraction(db, late.id, update, "en")).rejects.toMatchObject({ status: 410, code: "update_limit_reached" });
    const updates = (await recordedCalls()).filter((c) => c.path === "/open-apis/interactive/v1/card/update");
    expect(updates).toHaveLength(2);
    // With the tenant token the simulator issued (shown only by its first characters).
    expect(updates.map((c) => [c.authorization, (c.body as { token: string }).token])).toEqual([
      [expect.stringMatching(/^Bearer t-.{6}…$/), "c-late"],
      [expect.stringMatching(/^Bearer t-.{6}…$/), "c-late"],
    ]);
    // The app secret went to the simulator's token endpoint (and is never shown there).
    const tokenCalls = (await recordedCalls()).filter((c) => c.path === "/open-apis/auth/v3/tenant_access_token/internal");
    expect(tokenCalls.map((c) => c.body)).toEqual([{ app_id: secrets.appId, app_secret: "[redacted]" }]);
  }, 15_000);

  it("refuses a toast-only answer after the fallback: a toast cannot be sent late", async () => {
    const endpoint = await createEndpoint(db, { platform: "feishu", name: "Feishu toast", mode: "manual", requireSignature: true, apiBaseUrl: apiBase, secrets, rules: [] }, "http://localhost", "en");
    await handleCallback(endpoint.id, click("c-toast"), deps);
    const row = await rowOf(endpoint.id, "c-toast");
    await expect(answerInteraction(db, row.id, { toast: { type: "info", content: "late" } }, "en")).rejects.toMatchObject({ status: 410, code: "deadline_passed" });
  }, 10_000);

  it("matches rules on the action value as a JSON subset", async () => {
    const endpoint = await createEndpoint(
      db,
      { platform: "feishu", name: "Feishu rules", mode: "rules", requireSignature: true, secrets, rules: [{ match: { on: "value", pattern: '{"action":"approve"}' }, reply: { toast: { type: "success", content: "ok" } } }] },
      "http://localhost",
      "en",
    );
    expect(await handleCallback(endpoint.id, click("c-rule"), deps)).toEqual({ status: 200, body: { toast: { type: "success", content: "ok" } } });
  });

  it("refuses an API base that is neither Feishu's own, nor this server's simulator: the app secret and token would leak", async () => {
    const other = apiBase.replace(/:\d+\//, ":1/");
    for (const apiBaseUrl of ["https://attacker.example", other]) {
      await expect(createEndpoint(db, { platform: "feishu", name: "Leak", mode: "manual", requireSignature: true, apiBaseUrl, secrets, rules: [] }, "http://localhost", "en")).rejects.toMatchObject({
        status: 400,
        extra: { issues: [expect.objectContaining({ path: "apiBaseUrl" })] },
      });
    }
    const lark = await createEndpoint(db, { platform: "feishu", name: "Lark", mode: "manual", requireSignature: true, apiBaseUrl: "https://open.larksuite.com", secrets, rules: [] }, "http://localhost", "en");
    expect(lark.apiBaseUrl).toBe("https://open.larksuite.com");
  });

  it("answers a link preview (url.preview.get) by a rule on its URL, with an inline preview", async () => {
    const inline = { inline: { title: "Release notes" } };
    const endpoint = await createEndpoint(
      db,
      { platform: "feishu", name: "Feishu previews", mode: "rules", requireSignature: true, secrets, rules: [{ match: { on: "url", pattern: "https://docs.example/*" }, reply: inline }] },
      "http://localhost",
      "en",
    );
    const preview = (url: string) => {
      const plain = JSON.stringify({
        schema: "2.0",
        header: { event_id: `preview-${Date.now()}-${++counter}`, token: "", create_time: `${Date.now()}000`, event_type: "url.preview.get", tenant_key: "t", app_id: "" },
        event: { operator: { open_id: "ou_flow" }, host: "im_message", context: { url, preview_token: "p", open_message_id: "om_1", open_chat_id: "oc_1" } },
      });
      const signed = feishuInbound.sign(plain, String(Math.floor(Date.now() / 1000)), secrets, Buffer.alloc(32));
      return { headers: new Headers(signed.headers), body: Buffer.from(signed.body) };
    };
    expect(await handleCallback(endpoint.id, preview("https://docs.example/v2"), deps)).toEqual({ status: 200, body: inline });
    // No rule fits: the fallback for a preview is no preview ({}), never a toast meant for a card action.
    expect(await handleCallback(endpoint.id, preview("https://elsewhere.example/"), deps)).toEqual({ status: 200, body: {} });
  });

  it("takes the platform's word when a token is used up elsewhere: 410, and nothing more is tried", async () => {
    const endpoint = await createEndpoint(db, { platform: "feishu", name: "Feishu shared", mode: "manual", requireSignature: true, apiBaseUrl: apiBase, secrets, rules: [] }, "http://localhost", "en");
    await handleCallback(endpoint.id, click("c-shared"), deps);
    const row = await rowOf(endpoint.id, "c-shared");
    // Another program spent the token's two updates first.
    const tenant = await answerPlatformCall(db, { method: "POST", path: "/open-apis/auth/v3/tenant_access_token/internal", authorization: null, bodyText: JSON.stringify({ app_id: secrets.appId, app_secret: secrets.appSecret }) });
    const authorization = `Bearer ${(tenant.body as { tenant_access_token: string }).tenant_access_token}`;
    for (let i = 0; i < 2; i++) await answerPlatformCall(db, { method: "POST", path: "/open-apis/interactive/v1/card/update", authorization, bodyText: JSON.stringify({ token: "c-shared", card }) });
    await expect(answerInteraction(db, row.id, { card: { type: "raw", data: card } }, "en")).rejects.toMatchObject({ status: 410, code: "update_limit_reached" });
    expect((await db.interaction.findUniqueOrThrow({ where: { id: row.id } })).updates).toBe(2);
  }, 10_000);
});
