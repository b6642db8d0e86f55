import { afterAll, describe, expect, it } from "vitest";
import { getPgPool } from "@/lib/db/pg";
import { getSqlite } from "@/lib/db/sqlite";
import { createEachTestDb, testDatabaseKind } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { MAX_BODY_BYTES } from "@/lib/http/read-limited";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { serveCallback } from "./callback-http";

// serveCallback opens the process's own database: createEachTestDb points DATABASE_URL at a fresh one first.
const db = await createEachTestDb();
afterAll(() => db.$disconnect());

let counter = 0;
function discordClick(customId: string, sign = true) {
  const body = JSON.stringify({ id: `c${++counter}`, application_id: "app", type: 3, token: "tok", version: 1, member: { user: { id: "u1" } }, data: { custom_id: customId, component_type: 2 } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign ? signDiscord(DISCORD_SEED, timestamp, body) : "0".repeat(128);
  return { headers: new Headers({ "x-signature-ed25519": signature, "x-signature-timestamp": timestamp, "content-type": "application/json" }), body: Buffer.from(body) };
}

async function* once(body: Buffer) {
  yield new Uint8Array(body);
}

const endpoint = (mode: "rules" | "manual") =>
  createEndpoint(db, { platform: "discord", name: `D ${mode}`, mode, requireSignature: true, secrets: { publicKey: DISCORD_PUBLIC_KEY }, rules: [] }, "http://localhost", "en");

describe("serveCallback: one handler for the lane and the Next route", () => {
  it("answers an id that cannot be an endpoint with a JSON 404, in the caller's language", async () => {
    for (const endpointId of ["\uffff%", "x".repeat(65), "", "a/b"]) {
      const answer = await serveCallback({ endpointId, headers: new Headers(), chunks: once(Buffer.from("{}")), arrivedAt: new Date() });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
    }
  });

  it("reads a body over the limit to its end and answers 413 with the JSON error (no reset)", async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 97);
    const answer = await serveCallback({ endpointId: "anything", headers: new Headers(), chunks: once(big), arrivedAt: new Date() });
    expect(answer).toMatchObject({ status: 413, body: { error: { code: "body_too_large", message: expect.stringContaining(String(MAX_BODY_BYTES)) } } });
    expect(answer.close).toBe(false);
    const huge = await serveCallback({ endpointId: "anything", headers: new Headers({ "content-length": String(1 << 30) }), chunks: once(big), arrivedAt: new Date() });
    expect(huge).toMatchObject({ status: 413, close: true });
  });

  it("explains a refusal in the caller's language", async () => {
    const { id } = await endpoint("rules");
    const click = discordClick("x", false);
    click.headers.set("accept-language", "zh-CN");
    const answer = await serveCallback({ endpointId: id, headers: click.headers, chunks: once(click.body), arrivedAt: new Date() });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: "bad_signature", message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
  });

  it("measures a held request's deadline from its arrival, not from when it was read", async () => {
    const { id } = await endpoint("manual");
    const click = discordClick("late");
    // Arrived 2.4 s ago (a slow upload, a busy server): 3 s - 0.5 s margin leaves 0.1 s to hold.
    const arrivedAt = new Date(Date.now() - 2400);
    const answer = await serveCallback({ endpointId: id, headers: click.headers, chunks: once(click.body), arrivedAt });
    expect(answer).toEqual({ status: 200, body: { type: 6 } });
    const row = await db.interaction.findFirstOrThrow({ where: { endpointId: id } });
    expect(row.receivedAt.getTime()).toBe(arrivedAt.getTime());
    expect(row.deadlineAt!.getTime()).toBe(arrivedAt.getTime() + 3000);
  }, 1500);

  it("keeps only the newest refused callbacks, pruning through an index of the endpoint's refused rows", async () => {
    const { id } = await endpoint("rules");
    for (let i = 0; i < 300; i++) {
      const click = discordClick(`bad${i}`, false);
      await serveCallback({ endpointId: id, headers: click.headers, chunks: once(click.body), arrivedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000) });
    }
    const kept = await db.interaction.findMany({ where: { endpointId: id, status: "refused" }, orderBy: { receivedAt: "asc" } });
    expect(kept.length).toBeGreaterThanOrEqual(200);
    expect(kept.length).toBeLessThan(225);
    expect(kept.at(-1)!.receivedAt.getTime()).toBe(Date.UTC(2026, 0, 1) + 299 * 1000);
    expect(await pruneIndexUses()).toBe(2);
  });
});

/** How many of the prune's two halves (the delete, the newest-kept lookup) the refused-rows index serves. */
async function pruneIndexUses(): Promise<number> {
  const index = "Interaction_endpointId_status_receivedAt_id_idx";
  if (testDatabaseKind() === "sqlite") {
    const plan = getSqlite()
      .prepare(`EXPLAIN QUERY PLAN DELETE FROM "Interaction" WHERE endpointId = 'e' AND status = 'refused' AND (receivedAt, id) <= (SELECT receivedAt, id FROM "Interaction" WHERE endpointId = 'e' AND status = 'refused' ORDER BY receivedAt DESC, id DESC LIMIT 1 OFFSET 200)`)
      .all() as { detail: string }[];
    return plan.filter((p) => p.detail.includes(index)).length;
  }
  // A few hundred rows may be cheaper to scan whole: with scans priced out, the plan shows what the index can serve.
  const client = await getPgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL enable_seqscan = off");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN DELETE FROM "Interaction" WHERE "endpointId" = 'e' AND "status" = 'refused' AND ("receivedAt", "id") <= (SELECT "receivedAt", "id" FROM "Interaction" WHERE "endpointId" = 'e' AND "status" = 'refused' ORDER BY "receivedAt" DESC, "id" DESC LIMIT 1 OFFSET 200)`,
    );
    return rows.filter((r) => r["QUERY PLAN"].includes(index)).length;
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}
