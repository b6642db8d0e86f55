import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { NOTIFY_MAX_BYTES, closePg, getPgPool, listen, notify, pgTimestamp } from "./pg";
import { createTestPgDb } from "./test-db";

let db: Db;
beforeAll(async () => {
  db = await createTestPgDb();
});
afterAll(async () => {
  await db.$disconnect();
  await closePg();
});

function nextPayload(channel: string): { ready: Promise<() => Promise<void>>; payload: Promise<string> } {
  let resolve: (payload: string) => void = () => undefined;
  const payload = new Promise<string>((r) => (resolve = r));
  return { ready: listen(channel, resolve), payload };
}

describe("PostgreSQL through Prisma and raw SQL (real server)", () => {
  it("gives the one Db type with the same model API", async () => {
    const template = await db.template.create({ data: { platform: "qq", name: "t", layout: "{}" } });
    expect(await db.template.findUnique({ where: { id: template.id } })).toMatchObject({ name: "t", version: 1 });
    await db.messageSnapshot.deleteMany();
  });

  it("shares one pool per process and URL", () => {
    expect(getPgPool()).toBe(getPgPool(process.env.DATABASE_URL));
  });

  it("raw SQL writes and reads timestamps exactly as Prisma does (UTC, whatever the process's zone)", async () => {
    const at = new Date("2026-03-01T23:30:05.123Z");
    await getPgPool().query('INSERT INTO "Session" ("id", "createdAt", "expiresAt") VALUES ($1, $2, $3)', ["s1", pgTimestamp(at), pgTimestamp(at)]);
    expect((await db.session.findUniqueOrThrow({ where: { id: "s1" } })).createdAt.toISOString()).toBe(at.toISOString());
    await db.session.create({ data: { id: "s2", createdAt: at, expiresAt: at } });
    const { rows } = await getPgPool().query<{ createdAt: Date; text: string }>('SELECT "createdAt", "createdAt"::text AS text FROM "Session" WHERE "id" = $1', ["s2"]);
    expect(rows[0]?.createdAt.toISOString()).toBe(at.toISOString());
    expect(rows[0]?.text).toBe("2026-03-01 23:30:05.123");
    // CURRENT_TIMESTAMP defaults are UTC too (sessions run with TimeZone=UTC).
    const { rows: now } = await getPgPool().query<{ skew: number }>("SELECT abs(extract(epoch FROM (now()::timestamp(3) - $1::timestamp(3)))) AS skew", [pgTimestamp(new Date())]);
    expect(Number(now[0]?.skew)).toBeLessThan(5);
  });
});

describe("LISTEN / NOTIFY", () => {
  it("delivers a NOTIFY to every listener of its channel, and stops when asked", async () => {
    const a: string[] = [];
    const b: string[] = [];
    const stopA = await listen("Mixed.Case channel", (p) => a.push(p));
    const stopB = await listen("Mixed.Case channel", (p) => b.push(p));
    const done = nextPayload("done");
    await done.ready;
    await notify("Mixed.Case channel", "héllo");
    await notify("done", "1");
    await done.payload;
    expect([a, b]).toEqual([["héllo"], ["héllo"]]);
    await stopA();
    await notify("Mixed.Case channel", "second");
    const done2 = nextPayload("done2");
    await done2.ready;
    await notify("done2", "1");
    await done2.payload;
    expect([a, b]).toEqual([["héllo"], ["héllo", "second"]]);
    await stopB();
  });

  it("sends a notification only when the transaction it was sent in commits", async () => {
    const got: string[] = [];
    const stop = await listen("tx", (p) => got.push(p));
    const client = await getPgPool().connect();
    try {
      await client.query("BEGIN");
      await notify("tx", "rolled back", client);
      await client.query("ROLLBACK");
      await client.query("BEGIN");
      await notify("tx", "committed", client);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    await expect.poll(() => got).toEqual(["committed"]);
    await stop();
  });

  it("refuses a payload over PostgreSQL's limit before sending it", async () => {
    await expect(notify("big", "é".repeat(4000))).rejects.toThrow(/8000 bytes|limit is 7999/);
    await expect(notify("big", "x".repeat(NOTIFY_MAX_BYTES))).resolves.toBeUndefined();
  });

  it("re-LISTENs after its connection is killed, and says so", async () => {
    const got: string[] = [];
    let reconnects = 0;
    const stop = await listen("survivor", (p) => got.push(p), { onReconnect: () => reconnects++ });
    const killed = await getPgPool().query<{ n: number }>(
      "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()",
    );
    expect(killed.rows[0]?.n).toBeGreaterThan(0);
    await expect.poll(() => reconnects, { timeout: 5_000 }).toBe(1);
    await notify("survivor", "after");
    await expect.poll(() => got).toEqual(["after"]);
    await stop();
  });
});
