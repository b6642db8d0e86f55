import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { answerPlatformCall } from "./platform-api";
import { simulate, simulatorDiscordPublicKey } from "./send";

const db = createTestDb();
// A developer's bot: records what the simulator sent it.
const received: string[] = [];
let server: Server;
let bot = "";
let previousPort: string | undefined;
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" }).end('{"type":6}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  bot = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot`;
  previousPort = process.env.PORT;
  process.env.PORT = "39872";
});
afterEach(() => {
  delete process.env.SIMULATOR_ALLOWED_TARGETS;
});
afterAll(async () => {
  server.close();
  process.env.PORT = previousPort;
  await db.$disconnect();
});

const discordEndpoint = () =>
  createEndpoint(db, { platform: "discord", name: `Discord ${Date.now()}`, mode: "manual", requireSignature: true, secrets: { publicKey: simulatorDiscordPublicKey() }, rules: [] }, "http://localhost", "en");
const interaction = (token: string) => ({ id: `i-${token}`, application_id: "APP", type: 3, token, version: 1, data: { custom_id: "go", component_type: 2 } });

describe("the simulator's targets", () => {
  it("refuses a target outside SIMULATOR_ALLOWED_TARGETS with 400 target_not_allowed naming the field, before sending", async () => {
    const endpoint = await discordEndpoint();
    process.env.SIMULATOR_ALLOWED_TARGETS = "https://*.example.com";
    const count = received.length;
    await expect(simulate(db, { endpointId: endpoint.id, payload: interaction("refused"), targetUrl: bot }, "http://localhost:39872", "zh-CN")).rejects.toMatchObject({
      status: 400,
      code: "target_not_allowed",
      params: { field: "targetUrl", url: bot },
      extra: { issues: [expect.objectContaining({ code: "field.targetNotAllowed", path: "targetUrl", message: expect.stringContaining("SIMULATOR_ALLOWED_TARGETS") })] },
    });
    expect(received.length).toBe(count);
    // Nothing was sent, so its interaction token is not valid at the webhook stand-in either.
    expect((await answerPlatformCall(db, { method: "POST", path: "/webhooks/APP/refused", authorization: null, bodyText: "{}" })).status).toBe(401);
  });

  it("always allows this server's own callback URLs, but not a Host-chosen origin", async () => {
    const endpoint = await discordEndpoint();
    process.env.SIMULATOR_ALLOWED_TARGETS = "https://*.example.com";
    // Own callback on this machine's PORT: allowed (nothing listens there in this test, hence 502).
    await expect(simulate(db, { endpointId: endpoint.id, payload: interaction("own") }, "http://127.0.0.1:39872", "en")).rejects.toMatchObject({ status: 502, code: "target_unreachable" });
    // The origin comes from the request: a forged Host is no licence to reach another host or port.
    await expect(simulate(db, { endpointId: endpoint.id, payload: interaction("forged") }, "http://10.0.0.7:22", "en")).rejects.toMatchObject({ status: 400, code: "target_not_allowed" });
  });

  it("sends to an allowed target, and the interaction token it carried becomes valid at the webhook stand-in", async () => {
    const endpoint = await discordEndpoint();
    process.env.SIMULATOR_ALLOWED_TARGETS = "http://127.0.0.1:*";
    const token = `tok-${Date.now()}`;
    const result = await simulate(db, { endpointId: endpoint.id, payload: interaction(token), targetUrl: bot }, "http://localhost:39872", "en");
    expect(result).toMatchObject({ url: bot, status: 200, body: '{"type":6}' });
    expect(received.at(-1)).toContain(token);
    expect((await answerPlatformCall(db, { method: "POST", path: `/webhooks/APP/${token}`, authorization: null, bodyText: '{"content":"later"}' })).status).toBe(200);
  });
});
