import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { twoInstances } from "@/lib/cluster/two-instances";
import { createPgBus, KEEP, type PgBus } from "./pg-bus";
import type { LiveEvent, LiveEventInput } from "./types";

let cluster: Awaited<ReturnType<typeof twoInstances>>;
let a: PgBus;
let b: PgBus;

beforeAll(async () => {
  cluster = await twoInstances();
  a = createPgBus(cluster.a);
  b = createPgBus(cluster.b);
  await Promise.all([a.start(), b.start()]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await cluster.close();
});

const event = (id: string, status = "pending"): LiveEventInput => ({ type: "interaction.created", id, endpointId: "ep", status });

/** Collects what a bus's subscribers get, until stopped. */
function collect(bus: PgBus): { seen: LiveEvent[]; stop: () => void } {
  const seen: LiveEvent[] = [];
  return { seen, stop: bus.subscribe((e) => seen.push(e)) };
}

describe("the live log across two instances on one PostgreSQL", () => {
  it("delivers what either publishes to both, in one global order", async () => {
    const onA = collect(a);
    const onB = collect(b);
    for (let i = 0; i < 5; i++) {
      a.publish(event(`a${i}`));
      b.publish(event(`b${i}`));
    }
    await vi.waitFor(() => expect(onB.seen).toHaveLength(10));
    await vi.waitFor(() => expect(onA.seen).toHaveLength(10));
    onA.stop();
    onB.stop();
    const seqs = onB.seen.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(onA.seen).toEqual(onB.seen);
    // Each instance's own events keep the order it published them in.
    expect(onB.seen.map((e) => e.id).filter((id) => id.startsWith("a"))).toEqual(["a0", "a1", "a2", "a3", "a4"]);
    expect(onB.seen.map((e) => e.id).filter((id) => id.startsWith("b"))).toEqual(["b0", "b1", "b2", "b3", "b4"]);
    expect(a.eventId(onB.seen[0] as LiveEvent)).toBe(b.eventId(onB.seen[0] as LiveEvent));
  });

  it("resumes from an id seen on one instance on the other; unknown ids ask for a reset", async () => {
    const onA = collect(a);
    a.publish(event("r1"));
    a.publish(event("r2"));
    a.publish(event("r2", "answered"));
    await vi.waitFor(() => expect(onA.seen).toHaveLength(3));
    onA.stop();
    const [first, , last] = onA.seen as [LiveEvent, LiveEvent, LiveEvent];
    expect((await b.eventsSince(a.eventId(first)))?.map((e) => `${e.id}:${e.status}`)).toEqual(["r2:pending", "r2:answered"]);
    expect(await b.eventsSince(a.eventId(last))).toEqual([]);
    expect(await b.eventsSince(String(last.seq + 1000))).toBeNull();
    expect(await b.eventsSince("lx3k2-7")).toBeNull();
    expect(await b.eventsSince("0")).toBeNull();
  });

  it("reads back events whose NOTIFY was lost (a LISTEN connection re-made) before the next one", async () => {
    const onB = collect(b);
    a.publish(event("before"));
    await vi.waitFor(() => expect(onB.seen).toHaveLength(1));
    // A row no NOTIFY announced, as if B's listener was down when it committed.
    await cluster.a.query(`INSERT INTO "LiveEvent" ("type", "ref", "endpointId", "status") VALUES ('interaction.updated', 'silent', 'ep', 'answered')`);
    a.publish(event("after"));
    await vi.waitFor(() => expect(onB.seen).toHaveLength(3));
    onB.stop();
    expect(onB.seen.map((e) => e.id)).toEqual(["before", "silent", "after"]);
  });

  it("after its LISTEN connection is cut, an instance reads back what committed meanwhile", async () => {
    const onB = collect(b);
    a.publish(event("up"));
    await vi.waitFor(() => expect(onB.seen).toHaveLength(1));
    await cluster.a.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'instance-b' AND query LIKE 'LISTEN%'`);
    // Committed while B has no LISTEN (it reconnects after 100 ms): only the read-back can bring it.
    a.publish(event("while-down"));
    await a.flushed();
    await vi.waitFor(() => expect(onB.seen.map((e) => e.id)).toEqual(["up", "while-down"]), { timeout: 5_000 });
    onB.stop();
  });

  it("a subscriber that throws stops neither the others nor later events", async () => {
    const stopBad = b.subscribe(() => {
      throw new Error("a broken stream");
    });
    const onB = collect(b);
    a.publish(event("t1"));
    a.publish(event("t2"));
    await vi.waitFor(() => expect(onB.seen.map((e) => e.id)).toEqual(["t1", "t2"]));
    stopBad();
    onB.stop();
  });

  it("prunes to the newest KEEP: a pruned id asks for a reset, one still kept resumes", async () => {
    const onB = collect(b);
    for (let i = 0; i < KEEP + 600; i++) a.publish(event(`p${i}`));
    await vi.waitFor(() => expect(onB.seen).toHaveLength(KEEP + 600), { timeout: 10_000 });
    onB.stop();
    const oldest = onB.seen[0] as LiveEvent;
    const kept = onB.seen[onB.seen.length - 10] as LiveEvent;
    expect(await b.eventsSince(b.eventId(oldest))).toBeNull();
    expect(await a.eventsSince(a.eventId(kept))).toHaveLength(9);
    const [{ count }] = (await cluster.b.query<{ count: string }>(`SELECT count(*)::text AS count FROM "LiveEvent"`)) as [{ count: string }];
    expect(Number(count)).toBeLessThanOrEqual(KEEP + 600);
  });

  it("reaches the other instance fast (published on A → subscriber on B)", async () => {
    const latencies = await crossLatencies(a, b, 300);
    const sorted = [...latencies].sort((x, y) => x - y);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Infinity;
    console.log(`[live log] A → B over LISTEN/NOTIFY, ${sorted.length} events: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${at(1).toFixed(2)} ms`);
    expect(at(0.95)).toBeLessThan(1000);
  });
});

/** One event at a time (every 2 ms, not waiting for the last), timed from publish to B's subscriber. */
async function crossLatencies(from: PgBus, to: PgBus, count: number): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const stop = to.subscribe((e) => {
    const t = sentAt.get(e.id);
    if (t !== undefined) latencies.push(performance.now() - t);
  });
  for (let i = 0; i < count; i++) {
    const id = `lat${i}`;
    sentAt.set(id, performance.now());
    from.publish(event(id));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await vi.waitFor(() => expect(latencies).toHaveLength(count), { timeout: 10_000 });
  stop();
  return latencies;
}
