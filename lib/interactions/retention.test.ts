import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as retentionGet, PUT as retentionPut } from "@/app/api/settings/retention/route";
import { closePg } from "@/lib/db/pg";
import { createEachTestDb, testDatabaseKind } from "@/lib/db/test-db";
import { retentionFromEnv, retentionView, saveRetention, type RetentionView } from "@/lib/settings/retention";
import { removeOldInteractions, RETENTION_MIN_AGE_MS, runRetentionNow } from "./retention";
import { insertTestRows, type TestRow } from "./test-rows";

const db = await createEachTestDb();
afterAll(async () => {
  await db.$disconnect();
  if (testDatabaseKind() === "postgres") await closePg();
});
beforeEach(async () => {
  await db.interaction.deleteMany();
  await db.setting.deleteMany();
});
afterEach(() => vi.unstubAllEnvs());

const NOW = new Date();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const endpoint = async () => (await db.endpoint.create({ data: { platform: "qq", name: "Kept", fallback: "null", secrets: "sealed" } })).id;
let serial = 0;
/** Ids of one length and alphabet: they sort the same in JavaScript and in either database's collation. */
const row = (endpointId: string, receivedAt: Date, status = "answered"): TestRow => ({
  id: `r${String(++serial).padStart(6, "0")}`,
  endpointId,
  platform: "qq",
  eventId: randomUUID(),
  kind: "button",
  status,
  headers: "{}",
  body: "{}",
  receivedAt,
});
const remaining = async () => (await db.interaction.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
const run = (options: Parameters<typeof removeOldInteractions>[1] = {}) => removeOldInteractions(db, { now: NOW, pauseMs: 0, env: {}, ...options });

describe("interaction retention", () => {
  it("removes interactions older than `days` in batches, never a pending one, and records the run", async () => {
    const e = await endpoint();
    const old = Array.from({ length: 7 }, (_, i) => row(e, ago(40 * DAY + i * HOUR)));
    const refused = row(e, ago(31 * DAY), "refused");
    const pending = row(e, ago(45 * DAY), "pending");
    const recent = [row(e, ago(29 * DAY)), row(e, ago(1 * HOUR))];
    await insertTestRows([...old, refused, pending, ...recent]);
    await saveRetention(db, { days: 30 });

    const done = await run({ batch: 3 });
    // 8 rows in batches of 3: 3, 3, then 2 (fewer than a batch: the last).
    expect(done).toMatchObject({ removed: 8, byAge: 8, byCap: 0, batches: 3, policy: { days: 30, maxPerEndpoint: null } });
    expect(done?.error).toBeUndefined();
    expect(await remaining()).toEqual([pending.id, ...recent.map((r) => r.id)].sort());
    expect((await retentionView(db, {})).lastRun).toEqual(done);

    // Nothing left to remove: one batch that finds nothing.
    expect(await run({ batch: 3 })).toMatchObject({ removed: 0, batches: 1 });
  });

  it("keeps each endpoint's newest `maxPerEndpoint` by receivedAt (ties by id); pending and young rows past it stay", async () => {
    const [a, b] = [await endpoint(), await endpoint()];
    const tie = ago(7 * HOUR);
    // a: two rows still within the longest reply window, then one every hour from 5 h back; the pending one is the oldest.
    const young = [row(a, ago(60_000)), row(a, ago(RETENTION_MIN_AGE_MS - 60_000))];
    const aged = [row(a, ago(5 * HOUR)), row(a, ago(6 * HOUR)), row(a, tie), row(a, tie), row(a, ago(8 * HOUR)), row(a, ago(9 * HOUR))];
    const pending = row(a, ago(10 * HOUR), "pending");
    const other = [row(b, ago(20 * HOUR)), row(b, ago(30 * HOUR))];
    await insertTestRows([...young, ...aged, pending, ...other]);
    await saveRetention(db, { maxPerEndpoint: 5 });

    // The walk to a's sixth newest one row at a time: five steps to one boundary.
    const done = await run({ batch: 2, walkStep: 1 });
    // a's newest five: the two young rows, 5 h, 6 h, and of the two at 7 h the one with the larger id. b has only two.
    expect(done).toMatchObject({ removed: 3, byAge: 0, byCap: 3 });
    expect(await remaining()).toEqual([...young, aged[0]!, aged[1]!, aged[3]!, pending, ...other].map((r) => r.id).sort());
    // Walked in other steps, or in one, the boundary is the same: nothing more goes.
    expect(await run({ walkStep: 2 })).toMatchObject({ removed: 0 });
    expect(await run()).toMatchObject({ removed: 0 });

    // A cap smaller than the rows still in their reply window waits for them to age rather than take them.
    await saveRetention(db, { maxPerEndpoint: 1 });
    await run({ walkStep: 2 });
    expect(await remaining()).toEqual([...young, pending, ...other.slice(0, 1)].map((r) => r.id).sort());
  });

  it("lets RETENTION_DAYS and RETENTION_MAX_PER_ENDPOINT override the settings page, limit by limit", async () => {
    const e = await endpoint();
    const rows = [row(e, ago(20 * DAY)), row(e, ago(15 * DAY)), row(e, ago(12 * DAY)), row(e, ago(2 * DAY))];
    await insertTestRows(rows);
    await saveRetention(db, { days: 30, maxPerEndpoint: 100 });

    // The environment's 10 days over the stored 30; the stored cap stays.
    expect(await run({ env: { RETENTION_DAYS: "10" } })).toMatchObject({ removed: 3, policy: { days: 10, maxPerEndpoint: 100 } });
    expect(await remaining()).toEqual([rows[3]!.id]);
    // 0 is no limit, fixed: nothing is left to apply.
    expect(await run({ env: { RETENTION_DAYS: "0", RETENTION_MAX_PER_ENDPOINT: "0" } })).toBeNull();

    vi.stubEnv("RETENTION_DAYS", "10");
    const view = (await (await retentionGet(new Request("http://localhost/api/settings/retention"), { params: Promise.resolve({}) })).json()) as RetentionView;
    expect(view).toMatchObject({ stored: { days: 30, maxPerEndpoint: 100 }, effective: { days: 10, maxPerEndpoint: 100 }, fromEnv: { days: true, maxPerEndpoint: false } });
    expect(view.lastRun).toMatchObject({ removed: 3 });

    expect(() => retentionFromEnv({ RETENTION_DAYS: "ten" })).toThrow(/RETENTION_DAYS/);
    expect(() => retentionFromEnv({ RETENTION_MAX_PER_ENDPOINT: "-5" })).toThrow(/RETENTION_MAX_PER_ENDPOINT/);
    // The page still opens with a bad value (bootstrap refuses to start with one).
    expect((await retentionView(db, { RETENTION_DAYS: "1.5" })).fromEnv.days).toBe(false);
  });

  it("runs one removal at a time: a second run while one is under way does nothing", async () => {
    const e = await endpoint();
    await insertTestRows(Array.from({ length: 6 }, (_, i) => row(e, ago(40 * DAY + i))));
    await saveRetention(db, { days: 30 });
    // Batches of one with pauses: the first run is still going when the second asks.
    const [first, second] = await Promise.all([run({ batch: 1, pauseMs: 20 }), new Promise((resolve) => setTimeout(resolve, 5)).then(() => run({ batch: 1 }))]);
    expect(first).toMatchObject({ removed: 6, batches: 7 });
    expect(second).toBeNull();
    expect(await remaining()).toEqual([]);
  });

  it("saves the settings page's limits, and answers bad input with 400 naming the field", async () => {
    const put = (body: unknown) =>
      retentionPut(new Request("http://localhost/api/settings/retention", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
    const saved = await put({ days: 90, maxPerEndpoint: 5000 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ stored: { days: 90, maxPerEndpoint: 5000 }, effective: { days: 90, maxPerEndpoint: 5000 }, lastRun: null });
    // A limit left out stays; null removes one.
    expect(await (await put({ maxPerEndpoint: null })).json()).toMatchObject({ stored: { days: 90, maxPerEndpoint: null } });

    for (const [body, path] of [
      [{ days: 0 }, "days"],
      [{ days: -1 }, "days"],
      [{ days: 2.5 }, "days"],
      [{ days: "30" }, "days"],
      [{ days: 36_501 }, "days"],
      [{ maxPerEndpoint: 1.5 }, "maxPerEndpoint"],
      [{ maxPerEndpoint: 0 }, "maxPerEndpoint"],
      [{ dayz: 3 }, "dayz"],
    ] as const) {
      const response = await put(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = ((await response.json()) as { error: { code: string; issues: { path: string; message: string }[] } }).error;
      expect(error.code).toBe("invalid_request");
      expect(error.issues.map((issue) => issue.path)).toEqual([path]);
    }
    expect((await retentionView(db, {})).stored).toEqual({ days: 90, maxPerEndpoint: null });
  });
});

describe("Remove now", () => {
  it("runs at once, and a second request while it runs is told so instead of starting another", async () => {
    await db.setting.deleteMany({ where: { key: { in: ["retention", "retentionLastRun"] } } });
    expect(await runRetentionNow(db)).toBeNull();
    await saveRetention(db, { days: 365 });
    const [first, second] = await Promise.all([runRetentionNow(db), runRetentionNow(db)]);
    expect(second).toBe("running");
    expect(first).toMatchObject({ policy: { days: 365 } });
    expect(await runRetentionNow(db)).not.toBe("running");
  });
});
