import { createPrivateKey, sign } from "node:crypto";
import { rmSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "../lib/platforms/discord/fixtures/vectors";
import { authHeaders, BASE_URL } from "./support/env";
import { ARTIFACTS, startServer } from "./support/server";

const json = { ...authHeaders, "content-type": "application/json" };

/** A raw request with node:http, so a reset shows as a reset (fetch clients may hide it). */
function rawPost(path: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(path, BASE_URL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "POST", headers: { "content-type": "application/json", "content-length": body.length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function discordEndpoint(request: APIRequestContext, mode: "rules" | "manual" = "rules") {
  const response = await request.post("/api/endpoints", { headers: json, data: { platform: "discord", name: `Hardening ${mode}`, mode, secrets: { publicKey: DISCORD_PUBLIC_KEY } } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

// Signed here with node:crypto alone, as Discord signs (Ed25519 over timestamp + body), independent of the product's code.
const PKCS8_ED25519_SEED = Buffer.from("302e020100300506032b657004220420", "hex");
const discordKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_SEED, DISCORD_SEED]), format: "der", type: "pkcs8" });

function signed(body: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { "x-signature-ed25519": sign(null, Buffer.from(timestamp + body), discordKey).toString("hex"), "x-signature-timestamp": timestamp };
}

test.describe("hostile input gets a clear 4xx, never a 500 (issue 12)", () => {
  test("a callback body over the limit is answered 413 with the JSON error, not reset", async ({ request }) => {
    const id = await discordEndpoint(request);
    for (const size of [256 * 1024 + 1, 4 * 1024 * 1024]) {
      const answer = await rawPost(`/api/callbacks/${id}`, Buffer.alloc(size, 32));
      expect(answer.status, `${size} bytes`).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "body_too_large", message: expect.any(String) } });
    }
  });

  test("%ff in a path segment is a JSON 400 everywhere, with or without credentials", async ({ request }) => {
    for (const [method, path, headers] of [
      ["POST", "/api/callbacks/%ff", {}],
      ["GET", "/api/templates/%ff", authHeaders],
      ["GET", "/api/endpoints/%ff", authHeaders],
      ["GET", "/api/interactions/%ff", authHeaders],
      ["GET", "/templates/%ff", {}],
    ] as const) {
      const response = await request.fetch(path, { method, headers, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(400);
      expect((await response.json()).error.code, `${method} ${path}`).toBe("malformed_path");
    }
  });

  test("a cursor outside the database's range is a 400", async ({ request }) => {
    const cursor = Buffer.from("+010000-01-01T00:00:00.000Z|x").toString("base64url");
    for (const path of [`/api/templates?cursor=${cursor}`, `/api/interactions?cursor=${cursor}`]) {
      const response = await request.get(path, { headers: authHeaders });
      expect(response.status(), path).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_cursor");
    }
  });

  test("a signed callback nested 4,500 levels is refused with 400 and its record still opens", async ({ request }) => {
    const id = await discordEndpoint(request);
    const deep = `${"[".repeat(4500)}${"]".repeat(4500)}`;
    const body = `{"id":"deep1","application_id":"app","type":3,"token":"tok","version":1,"member":{"user":{"id":"u"}},"data":{"custom_id":"x","component_type":2,"values":${deep}}}`;
    const answer = await rawPost(`/api/callbacks/${id}`, Buffer.from(body), signed(body));
    expect(answer.status).toBe(400);
    const list = await (await request.get(`/api/interactions?endpointId=${id}`, { headers: authHeaders })).json();
    expect(list.items).toHaveLength(1);
    const detail = await request.get(`/api/interactions/${list.items[0].id}`, { headers: authHeaders });
    expect(detail.status()).toBe(200);
    expect((await detail.json()).status).toBe("refused");
  });

  test("a lone surrogate in a signed Discord token is refused, and nothing stored can make a reply 500", async ({ request }) => {
    const id = await discordEndpoint(request, "manual");
    const body = '{"id":"sur1","application_id":"app","type":3,"token":"\\ud800","version":1,"member":{"user":{"id":"u"}},"data":{"custom_id":"x","component_type":2}}';
    const answer = await rawPost(`/api/callbacks/${id}`, Buffer.from(body), signed(body));
    expect(answer.status).toBe(400);
    const list = await (await request.get(`/api/interactions?endpointId=${id}`, { headers: authHeaders })).json();
    const reply = await request.post(`/api/interactions/${list.items[0].id}/reply`, { headers: json, data: { type: 4, data: { content: "hi" } } });
    expect(reply.status()).toBeLessThan(500);
    expect(reply.status()).toBeGreaterThanOrEqual(400);
  });
});

test("a client that aborts mid-body is not logged as an error, and the server keeps serving", async () => {
  const dataDir = path.join(ARTIFACTS, "abort-data");
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startServer({ port: Number(process.env.E2E_ABORT_PORT ?? 3222), dataDir, env: { API_TOKEN: "abort-token", ADMIN_PASSWORD: "abort-password" } });
  try {
    const url = new URL(server.url);
    const aborted = (path: string) =>
      new Promise<void>((resolve) => {
        const socket = connect(Number(url.port), url.hostname, () => {
          // Headers promise 10,000 bytes; 10 arrive, then the client is gone.
          socket.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"id":"ab`);
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 50);
        });
        socket.on("error", () => resolve());
      });
    // The callback lane is ours end to end. (A route Next serves reads the body for its proxy first,
    // and Next itself logs an abort there: that line is Next's, outside this server's code.)
    for (let i = 0; i < 20; i++) await aborted("/api/callbacks/nobody-here");
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // Give the server a moment to log anything it would have logged for the aborts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.output()).not.toMatch(/unhandled error|ECONNRESET/);
  } finally {
    await server.stop();
  }
});
