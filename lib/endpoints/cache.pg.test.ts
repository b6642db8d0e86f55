import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { twoInstances } from "@/lib/cluster/two-instances";
import { createDb, type Db } from "@/lib/db";
import { createEndpointCache, type EndpointCache } from "./cache";
import { createEndpoint } from "./service";

let cluster: Awaited<ReturnType<typeof twoInstances>>;
let db: Db;
let cacheA: EndpointCache;
let cacheB: EndpointCache;

beforeAll(async () => {
  cluster = await twoInstances();
  db = createDb(cluster.url);
  cacheA = createEndpointCache(cluster.a);
  cacheB = createEndpointCache(cluster.b);
});
afterAll(async () => {
  await db.$disconnect();
  await cluster.close();
});

const PUBLIC_KEY = "a".repeat(64);

describe("the endpoint cache on two instances of one PostgreSQL", () => {
  it("a change made through one instance is dropped by the other before its next use", async () => {
    const { id } = await createEndpoint(db, { platform: "discord", name: "d", mode: "manual", requireSignature: true, secrets: { publicKey: PUBLIC_KEY }, rules: [] }, "http://localhost", "en");
    expect((await cacheA.get(db, id))?.mode).toBe("manual");
    expect((await cacheB.get(db, id))?.mode).toBe("manual");
    await db.endpoint.update({ where: { id }, data: { mode: "rules" } });
    await cacheA.forget(id);
    const started = performance.now();
    // A dropped its own copy at once; B within a NOTIFY's delivery.
    await vi.waitFor(async () => expect((await cacheB.get(db, id))?.mode).toBe("rules"), { timeout: 1_000, interval: 1 });
    console.log(`[endpoint cache] B read the change ${(performance.now() - started).toFixed(2)} ms after A's forget resolved`);
    expect((await cacheA.get(db, id))?.mode).toBe("rules");

    await db.endpoint.delete({ where: { id } });
    await cacheB.forget(id);
    await vi.waitFor(async () => expect(await cacheA.get(db, id)).toBeNull(), { timeout: 1_000, interval: 1 });
  });

  it("never keeps an unknown id: an endpoint created a moment later is found", async () => {
    expect(await cacheB.get(db, "not-yet")).toBeNull();
    await createEndpoint(db, { platform: "discord", name: "later", mode: "rules", requireSignature: true, secrets: { publicKey: PUBLIC_KEY }, rules: [] }, "http://localhost", "en").then(async ({ id }) => {
      expect((await cacheB.get(db, id))?.id).toBe(id);
    });
  });
});
