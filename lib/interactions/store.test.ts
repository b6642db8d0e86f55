import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/test-db";
import { interactionStore, type NewInteraction } from "./store";

/**
 * The callback store's semantics, the same on SQLite and PostgreSQL: stored once per event, a retry
 * finds the first row, and every conditional write wins exactly once however many race for it.
 */
describeEachDatabase("interaction store", ({ db }) => {
  const store = () => interactionStore();
  const endpoint = async () => (await db().endpoint.create({ data: { platform: "qq", name: "Q", fallback: "null", secrets: "sealed" } })).id;
  const row = (endpointId: string, more: Partial<NewInteraction> = {}): NewInteraction => ({
    id: randomUUID(),
    endpointId,
    platform: "qq",
    eventId: randomUUID(),
    kind: "button",
    status: "pending",
    headers: "{}",
    body: '{"d":1}',
    receivedAt: new Date(Date.UTC(2026, 0, 1, 12)),
    deadlineAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 15)),
    ...more,
  });
  const answer = (reply: unknown, replySource = "manual") => ({ status: "answered", reply, replySource, at: new Date(Date.UTC(2026, 0, 1, 12, 0, 1)), channel: "put" });

  it("stores an event once: a retry returns what the first delivery stored, and the row reads back through Prisma", async () => {
    const e = await endpoint();
    const first = row(e, { status: "answered", reply: '{"code":4}', replySource: "rule", answeredAt: new Date(Date.UTC(2026, 0, 1, 12)) });
    expect(await store().insert(first)).toBeNull();
    expect(await store().insert({ ...first, id: randomUUID(), status: "pending", reply: undefined })).toEqual({ id: first.id, status: "answered", reply: '{"code":4}', replySource: "rule" });
    const stored = await db().interaction.findUniqueOrThrow({ where: { id: first.id } });
    expect([stored.receivedAt.toISOString(), stored.deadlineAt?.toISOString(), stored.answeredAt?.toISOString(), stored.updates]).toEqual(["2026-01-01T12:00:00.000Z", "2026-01-01T12:00:15.000Z", "2026-01-01T12:00:00.000Z", 0]);
    expect(await db().interaction.count({ where: { endpointId: e } })).toBe(1);
  });

  it("lets exactly one of 20 concurrent transitions win", async () => {
    const e = await endpoint();
    const r = row(e);
    await store().insert(r);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store().transition(r.id, { status: "pending", replySource: null }, answer({ code: i }))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await store().state(r.id)).toEqual({ id: r.id, status: "answered", reply: JSON.stringify({ code: winner }), replySource: "manual" });
    expect((await db().interaction.findUniqueOrThrow({ where: { id: r.id } })).replyChannel).toBe("put");
  });

  it("makes an answer decided before a deferred fallback lose (the status stays pending, the source does not)", async () => {
    const e = await endpoint();
    const r = row(e, { platform: "discord" });
    await store().insert(r);
    expect(await store().transition(r.id, { status: "pending", replySource: null }, { ...answer({ type: 6 }, "fallback"), status: "pending" })).toBe(true);
    expect(await store().transition(r.id, { status: "pending", replySource: null }, answer({ type: 4 }))).toBe(false);
    expect(await store().transition(r.id, { status: "pending", replySource: "fallback" }, answer({ type: 4 }))).toBe(true);
  });

  it("reserves the update budget for exactly `max` of 10 racing updates; refunds and exhaustion count", async () => {
    const e = await endpoint();
    const r = row(e, { platform: "feishu", status: "answered", replySource: "manual" });
    await store().insert(r);
    const reserved = await Promise.all(Array.from({ length: 10 }, () => store().reserveUpdate(r.id, 2)));
    expect(reserved.filter(Boolean)).toHaveLength(2);
    await store().refundUpdate(r.id);
    expect(await store().reserveUpdate(r.id, 2)).toBe(true);
    await store().recordUpdate(r.id, { card: 1 }, new Date(Date.UTC(2026, 0, 1, 12, 5)));
    await store().exhaustUpdates(r.id, 2);
    expect(await store().reserveUpdate(r.id, 2)).toBe(false);
    expect(await db().interaction.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ updates: 2, reply: '{"card":1}', replySource: "manual", status: "answered" });
  });

  it("stores a callback's events all or none; a retried callback stores nothing more", async () => {
    const e = await endpoint();
    const snapshot = { endpointId: e, messageId: "m1", at: 5, state: "[]", conversation: "{}", updatedAt: new Date(Date.UTC(2026, 0, 1)) };
    const events = [row(e, { status: "received" }), row(e, { status: "received" })];
    expect(await store().insertEvents(events.map((r, i) => ({ row: r, snapshot: i === 0 ? snapshot : null })))).toEqual([
      { existing: null, snapshotChanged: true },
      { existing: null, snapshotChanged: false },
    ]);
    const retried = await store().insertEvents([{ row: { ...events[0]!, id: randomUUID() } }, { row: row(e, { status: "received" }) }]);
    expect(retried).toEqual([{ existing: { id: events[0]!.id, status: "received", reply: null, replySource: null }, snapshotChanged: false }]);
    // The second row names an endpoint that does not exist: the first is rolled back with it.
    const broken = [row(e, { status: "received" }), row("no-such-endpoint", { status: "received" })];
    await expect(store().insertEvents(broken.map((r) => ({ row: r })))).rejects.toThrow();
    expect(await db().interaction.count({ where: { id: broken[0]!.id } })).toBe(0);
    expect(await db().interaction.count({ where: { endpointId: e } })).toBe(2);
  });

  it("keeps a newer snapshot over an older one, and records a handshake", async () => {
    const e = await endpoint();
    const at = (n: number) => ({ endpointId: e, messageId: "m", at: n, state: `[${n}]`, conversation: "{}", updatedAt: new Date(n) });
    expect(await store().saveSnapshot(at(10))).toBe(true);
    expect(await store().saveSnapshot(at(5))).toBe(false);
    expect(await store().saveSnapshot(at(10))).toBe(true);
    expect((await db().messageSnapshot.findFirstOrThrow({ where: { endpointId: e } })).state).toBe("[10]");
    await store().recordHandshake(e, true, new Date(Date.UTC(2026, 0, 2)));
    expect(await db().endpoint.findUniqueOrThrow({ where: { id: e } })).toMatchObject({ handshakeOk: true, handshakeAt: new Date(Date.UTC(2026, 0, 2)) });
  });

  it("prunes refused callbacks to the newest kept, leaving other rows alone, also when several prune at once", async () => {
    const e = await endpoint();
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 30; i++) await store().insert(row(e, { status: "refused", receivedAt: new Date(base + i * 1000), deadlineAt: undefined }));
    await store().insert(row(e, { status: "answered", receivedAt: new Date(base) }));
    await Promise.all(Array.from({ length: 5 }, () => store().pruneRefused(e, 10)));
    // A pruner that found another one at it may have left its share: the next one takes it.
    await store().pruneRefused(e, 10);
    const refused = await db().interaction.findMany({ where: { endpointId: e, status: "refused" }, orderBy: { receivedAt: "asc" } });
    expect(refused.map((r) => r.receivedAt.getTime())).toEqual(Array.from({ length: 10 }, (_, i) => base + (20 + i) * 1000));
    expect(await db().interaction.count({ where: { endpointId: e, status: "answered" } })).toBe(1);
  });

  it("claims each pending row for exactly one of two racing sweepers, within the asked window", async () => {
    const e = await endpoint();
    const base = Date.UTC(2026, 0, 1);
    const rows = Array.from({ length: 12 }, (_, i) => row(e, { receivedAt: new Date(base + i * 1000), deadlineAt: new Date(base + i * 1000 + 15_000) }));
    for (const r of rows) await store().insert(r);
    // Decided by someone else already, and outside the window: never claimed.
    await store().transition(rows[0]!.id, { status: "pending", replySource: null }, answer({ code: 1 }));
    const query = { platform: "qq", receivedFrom: new Date(base), receivedBefore: new Date(base + 10_000), undecidedDueBefore: new Date(base + 30_000) };
    const settle = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return { op: "transition", to: answer({ code: 0 }, "fallback") } as const;
    };
    const [a, b] = await Promise.all([store().claimPending(query, settle), store().claimPending(query, settle)]);
    const claimed = [...a!, ...b!].map((r) => r.id).sort();
    expect(claimed).toEqual(rows.slice(1, 10).map((r) => r.id).sort());
    expect(new Set(claimed).size).toBe(claimed.length);
    // Either sweeper may have claimed them all (SKIP LOCKED hands the other nothing): look at whichever row came first.
    const first = [...a!, ...b!][0];
    expect(first).toMatchObject({ status: "pending", replySource: null, kind: "button", updates: 0 });
    expect(first!.receivedAt % 1000).toBe(0);
    // Expiry claims the same way: a row already answered is not expired.
    const expired = await store().claimPending({ platform: "qq", receivedBefore: new Date(base + 60_000) }, async () => ({ op: "expire" }));
    expect(expired.map((r) => r.id).sort()).toEqual(rows.slice(10).map((r) => r.id).sort());
  });
});

