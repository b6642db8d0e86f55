import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { qqInteractionDispatch } from "@/lib/platforms/qq/click";
import { signQq } from "@/lib/platforms/qq/signature";
import { recordedCalls } from "@/lib/simulator/platform-api";
import { startSimulatorServer } from "@/lib/simulator/test-server";
import { answerInteraction } from "./answer";
import { handleCallback } from "./ingest";

/**
 * Where a QQ click's result code goes, per endpoint (protocols.md §8.2): `put` (ack at once, code by PUT),
 * `ack` (the acknowledgement held for the hold window carries it, no PUT), `both`. Through handleCallback
 * on a real database (SQLite and PostgreSQL); the product's own simulator plays QQ's API over real HTTP and records the PUTs.
 */
const db = await createEachTestDb();
const deps = { db, now: () => new Date() };
const SECRET = "qq-delivery-secret";

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

type Mode = "put" | "ack" | "both";
let apps = 0;
const endpoint = (resultDelivery: Mode, mode: "rules" | "manual", holdMs = 300) =>
  createEndpoint(
    db,
    { platform: "qq", name: `QQ ${resultDelivery} ${mode}`, mode, requireSignature: true, apiBaseUrl: apiBase, resultDelivery, holdMs, secrets: { appId: `qqd${++apps}`, secret: SECRET }, rules: [{ match: { on: "data", pattern: "buy" }, reply: { code: 4 } }] },
    "http://localhost",
    "en",
  );

