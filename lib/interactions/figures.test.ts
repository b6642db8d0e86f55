import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as figuresRoute } from "@/app/api/figures/route";
import { isPublicPath } from "@/lib/auth/access";
import { closePg } from "@/lib/db/pg";
import { createEachTestDb, testDatabaseKind } from "@/lib/db/test-db";
import { figuresSchema } from "./figures-schema";
import { getFigures, nearestRank } from "./figures";

const db = await createEachTestDb();
afterAll(async () => {
  await db.$disconnect();
  if (testDatabaseKind() === "postgres") await closePg();
});
beforeEach(async () => {
  await db.interaction.deleteMany();
  await db.endpoint.deleteMany();
});

// A fixed "now" mid-hour: the bars are the clock hours 13:00 yesterday … 12:00 today, the day starts at 12:34:56.789 yesterday.
const NOW = new Date("2025-06-01T12:34:56.789Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const endpoint = async () => (await db.endpoint.create({ data: { platform: "discord", name: "Figures", fallback: "null", secrets: "sealed" } })).id;

interface Seed {
  at: Date;
  status?: string;
  source?: string | null;
  /** ms after arrival */
  answeredIn?: number | null;
  deadlineIn?: number | null;
}
let serial = 0;
const seed = (endpointId: string, rows: Seed[]) =>
  db.interaction.createMany({
    data: rows.map(({ at, status = "answered", source = null, answeredIn = null, deadlineIn = null }) => ({
      id: `f${String(++serial).padStart(6, "0")}`,
      endpointId,
      platform: "discord",
      eventId: randomUUID(),
      kind: "button",
      status,
      replySource: source,
      headers: "{}",
      body: "{}",
      receivedAt: at,
      answeredAt: answeredIn === null ? null : new Date(at.getTime() + answeredIn),
      deadlineAt: deadlineIn === null ? null : new Date(at.getTime() + deadlineIn),
    })),
  });
const figures = (endpointId?: string, sampleLimit?: number) => getFigures(db, endpointId === undefined ? {} : { endpointId }, { now: NOW, ...(sampleLimit ? { sampleLimit } : {}) });

describe("nearestRank", () => {
  it("is the smallest value at least q of the values are at or below", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([nearestRank(hundred, 0.5), nearestRank(hundred, 0.99), nearestRank(hundred, 1)]).toEqual([50, 99, 100]);
    expect([nearestRank([7], 0.5), nearestRank([7], 0.99)]).toEqual([7, 7]);
    expect([nearestRank([1, 2, 3, 4], 0.5), nearestRank([1, 2, 3, 4], 0.99)]).toEqual([2, 4]);
  });
});

