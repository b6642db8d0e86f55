import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createTestDb } from "@/lib/db/test-db";
import { createEndpointCache } from "./cache";
import { createEndpoint } from "./service";

let db: Db;
beforeAll(() => {
  db = createTestDb();
});

describe("the endpoint cache (SQLite: one process, no LISTEN)", () => {
  it("loads once, drops on forget, and never keeps an unknown id", async () => {
    const cache = createEndpointCache(null);
    expect(await cache.get(db, "later")).toBeNull();
    const { id } = await createEndpoint(db, { platform: "discord", name: "d", mode: "manual", requireSignature: true, secrets: { publicKey: "a".repeat(64) }, rules: [] }, "http://localhost", "en");
    const first = cache.get(db, id);
    expect(cache.get(db, id)).toBe(first);
    expect((await first)?.mode).toBe("manual");
    await db.endpoint.update({ where: { id }, data: { mode: "rules" } });
    expect((await cache.get(db, id))?.mode).toBe("manual");
    await cache.forget(id);
    expect((await cache.get(db, id))?.mode).toBe("rules");
  });
});