function click(data: string) {
  const body = JSON.stringify(qqInteractionDispatch({ id: "1", data }, { userId: "u", roles: [], isAdmin: false, scene: "group" }));
  return { eventId: (JSON.parse(body) as { d: { id: string } }).d.id, raw: { headers: new Headers({ "x-signature-ed25519": signQq(SECRET, "100", body), "x-signature-timestamp": "100" }), body: Buffer.from(body) } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The PUT /interactions/{id} bodies the simulator recorded for this click. */
const puts = async (eventId: string) => (await recordedCalls()).filter((c) => c.method === "PUT" && c.path === `/interactions/${eventId}`).map((c) => c.body);
async function rowOf(endpointId: string, eventId: string) {
  for (let i = 0; i < 200; i++) {
    const row = await db.interaction.findFirst({ where: { endpointId, eventId } });
    if (row) return row;
    await sleep(5);
  }
  throw new Error("not stored");
}
/** Waits for the background work after the answer (a PUT, the fallback) to settle. */
async function settled(endpointId: string, eventId: string, until: (row: Awaited<ReturnType<typeof rowOf>>) => boolean | Promise<boolean>) {
  for (let i = 0; i < 300; i++) {
    const row = await rowOf(endpointId, eventId);
    if (await until(row)) return row;
    await sleep(10);
  }
  throw new Error("never settled");
}
const brief = (row: Awaited<ReturnType<typeof rowOf>>) => [row.status, row.replySource, row.replyChannel, row.reply];

describe("QQ result delivery through the callback path", () => {
  it.each([
    ["put", { op: 12, d: 0 }, [{ code: 4 }]],
    ["ack", { op: 12, d: 0, code: 4 }, []],
    ["both", { op: 12, d: 0, code: 4 }, [{ code: 4 }]],
  ] as const)("%s: a rule answers at once", async (mode, ackBody, putBodies) => {
    const e = await endpoint(mode, "rules");
    const { eventId, raw } = click("buy");
    expect(await handleCallback(e.id, raw, deps)).toEqual({ status: 200, body: ackBody });
    if (putBodies.length) await settled(e.id, eventId, async () => (await puts(eventId)).length > 0);
    else await sleep(150);
    expect(await puts(eventId)).toEqual(putBodies);
    expect(brief(await rowOf(e.id, eventId))).toEqual(["answered", "rule", mode, '{"code":4}']);
  });

  it.each([
    ["put", { op: 12, d: 0 }, "api", [{ code: 2 }], "put"],
    ["ack", { op: 12, d: 0, code: 2 }, "ack", [], "ack"],
    ["both", { op: 12, d: 0, code: 2 }, "ack", [{ code: 2 }], "both"],
  ] as const)("%s: a person inside the hold window", async (mode, ackBody, via, putBodies, channel) => {
    const e = await endpoint(mode, "manual", 2000);
    const { eventId, raw } = click("ask");
    const ack = handleCallback(e.id, raw, deps);
    const row = await rowOf(e.id, eventId);
    // /live counts the hold window first, then the PUT window (none without a hold).
    expect(row.holdUntil === null ? null : row.holdUntil.getTime() - row.receivedAt.getTime()).toBe(mode === "put" ? null : 2000);
    expect(row.deadlineAt!.getTime() - row.receivedAt.getTime()).toBe(mode === "ack" ? 2000 : 15_000);
    expect(await answerInteraction(db, row.id, { code: 2 }, "en")).toEqual({ delivered: via });
    const started = Date.now();
    expect(await ack).toEqual({ status: 200, body: ackBody });
    // The held acknowledgement left with the answer, not at the window's end.
    expect(Date.now() - started).toBeLessThan(1000);
    if (putBodies.length) await settled(e.id, eventId, async () => (await puts(eventId)).length > 0);
    expect(await puts(eventId)).toEqual(putBodies);
    expect(brief(await rowOf(e.id, eventId))).toEqual(["answered", "manual", channel, '{"code":2}']);
  });

  it("ack: a person after the acknowledgement left is refused with 410 (nothing could reach QQ)", async () => {
    const e = await endpoint("ack", "manual", 100);
    const { eventId, raw } = click("ask");
    // Nobody answered in the window: the acknowledgement carried the fallback (QQ's default, 0).
    expect(await handleCallback(e.id, raw, deps)).toEqual({ status: 200, body: { op: 12, d: 0, code: 0 } });
    const row = await rowOf(e.id, eventId);
    expect(brief(row)).toEqual(["answered", "fallback", "ack", '{"code":0}']);
    await expect(answerInteraction(db, row.id, { code: 1 }, "en")).rejects.toMatchObject({ status: 410 });
    expect(await puts(eventId)).toEqual([]);
  });

  it.each(["put", "both"] as const)("%s: a person after the hold window is answered by PUT only", async (mode) => {
    const e = await endpoint(mode, "manual", 100);
    const { eventId, raw } = click("ask");
    // The window passed with nobody deciding: a plain acknowledgement.
    expect(await handleCallback(e.id, raw, deps)).toEqual({ status: 200, body: { op: 12, d: 0 } });
    const row = await rowOf(e.id, eventId);
    expect(await answerInteraction(db, row.id, { code: 3 }, "en")).toEqual({ delivered: "api" });
    expect(await puts(eventId)).toEqual([{ code: 3 }]);
    expect(brief(await rowOf(e.id, eventId))).toEqual(["answered", "manual", "put", '{"code":3}']);
  });

  it.each([
    ["put", { op: 12, d: 0 }],
    ["both", { op: 12, d: 0 }],
  ] as const)("%s: nobody: a plain acknowledgement, then the fallback by PUT at the deadline", async (mode, ackBody) => {
    const e = await endpoint(mode, "manual", 2000);
    const { eventId, raw } = click("ask");
    // Arrived 14.7 s ago: the hold window is long gone, the 15 s deadline 300 ms away.
    const ack = await handleCallback(e.id, raw, { ...deps, arrivedAt: new Date(Date.now() - 14_700) });
    expect(ack).toEqual({ status: 200, body: ackBody });
    const row = await settled(e.id, eventId, async (r) => r.status === "answered" && (await puts(eventId)).length > 0);
    expect(brief(row)).toEqual(["answered", "fallback", "put", '{"code":0}']);
    expect(await puts(eventId)).toEqual([{ code: 0 }]);
  });
});
