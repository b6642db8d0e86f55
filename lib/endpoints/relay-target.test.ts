import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { parseInput } from "@/lib/http/parse-input";
import { DISCORD_PUBLIC_KEY } from "@/lib/platforms/discord/fixtures/vectors";
import { createEndpointCache } from "./cache";
import { createEndpointInput, updateEndpointInput } from "./input";
import { createEndpoint, getEndpoint, updateEndpoint } from "./service";

/** Issue 16's contract: `{mode: "relay" | "rules-then-relay", relayTarget: "<http(s) URL>" | "tunnel"}`, stored, shown and cached. */
const db = createTestDb();
afterAll(() => db.$disconnect());

const origin = "http://localhost";
const discord = (more: Record<string, unknown>) => parseInput(createEndpointInput, { platform: "discord", name: "Relayed", secrets: { publicKey: DISCORD_PUBLIC_KEY }, ...more }, "en");
const update = (more: Record<string, unknown>) => parseInput(updateEndpointInput, more, "en");
const failure = async (work: () => Promise<unknown>) => {
  const error = (await Promise.resolve().then(work).then(() => null, (e: unknown) => e)) as { status: number; extra?: { issues?: { path: string }[] } } | null;
  // A union (URL or tunnel) may name the field once per branch.
  return { status: error?.status, paths: [...new Set(error?.extra?.issues?.map((issue) => issue.path))] };
};

describe("endpoint relay modes and target", () => {
  it("stores a URL or tunnel with a relay mode, shows it and hands it to the callback path", async () => {
    const url = await createEndpoint(db, discord({ mode: "relay", relayTarget: "http://127.0.0.1:9/interactions" }), origin, "en");
    expect([url.mode, url.relayTarget]).toEqual(["relay", "http://127.0.0.1:9/interactions"]);
    const tunnel = await createEndpoint(db, discord({ mode: "rules-then-relay", relayTarget: "tunnel" }), origin, "en");
    expect((await getEndpoint(db, tunnel.id, origin)).relayTarget).toBe("tunnel");
    const cache = createEndpointCache(null);
    expect(await cache.get(db, url.id)).toMatchObject({ mode: "relay", relayTarget: "http://127.0.0.1:9/interactions" });
    expect(await cache.get(db, tunnel.id)).toMatchObject({ mode: "rules-then-relay", relayTarget: "tunnel" });
    const plain = await createEndpoint(db, discord({}), origin, "en");
    expect([plain.mode, plain.relayTarget]).toEqual(["rules", null]);
  });

  it("refuses a relay mode without a target and a target without a relay mode, naming relayTarget", async () => {
    expect(await failure(() => createEndpoint(db, discord({ mode: "relay" }), origin, "en"))).toEqual({ status: 400, paths: ["relayTarget"] });
    expect(await failure(() => createEndpoint(db, discord({ mode: "rules-then-relay", relayTarget: null }), origin, "en"))).toEqual({ status: 400, paths: ["relayTarget"] });
    expect(await failure(() => createEndpoint(db, discord({ mode: "manual", relayTarget: "tunnel" }), origin, "en"))).toEqual({ status: 400, paths: ["relayTarget"] });
    // The target's own form is the input schema's: an http(s) URL without credentials, or tunnel.
    for (const relayTarget of ["ftp://bot.example/x", "https://user:pw@bot.example/x", "not a url"]) {
      expect(await failure(async () => discord({ mode: "relay", relayTarget }))).toEqual({ status: 400, paths: ["relayTarget"] });
    }
  });

  it("updates: the target carries over while the mode relays, is needed to start relaying, and is cleared when relaying stops", async () => {
    const { id } = await createEndpoint(db, discord({ mode: "manual" }), origin, "en");
    expect(await failure(() => updateEndpoint(db, id, update({ mode: "relay" }), origin, "en"))).toEqual({ status: 400, paths: ["relayTarget"] });
    expect(await failure(() => updateEndpoint(db, id, update({ relayTarget: "tunnel" }), origin, "en"))).toEqual({ status: 400, paths: ["relayTarget"] });
    expect((await updateEndpoint(db, id, update({ mode: "relay", relayTarget: "https://bot.example/i" }), origin, "en")).relayTarget).toBe("https://bot.example/i");
    expect(await updateEndpoint(db, id, update({ mode: "rules-then-relay" }), origin, "en")).toMatchObject({ mode: "rules-then-relay", relayTarget: "https://bot.example/i" });
    expect((await updateEndpoint(db, id, update({ relayTarget: "tunnel" }), origin, "en")).relayTarget).toBe("tunnel");
    expect(await failure(() => updateEndpoint(db, id, update({ relayTarget: null }), origin, "en"))).toEqual({ status: 400, paths: ["relayTarget"] });
    expect(await updateEndpoint(db, id, update({ mode: "rules" }), origin, "en")).toMatchObject({ mode: "rules", relayTarget: null });
  });

  it("a relay mode stored without a target (edited by hand) answers as rules", async () => {
    const { id } = await createEndpoint(db, discord({}), origin, "en");
    await db.endpoint.update({ where: { id }, data: { mode: "relay" } });
    expect(await createEndpointCache(null).get(db, id)).toMatchObject({ mode: "rules", relayTarget: null });
  });
});
