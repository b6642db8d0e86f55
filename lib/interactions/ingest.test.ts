import { afterAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import type { HttpError } from "@/lib/http/errors";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { qqInteractionDispatch } from "@/lib/platforms/qq/click";
import { signQq } from "@/lib/platforms/qq/signature";
import { answerInteraction } from "./answer";
import { expireStale } from "./expire";
import { handleCallback } from "./ingest";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());
const deps = { db, now: () => new Date() };

let counter = 0;
function discordClick(customId: string) {
  const body = JSON.stringify({ id: `i${++counter}`, application_id: "app", type: 3, token: "tok", version: 1, member: { user: { id: "u1" } }, data: { custom_id: customId, component_type: 2 } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { headers: new Headers({ "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, body), "x-signature-timestamp": timestamp }), body: Buffer.from(body) };
}

async function discordEndpoint(mode: "rules" | "manual") {
  return createEndpoint(db, {
    platform: "discord",
    name: `Discord ${mode}`,
    mode,
    requireSignature: true,
    secrets: { publicKey: DISCORD_PUBLIC_KEY },
    rules: [{ match: { on: "control", pattern: "buy_*" }, reply: { type: 4, data: { content: "Bought!" } } }],
  }, "http://localhost", "en");
}

describe("callback path (real database: SQLite and PostgreSQL)", () => {
  it("answers Discord by rule, else by fallback, and stores a retried delivery once", async () => {
    const endpoint = await discordEndpoint("rules");
    const click = discordClick("buy_red");
    expect(await handleCallback(endpoint.id, click, deps)).toEqual({ status: 200, body: { type: 4, data: { content: "Bought!" } } });
    expect(await handleCallback(endpoint.id, click, deps)).toEqual({ status: 200, body: { type: 4, data: { content: "Bought!" } } });
    expect(await handleCallback(endpoint.id, discordClick("other"), deps)).toEqual({ status: 200, body: { type: 6 } });
    const rows = await db.interaction.findMany({ where: { endpointId: endpoint.id }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => [r.control, r.status, r.replySource])).toEqual([["buy_red", "answered", "rule"], ["other", "answered", "fallback"]]);
  });

  it("refuses a bad signature with 401 and keeps it only as a refused record; an unknown endpoint is 404", async () => {
    const endpoint = await discordEndpoint("rules");
    const click = discordClick("buy_red");
    click.headers.set("x-signature-timestamp", "1");
    expect((await handleCallback(endpoint.id, click, deps)).status).toBe(401);
    const rows = await db.interaction.findMany({ where: { endpointId: endpoint.id } });
    expect(rows.map((r) => [r.status, r.summary, r.control, r.reply])).toEqual([["refused", "bad_signature", null, null]]);
    expect((await handleCallback("nope", discordClick("x"), deps)).status).toBe(404);
  });

  it("holds a Discord click in manual mode until a person answers; one answer wins", async () => {
    const endpoint = await discordEndpoint("manual");
    const pending = handleCallback(endpoint.id, discordClick("buy_red"), deps);
    let row = null;
    for (let i = 0; i < 100 && !row; i++) {
      row = await db.interaction.findFirst({ where: { endpointId: endpoint.id } });
      if (!row) await new Promise((r) => setTimeout(r, 10));
    }
    const answers = await Promise.allSettled([
      answerInteraction(db, row!.id, { type: 4, data: { content: "By hand" } }, "en"),
      answerInteraction(db, row!.id, { type: 4, data: { content: "Too late" } }, "en"),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    const loser = answers.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect((loser.reason as HttpError).status).toBe(409);
    // Which one wins is the database's call (on PostgreSQL both updates run at once); the held request carries the winner's.
    const winner = answers[0]!.status === "fulfilled" ? "By hand" : "Too late";
    expect(await pending).toEqual({ status: 200, body: { type: 4, data: { content: winner } } });
  });

  it("acknowledges QQ with op 12 and answers the op 13 handshake", async () => {
    const endpoint = await createEndpoint(db, { platform: "qq", name: "QQ", mode: "manual", requireSignature: true, secrets: { appId: "1", secret: "qq-secret" }, rules: [] }, "http://localhost", "en");
    const body = JSON.stringify(qqInteractionDispatch({ id: "b1", data: "d" }, { userId: "u", roles: [], isAdmin: false, scene: "group" }));
    const headers = new Headers({ "x-signature-ed25519": signQq("qq-secret", "100", body), "x-signature-timestamp": "100" });
    expect(await handleCallback(endpoint.id, { headers, body: Buffer.from(body) }, deps)).toEqual({ status: 200, body: { op: 12, d: 0 } });
    const validation = '{"d":{"plain_token":"p","event_ts":"1"},"op":13}';
    expect((await handleCallback(endpoint.id, { headers: new Headers(), body: Buffer.from(validation) }, deps)).body).toMatchObject({ plain_token: "p" });
    expect((await db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).handshakeOk).toBe(true);
  });

  it("expires pending interactions whose reply window closed (none survive a restart)", async () => {
    const endpoint = await discordEndpoint("manual");
    const pending = handleCallback(endpoint.id, discordClick("slow"), deps);
    await pending;
    const row = await db.interaction.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(row.status).toBe("pending");
    await expireStale(new Date(row.receivedAt.getTime() + 60_000));
    expect((await db.interaction.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("pending");
    expect(await expireStale(new Date(row.receivedAt.getTime() + 16 * 60_000))).toBeGreaterThanOrEqual(1);
    expect((await db.interaction.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("expired");
    await expect(answerInteraction(db, row.id, { type: 4, data: { content: "late" } }, "en")).rejects.toMatchObject({ status: 410 });
  });

  it("never returns secrets", async () => {
    const endpoint = await createEndpoint(db, { platform: "qq", name: "Secret", mode: "rules", requireSignature: true, secrets: { appId: "42", secret: "very-secret-value" }, rules: [] }, "http://localhost", "en");
    expect(JSON.stringify(endpoint)).not.toContain("very-secret-value");
    expect(endpoint.secrets).toEqual({ configured: true, appId: "42" });
    const stored = await db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.secrets).not.toContain("very-secret-value");
  });
});

describe("Easemob reactions through the callback path", () => {
  const secret = "easemob-secret";
  const appKey = "org#app";
  function reactionCallback(callId: string, ts: number, reactions: { reaction: string; users: string[]; op?: "create" | "delete" }[]) {
    const timestamp = ts + 50;
    const body = {
      callId,
      timestamp,
      security: createHash("md5").update(callId + secret + String(timestamp)).digest("hex"),
      chat_type: "notify",
      appkey: appKey,
      from: "u1",
      to: "u2",
      eventType: "chat",
      msg_id: `m${ts}`,
      payload: {
        type: "reaction",
        channel_type: "chat",
        num: reactions.length,
        data: [
          {
            messageId: "msg-1",
            from: "u1",
            to: "u2",
            channel_type: "chat",
            ts,
            reactions: reactions.map((r) => ({
              reaction: r.reaction,
              userList: r.users,
              count: r.users.length,
              ...(r.op ? { op: [{ reactionType: r.op, operator: "u1" }] } : {}),
            })),
          },
        ],
      },
    };
    return { headers: new Headers({ "content-type": "application/json" }), body: Buffer.from(JSON.stringify(body)) };
  }

  it("stores a retried callId once, and an older callback arriving late leaves the newer state", async () => {
    const endpoint = await createEndpoint(db, { platform: "easemob", name: "Easemob", mode: "rules", requireSignature: true, secrets: { appKey, secret }, rules: [] }, "http://localhost", "en");
    const newer = reactionCallback(`${appKey}_newer`, 2000, [{ reaction: "👍", users: ["u1", "u3"], op: "create" }]);
    const older = reactionCallback(`${appKey}_older`, 1000, [{ reaction: "👍", users: ["u3"] }]);
    expect(await handleCallback(endpoint.id, newer, deps)).toEqual({ status: 200, body: {} });
    expect(await handleCallback(endpoint.id, newer, deps)).toEqual({ status: 200, body: {} });
    expect(await handleCallback(endpoint.id, older, deps)).toEqual({ status: 200, body: {} });
    const rows = await db.interaction.findMany({ where: { endpointId: endpoint.id }, orderBy: { receivedAt: "asc" } });
    // Two deliveries stored (the retry of the newer one was not); each is one reaction record.
    expect(rows.map((r) => [r.kind, r.subject, r.status])).toEqual([["reaction", "msg-1", "received"], ["reaction", "msg-1", "received"]]);
    const snapshot = await db.messageSnapshot.findUnique({ where: { endpointId_messageId: { endpointId: endpoint.id, messageId: "msg-1" } } });
    expect(Number(snapshot?.at)).toBe(2000);
    expect(JSON.parse(snapshot?.state ?? "null")).toEqual([expect.objectContaining({ reaction: "👍", count: 2 })]);
  });
});

describe("one callback, many events (issue 12 review: a signed body must not become thousands of rows)", () => {
  const secret = "easemob-secret";
  const appKey = "org#app";
  function manyRecords(callId: string, records: number, pad = 0) {
    const timestamp = 5000;
    const data = Array.from({ length: records }, (_, i) => ({ messageId: `m${i}`, from: "u1", to: "u2", channel_type: "chat", ts: 4000 + i, reactions: [], pad: "x".repeat(pad) }));
    const body = { callId, timestamp, security: createHash("md5").update(callId + secret + String(timestamp)).digest("hex"), chat_type: "notify", appkey: appKey, from: "u1", to: "u2", eventType: "chat", msg_id: callId, payload: { type: "reaction", channel_type: "chat", num: records, data } };
    return { headers: new Headers({ "content-type": "application/json" }), body: Buffer.from(JSON.stringify(body)) };
  }
  const easemob = () => createEndpoint(db, { platform: "easemob", name: "Many", mode: "rules", requireSignature: true, secrets: { appKey, secret }, rules: [] }, "http://localhost", "en");

  it("refuses more records than any real batch with 400, storing one refused row", async () => {
    const endpoint = await easemob();
    expect((await handleCallback(endpoint.id, manyRecords(`${appKey}_many`, 7000), deps)).status).toBe(400);
    const rows = await db.interaction.findMany({ where: { endpointId: endpoint.id } });
    expect(rows.map((r) => r.status)).toEqual(["refused"]);
  });

  it("stores a big body once, not once per event, and a retry with an extra record stores nothing more", async () => {
    const endpoint = await easemob();
    const callback = manyRecords(`${appKey}_big`, 100, 2000);
    expect(await handleCallback(endpoint.id, callback, deps)).toEqual({ status: 200, body: {} });
    const rows = await db.interaction.findMany({ where: { endpointId: endpoint.id } });
    expect(rows).toHaveLength(100);
    expect(rows.filter((r) => r.body.length > 0)).toHaveLength(1);
    expect(rows.reduce((sum, r) => sum + r.body.length, 0)).toBe(callback.body.length);
    // Easemob's signature covers callId + secret + timestamp only: the same signature with one more record.
    const replayed = JSON.parse(callback.body.toString()) as { payload: { data: unknown[] } };
    replayed.payload.data = [...replayed.payload.data.slice(0, 99), { messageId: "extra", from: "u1", to: "u2", channel_type: "chat", ts: 9999, reactions: [] }];
    expect((await handleCallback(endpoint.id, { headers: callback.headers, body: Buffer.from(JSON.stringify(replayed)) }, deps)).status).toBe(200);
    expect(await db.interaction.count({ where: { endpointId: endpoint.id } })).toBe(100);
  });
});

describe("refused callbacks", () => {
  it("keep a cut body and only the newest 200 per endpoint", async () => {
    const endpoint = await discordEndpoint("rules");
    const big = { headers: new Headers({ "x-signature-ed25519": "00".repeat(64), "x-signature-timestamp": "1" }), body: Buffer.alloc(100_000, "a") };
    for (let i = 0; i < 260; i++) expect((await handleCallback(endpoint.id, big, deps)).status).toBe(401);
    const rows = await db.interaction.findMany({ where: { endpointId: endpoint.id, status: "refused" } });
    // Pruned every 25 refusals down to the newest 200.
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.length).toBeLessThan(225);
    expect(Math.max(...rows.map((r) => r.body.length))).toBeLessThanOrEqual(4097);
  });
});
