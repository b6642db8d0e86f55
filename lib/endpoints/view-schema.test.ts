import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { DISCORD_PUBLIC_KEY } from "@/lib/platforms/discord/fixtures/vectors";
import type { CreateEndpointInput } from "./input";
import { createEndpoint, getEndpoint, listEndpoints } from "./service";
import { endpointListSchema, endpointViewSchema } from "./view-schema";

/** The browser parses the endpoints API's answers with these schemas: what the server sends from real rows must pass. */
const db = createTestDb();
afterAll(() => db.$disconnect());

describe("endpoint view schema", () => {
  it("one endpoint and the list parse, secrets only as public identifiers", async () => {
    const input: CreateEndpointInput = {
      platform: "discord",
      name: "Views",
      mode: "rules",
      requireSignature: true,
      secrets: { publicKey: DISCORD_PUBLIC_KEY, botToken: "bot-token" },
      fallback: { type: 4, data: { content: "Fallback" } },
      rules: [{ match: { on: "control", pattern: "ok" }, reply: { type: 4, data: { content: "Answered" } } }],
    };
    const created = await createEndpoint(db, input, "http://localhost", "en");
    const view = endpointViewSchema.parse(await getEndpoint(db, created.id, "http://localhost"));
    expect(view.secrets).toEqual({ configured: true, publicKey: DISCORD_PUBLIC_KEY });
    expect(view.rules).toEqual(input.rules);
    expect(view.lastRefusal).toBeNull();
    expect(endpointListSchema.parse({ endpoints: await listEndpoints(db, "http://localhost") }).endpoints.map((e) => e.id)).toContain(created.id);
  });

  it("refuses a row as the database holds it (dates, sealed secrets)", async () => {
    expect(endpointViewSchema.safeParse(await db.endpoint.findFirst({ include: { rules: true } })).success).toBe(false);
  });
});
