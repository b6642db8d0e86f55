import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { TOKEN_MARKER } from "@/lib/platforms/feishu/at-rest";
import { deepJson, oracleDecrypt, oracleEncrypt, oracleHeaders } from "@/lib/platforms/feishu/fixtures/oracle";
import { FEISHU_CARD_ACTION, FEISHU_LEGACY_CARD_ACTION } from "@/lib/platforms/feishu/fixtures/vectors";
import { replayInteraction } from "@/lib/simulator/send";
import { handleCallback } from "./ingest";

/**
 * What the callback path keeps of Feishu callbacks (issue 12 items 1 and 7), read back from the
 * database (SQLite and PostgreSQL): bodies too deep to keep are refused with a 400 and stored as refused, and the
 * verification token Feishu echoes is never at rest, while replay still gets through.
 */
const db = await createEachTestDb();
const deps = { db, now: () => new Date() };
const TOKEN = "storage-verification-token-0001";
const base = { appId: "cli_storage", appSecret: "storage-app-secret", verificationToken: TOKEN };
const withKey = { ...base, encryptKey: "storage-encrypt-key" };

// This server's callback path over real HTTP, where replay sends what it re-signed (and records what arrived).
let server: Server;
let origin = "";
const arrived: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      arrived.push(body.toString("utf8"));
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      const id = /^\/api\/callbacks\/([^/]+)$/.exec(req.url ?? "")?.[1] ?? "";
      void handleCallback(id, { headers, body }, deps).then((answer) => res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await db.$disconnect();
});

/** The rows as committed, in the order they arrived. */
function storedRows(endpointId: string) {
  return db.interaction.findMany({ where: { endpointId }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }], select: { id: true, status: true, summary: true, body: true, decoded: true } });
}

const endpoint = (name: string, secrets: typeof base) =>
  createEndpoint(db, { platform: "feishu", name, mode: "rules", requireSignature: true, secrets, rules: [{ match: { on: "name", pattern: "go" }, reply: { toast: { type: "success", content: "ok" } } }] }, "http://localhost", "en");

let counter = 0;
function card(value: string, where: "value" | "form_value" = "value"): string {
  const json = {
    ...FEISHU_CARD_ACTION,
    header: { ...FEISHU_CARD_ACTION.header, event_id: `storage-${++counter}`, token: TOKEN },
    event: { ...FEISHU_CARD_ACTION.event, action: { tag: "button", name: "go", value: { a: 1 }, [where]: "__V__" } },
  };
  return JSON.stringify(json).replace('"__V__"', value);
}
const legacy = (value: string) => JSON.stringify({ ...FEISHU_LEGACY_CARD_ACTION, token: `c-legacy-${++counter}`, action: { tag: "button", value: "__V__" } }).replace('"__V__"', value);
const request = (body: string, headers: Record<string, string> = {}) => ({ headers: new Headers(headers), body: Buffer.from(body) });

describe("Feishu bodies nested 5,000 levels, through the callback path", () => {
  const DEEP = deepJson(5000);
  const cases: [string, typeof base, () => ReturnType<typeof request>][] = [
    ["plain value", base, () => request(card(DEEP))],
    ["plain form_value", base, () => request(card(`{"f":${DEEP}}`, "form_value"))],
    ["encrypted value", withKey, () => { const body = oracleEncrypt(card(DEEP), withKey.encryptKey); return request(body, oracleHeaders(body, withKey.encryptKey)); }],
    ["encrypted form_value", withKey, () => { const body = oracleEncrypt(card(`{"f":${DEEP}}`, "form_value"), withKey.encryptKey); return request(body, oracleHeaders(body, withKey.encryptKey)); }],
    ["v1 value", base, () => { const body = legacy(DEEP); return request(body, oracleHeaders(body, TOKEN, "sha1")); }],
  ];

  it.each(cases)("%s: 400 too_deep, stored as refused with the code, token not kept", async (name, secrets, make) => {
    const { id } = await endpoint(`deep ${name}`, secrets);
    expect(await handleCallback(id, make(), deps)).toEqual({ status: 400, body: { error: { code: "too_deep" } } });
    const rows = await storedRows(id);
    expect(rows.map((r) => [r.status, r.summary])).toEqual([["refused", "too_deep"]]);
    expect(rows[0]!.body).not.toContain(TOKEN);
  });
});

describe("the verification token at rest, and replay", () => {
  it("plaintext endpoint: the stored body hides header.token; replay re-inserts it and is accepted", async () => {
    const { id } = await endpoint("plain at rest", base);
    const body = card('{"a":1}');
    expect(await handleCallback(id, request(body), deps)).toMatchObject({ status: 200, body: { toast: { content: "ok" } } });
    const [row] = await storedRows(id);
    expect(row!.body).toBe(body.replace(TOKEN, TOKEN_MARKER));
    expect(row!.decoded).toBeNull();

    const replayed = await replayInteraction(db, row!.id, {}, origin);
    expect(replayed.status).toBe(200);
    // What went over the wire carried the real token, and the endpoint accepted it (no refused row, still one event).
    expect(JSON.parse(arrived.at(-1)!)).toMatchObject({ header: { token: TOKEN } });
    expect((await storedRows(id)).map((r) => r.status)).toEqual(["answered"]);
  });

  it("encrypted endpoint: ciphertext kept as received, decoded copy without the token; replay encrypts it afresh and is accepted", async () => {
    const { id } = await endpoint("encrypted at rest", withKey);
    const body = oracleEncrypt(card('{"a":1}'), withKey.encryptKey);
    expect(await handleCallback(id, request(body, oracleHeaders(body, withKey.encryptKey)), deps)).toMatchObject({ status: 200 });
    const [row] = await storedRows(id);
    expect(row!.body).toBe(body);
    expect(row!.decoded).not.toContain(TOKEN);
    expect(JSON.parse(row!.decoded!)).toMatchObject({ header: { token: TOKEN_MARKER } });

    const replayed = await replayInteraction(db, row!.id, {}, origin);
    expect(replayed.status).toBe(200);
    expect(JSON.parse(oracleDecrypt(arrived.at(-1)!, withKey.encryptKey))).toMatchObject({ header: { token: TOKEN } });
    expect((await storedRows(id)).map((r) => r.status)).toEqual(["answered"]);
  });

  it("a refused body with the real token (a bad signature) is stored without it", async () => {
    const { id } = await endpoint("refused at rest", withKey);
    const body = card('{"a":1}');
    expect(await handleCallback(id, request(body, oracleHeaders(body, "another-key")), deps)).toMatchObject({ status: 401 });
    const [row] = await storedRows(id);
    expect(row!.status).toBe("refused");
    expect(row!.body).toBe(body.replace(TOKEN, TOKEN_MARKER));
  });

  it("the token wherever else the body carries it: hidden at rest, back in place on replay", async () => {
    const { id } = await endpoint("echoed elsewhere", base);
    await handleCallback(id, request(card(JSON.stringify({ echo: TOKEN }))), deps);
    const [row] = await storedRows(id);
    expect(row!.body).not.toContain(TOKEN);
    expect(JSON.parse(row!.body)).toMatchObject({ event: { action: { value: { echo: TOKEN_MARKER } } } });
    expect((await replayInteraction(db, row!.id, {}, origin)).status).toBe(200);
    expect(JSON.parse(arrived.at(-1)!)).toMatchObject({ header: { token: TOKEN }, event: { action: { value: { echo: TOKEN } } } });
  });
});
