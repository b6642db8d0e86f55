import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { qqInteractionDispatch } from "@/lib/platforms/qq/click";
import { signQq } from "@/lib/platforms/qq/signature";
import { recordedCalls } from "@/lib/simulator/platform-api";
import { startSimulatorServer } from "@/lib/simulator/test-server";
import { expireStale } from "./expire";
import { handleCallback } from "./ingest";
import { OVERDUE_GRACE_MS, sendOverdueFallbacks } from "./overdue";
import { interactionStore } from "./store";

/**
 * Deadlines survive an instance: a QQ fallback owed by an instance that died (its row pending, its timer
 * gone) is sent by another instance's sweep, exactly once however many sweep, and never by a sweep and the
 * living instance's timer both. Rows "stored by a dead instance" are inserted as ingest stores them; the
 * product's simulator plays QQ's API and records the PUTs.
 */
describeEachDatabase("overdue fallbacks", ({ db }) => {
  const SECRET = "overdue-secret";
  let simulator: Awaited<ReturnType<typeof startSimulatorServer>>;
  beforeAll(async () => {
    simulator = await startSimulatorServer(db());
  });
  afterAll(() => simulator.close());

  let apps = 0;
  const qqEndpoint = (resultDelivery: "put" | "ack" | "both" = "put") =>
    createEndpoint(db(), { platform: "qq", name: `QQ ${resultDelivery}`, mode: "manual", requireSignature: true, apiBaseUrl: simulator.apiBase, resultDelivery, holdMs: 1000, secrets: { appId: `ovd${++apps}`, secret: SECRET }, rules: [] }, "http://localhost", "en");
  const puts = async (eventId: string) => (await recordedCalls()).filter((c) => c.method === "PUT" && c.path === `/interactions/${eventId}`).map((c) => c.body);
  const statusOf = async (id: string) => {
    const row = await db().interaction.findUniqueOrThrow({ where: { id } });
    return [row.status, row.replySource, row.replyChannel, row.reply];
  };

  /** A pending click as the instance that received it stored it, before it died (no timer left anywhere). */
  async function orphan(endpointId: string, platform: string, receivedAt: Date, deadlineMs: number) {
    const id = randomUUID();
    const eventId = `evt-${id}`;
    await interactionStore().insert({ id, endpointId, platform, eventId, kind: "button", status: "pending", headers: "{}", body: "{}", receivedAt, deadlineAt: new Date(receivedAt.getTime() + deadlineMs) });
    return { id, eventId };
  }

  it("sends a dead instance's QQ fallback from the sweep, once, with two sweepers racing", async () => {
    const { id: endpointId } = await qqEndpoint("put");
    const now = new Date();
    const received = new Date(now.getTime() - 15_000 - OVERDUE_GRACE_MS - 500);
    const rows = await Promise.all(Array.from({ length: 5 }, () => orphan(endpointId, "qq", received, 15_000)));
    const claimed = await Promise.all([sendOverdueFallbacks(db(), now), sendOverdueFallbacks(db(), now)]);
    expect(claimed.flat().map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const row of rows) {
      expect(await puts(row.eventId)).toEqual([{ code: 0 }]);
      expect(await statusOf(row.id)).toEqual(["answered", "fallback", "put", '{"code":0}']);
    }
    expect(await sendOverdueFallbacks(db(), now)).toEqual([]);
  });

  it("leaves a fallback within the grace to the receiving instance's timer, and one past the window to expiry", async () => {
    const { id: endpointId } = await qqEndpoint("both");
    const now = new Date();
    const young = await orphan(endpointId, "qq", new Date(now.getTime() - 15_000 - OVERDUE_GRACE_MS + 300), 15_000);
    const old = await orphan(endpointId, "qq", new Date(now.getTime() - 15_000 - 5_000 - 1000), 15_000);
    expect(await sendOverdueFallbacks(db(), now)).toEqual([]);
    expect([await puts(young.eventId), await puts(old.eventId)]).toEqual([[], []]);
    // Two instances' expiry sweeps: the old one expires once.
    const expired = await Promise.all([expireStale(now), expireStale(now)]);
    expect(expired[0]! + expired[1]!).toBeGreaterThanOrEqual(1);
    expect((await statusOf(old.id))[0]).toBe("expired");
    expect((await statusOf(young.id))[0]).toBe("pending");
  });

  it("sends nothing where nothing could carry the fallback any more (QQ ack only, Discord's held response)", async () => {
    const { id: ackOnly } = await qqEndpoint("ack");
    const discord = await db().endpoint.create({ data: { platform: "discord", name: "D", fallback: "null", secrets: "sealed" } });
    const now = new Date();
    const a = await orphan(ackOnly, "qq", new Date(now.getTime() - 3000), 1000);
    const d = await orphan(discord.id, "discord", new Date(now.getTime() - 5000), 3000);
    expect(await sendOverdueFallbacks(db(), now)).toEqual([]);
    expect(await puts(a.eventId)).toEqual([]);
    expect([(await statusOf(a.id))[0], (await statusOf(d.id))[0]]).toEqual(["pending", "pending"]);
  });

  it("marks the interaction failed when the swept fallback does not reach the platform", async () => {
    // A base trusted with the app's token where nothing listens: the token request is refused.
    const unreachable = "http://127.0.0.1:9/api";
    process.env.TRUSTED_API_BASES = unreachable;
    try {
      const { id: endpointId } = await createEndpoint(db(), { platform: "qq", name: "QQ unreachable", mode: "manual", requireSignature: true, apiBaseUrl: unreachable, resultDelivery: "put", holdMs: 1000, secrets: { appId: `ovd${++apps}`, secret: SECRET }, rules: [] }, "http://localhost", "en");
      const now = new Date();
      const row = await orphan(endpointId, "qq", new Date(now.getTime() - 15_000 - OVERDUE_GRACE_MS - 500), 15_000);
      expect((await sendOverdueFallbacks(db(), now)).map((r) => r.id)).toContain(row.id);
      expect(await statusOf(row.id)).toEqual(["failed", "fallback", "put", '{"code":0}']);
    } finally {
      delete process.env.TRUSTED_API_BASES;
    }
  });

  function click() {
    const body = JSON.stringify(qqInteractionDispatch({ id: "1", data: "ask" }, { userId: "u", roles: [], isAdmin: false, scene: "group" }));
    return { eventId: (JSON.parse(body) as { d: { id: string } }).d.id, raw: { headers: new Headers({ "x-signature-ed25519": signQq(SECRET, "100", body), "x-signature-timestamp": "100" }), body: Buffer.from(body) } };
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it.each(["sweep first", "timer first"] as const)("a living instance's timer and another's sweep: one PUT (%s)", async (order) => {
    const { id: endpointId } = await qqEndpoint("put");
    const { eventId, raw } = click();
    // Arrived 14.9 s ago: this process's fallback timer fires in ~100 ms.
    expect(await handleCallback(endpointId, raw, { db: db(), now: () => new Date(), arrivedAt: new Date(Date.now() - 14_900) })).toEqual({ status: 200, body: { op: 12, d: 0 } });
    // The other instance's clock is past the deadline and its grace already (sweep first), or the sweep comes after the timer.
    if (order === "timer first") await sleep(400);
    const sweeps = await Promise.all(Array.from({ length: 4 }, (_, i) => sleep(i * 40).then(() => sendOverdueFallbacks(db(), new Date(Date.now() + 2 * OVERDUE_GRACE_MS)))));
    await sleep(400);
    // Who sends is a race (under load the timer may still beat a "first" sweep); that exactly one does is the point.
    const swept = sweeps.flat().filter((r) => r.endpointId === endpointId).length;
    if (order === "timer first") expect(swept).toBe(0);
    else expect(swept).toBeLessThanOrEqual(1);
    expect(await puts(eventId)).toEqual([{ code: 0 }]);
    const row = await db().interaction.findFirstOrThrow({ where: { endpointId, eventId } });
    expect(await statusOf(row.id)).toEqual(["answered", "fallback", "put", '{"code":0}']);
  });
});
