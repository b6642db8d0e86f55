import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twoInstances } from "@/lib/cluster/two-instances";
import { closePg } from "@/lib/db/pg";
import { createPgBus, type PgBus } from "./pg-bus";
import { liveStream } from "./sse";

let cluster: Awaited<ReturnType<typeof twoInstances>>;
/** Another instance; this process's own bus (lib/live/bus.ts) serves the stream. */
let other: PgBus;

beforeAll(async () => {
  cluster = await twoInstances();
  process.env.DATABASE_URL = cluster.url;
  other = createPgBus(cluster.a);
  await other.start();
});
afterAll(async () => {
  await other.close();
  await cluster.close();
  await closePg();
});

/** Reads the stream until `until` holds for what arrived. */
async function readUntil(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  reader.releaseLock();
  return text;
}

const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));

describe("the SSE stream on PostgreSQL", () => {
  it("resumes from an id another instance handed out, then goes on live, each event once and in order", async () => {
    const seen: number[] = [];
    const stop = other.subscribe((e) => seen.push(e.seq));
    for (const id of ["s1", "s2", "s3"]) other.publish({ type: "interaction.created", id, endpointId: "ep", status: "pending" });
    await other.flushed();
    while (seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    stop();
    const abort = new AbortController();
    const stream = liveStream(String(seen[0]), abort.signal);
    // Published while the stream reads what it missed: each arrives once, after the missed ones.
    other.publish({ type: "interaction.updated", id: "s3", endpointId: "ep", status: "answered" });
    const text = await readUntil(stream, (t) => ids(t).length >= 3);
    abort.abort();
    const got = ids(text);
    expect(got.slice(0, 2)).toEqual([seen[1], seen[2]]);
    expect(got[2]).toBeGreaterThan(seen[2] as number);
    expect(new Set(got).size).toBe(got.length);
    expect(text).not.toContain("event: reset");
  });

  it("answers an id it cannot resume from with a reset", async () => {
    const abort = new AbortController();
    const text = await readUntil(liveStream("999999999", abort.signal), (t) => t.includes("event: reset"));
    abort.abort();
    expect(text).toContain("event: reset");
  });
});