describe("endpoint figures", () => {
  it("counts interactions and refusals per clock hour, in the last hour and in the last day", async () => {
    const [e, other] = [await endpoint(), await endpoint()];
    await seed(e, [
      // The current hour (12:00): two accepted, one refused; all in the last hour.
      { at: ago(10 * MINUTE) },
      { at: ago(20 * MINUTE), status: "pending" },
      { at: ago(5 * MINUTE), status: "refused" },
      // 11:44:56 — still within the last hour; 11:24:56 — not.
      { at: ago(50 * MINUTE) },
      { at: ago(70 * MINUTE), status: "refused" },
      // The first bar, 13:00 yesterday.
      { at: new Date("2025-05-31T13:10:00.000Z"), status: "expired" },
      { at: new Date("2025-05-31T13:59:59.999Z"), status: "refused" },
      // Within the day but before the first bar (12:34:56.789–13:00 yesterday): counted in the day only.
      { at: new Date("2025-05-31T12:40:00.000Z") },
      { at: new Date("2025-05-31T12:34:56.789Z"), status: "refused" },
      // Older than a day.
      { at: new Date("2025-05-31T12:34:56.788Z") },
      { at: ago(3 * 24 * HOUR), status: "refused" },
    ]);
    await seed(other, [{ at: ago(MINUTE) }, { at: ago(2 * HOUR), status: "refused" }]);

    const one = await figures(e);
    expect(figuresSchema.parse(one)).toEqual(one);
    expect(one).toMatchObject({ endpointId: e, generatedAt: NOW.toISOString(), lastHour: { interactions: 3, refused: 1 }, lastDay: { interactions: 5, refused: 4 } });
    expect(one.hourly).toHaveLength(24);
    expect(one.hourly[0]).toEqual({ hourStart: "2025-05-31T13:00:00.000Z", interactions: 1, refused: 1 });
    expect(one.hourly[22]).toEqual({ hourStart: "2025-06-01T11:00:00.000Z", interactions: 1, refused: 1 });
    expect(one.hourly[23]).toEqual({ hourStart: "2025-06-01T12:00:00.000Z", interactions: 2, refused: 1 });
    expect(one.hourly.slice(1, 22).every((h) => h.interactions === 0 && h.refused === 0)).toBe(true);

    // Every endpoint together; the other endpoint's 10:34:56 refusal is a bar of its own.
    const all = await figures();
    expect(all).toMatchObject({ endpointId: null, lastHour: { interactions: 4, refused: 1 }, lastDay: { interactions: 6, refused: 5 } });
    expect(all.hourly[21]).toEqual({ hourStart: "2025-06-01T10:00:00.000Z", interactions: 0, refused: 1 });
    expect(all.hourly[23]).toEqual({ hourStart: "2025-06-01T12:00:00.000Z", interactions: 3, refused: 1 });
  });

  it("gives answer-time p50 and p99 by reply source over the last day", async () => {
    const [e, other] = [await endpoint(), await endpoint()];
    await seed(e, [
      // Rules: 1 … 100 ms.
      ...Array.from({ length: 100 }, (_, i): Seed => ({ at: ago((i + 1) * MINUTE), source: "rule", answeredIn: i + 1, deadlineIn: 3000 })),
      // A person: 1, 2 and 3 s.
      ...[1000, 2000, 3000].map((ms): Seed => ({ at: ago(2 * HOUR), source: "manual", answeredIn: ms, deadlineIn: 3000 })),
      // The fallback, deferred (Discord: still pending, answered at the hold's end) and sent by API.
      { at: ago(3 * HOUR), status: "pending", source: "fallback", answeredIn: 2500, deadlineIn: 3000 },
      { at: ago(3 * HOUR), source: "fallback", answeredIn: 3010, deadlineIn: 3000 },
      // A failed delivery was still answered; an unknown source is left out.
      { at: ago(4 * HOUR), status: "failed", source: "manual", answeredIn: 1500, deadlineIn: 3000 },
      { at: ago(4 * HOUR), source: "someday", answeredIn: 1, deadlineIn: 3000 },
      // Older than a day, and another endpoint's: not counted.
      { at: ago(25 * HOUR), source: "rule", answeredIn: 90_000, deadlineIn: 3000 },
    ]);
    await seed(other, [{ at: ago(MINUTE), source: "relay", answeredIn: 700, deadlineIn: 3000 }]);

    const one = await figures(e);
    expect(one.answerMs).toEqual({
      rule: { p50: 50, p99: 99, count: 100 },
      manual: { p50: 1500, p99: 3000, count: 4 },
      fallback: { p50: 2500, p99: 3010, count: 2 },
      relay: { p50: null, p99: null, count: 0 },
    });
    expect(one).toMatchObject({ sampled: false, sampleSize: 107 });
    expect((await figures()).answerMs.relay).toEqual({ p50: 700, p99: 700, count: 1 });
  });

  it("shares answered in time: a rule, a person or the bot by the deadline, over the decided ones with a deadline", async () => {
    const [e, shown] = [await endpoint(), await endpoint()];
    await seed(e, [
      { at: ago(HOUR), source: "rule", answeredIn: 5, deadlineIn: 3000 },
      { at: ago(HOUR), source: "manual", answeredIn: 3000, deadlineIn: 3000 },
      { at: ago(HOUR), source: "relay", answeredIn: 2900, deadlineIn: 3000 },
      // Late, or by the fallback: not in time.
      { at: ago(HOUR), source: "manual", answeredIn: 4000, deadlineIn: 3000 },
      { at: ago(HOUR), source: "fallback", answeredIn: 0, deadlineIn: 3000 },
      // Unanswered with the deadline passed: counted, not in time.
      { at: ago(HOUR), status: "expired", deadlineIn: 3000 },
      // Still open, deadline ahead: not counted yet; answered already, it is.
      { at: ago(1000), status: "pending", deadlineIn: 3000 },
      { at: ago(1000), source: "manual", answeredIn: 500, deadlineIn: 3000 },
      // No deadline (only shown), and a refusal: not counted.
      { at: ago(HOUR), status: "received" },
      { at: ago(HOUR), status: "refused", deadlineIn: 3000 },
    ]);
    await seed(shown, [{ at: ago(HOUR), status: "received" }]);

    expect(await figures(e)).toMatchObject({ inTime: { answered: 4, of: 7 }, inTimeShare: 4 / 7 });
    expect(await figures(shown)).toMatchObject({ inTime: { answered: 0, of: 0 }, inTimeShare: null });
  });

  it("reads answer times from the day's newest rows only, and says so", async () => {
    const e = await endpoint();
    await seed(e, [1, 2, 3, 4, 5].map((i): Seed => ({ at: ago(i * MINUTE), source: "rule", answeredIn: i * 10, deadlineIn: 3000 })));
    expect(await figures(e, 3)).toMatchObject({ sampled: true, sampleSize: 3, answerMs: { rule: { p50: 20, p99: 30, count: 3 } }, lastDay: { interactions: 5 } });
    expect(await figures(e, 5)).toMatchObject({ sampled: false, sampleSize: 5 });
  });

  it("answers through GET /api/figures: 404 for an unknown endpoint, 400 naming endpointId, signed-in only", async () => {
    const e = await endpoint();
    await seed(e, [{ at: new Date(Date.now() - MINUTE), source: "rule", answeredIn: 3, deadlineIn: 3000 }]);
    const get = (search: string) => figuresRoute(new Request(`http://localhost/api/figures${search}`), { params: Promise.resolve({}) });

    const ok = await get(`?endpointId=${e}`);
    expect(ok.status).toBe(200);
    expect(figuresSchema.parse(await ok.json())).toMatchObject({ endpointId: e, lastHour: { interactions: 1, refused: 0 }, answerMs: { rule: { p50: 3 } }, inTimeShare: 1 });
    expect(figuresSchema.parse(await (await get("")).json())).toMatchObject({ endpointId: null, lastDay: { interactions: 1 } });

    const missing = await get("?endpointId=nope");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");

    const bad = await get(`?endpointId=${"x".repeat(65)}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues?: { path: string }[] } }).error.issues?.map((issue) => issue.path)).toEqual(["endpointId"]);
    expect(isPublicPath("/api/figures")).toBe(false);
  });
});
