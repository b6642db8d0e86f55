import { afterAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { handleCallback } from "./ingest";
import { getInteraction, listInteractions } from "./list";
import { interactionDetailSchema, interactionPageSchema, interactionSummarySchema } from "./view-schema";

/**
 * The browser parses the API's answers with the shared view schemas (lib/<area>/view-schema.ts):
 * what the server really sends, from real rows, must pass them, or every page would show its
 * "could not be loaded" state. (The types already agree; this checks the values: dates as strings,
 * JSON parsed, nothing undefined where the schema wants null.)
 */
const db = await createEachTestDb();
afterAll(() => db.$disconnect());
const deps = { db, now: () => new Date() };

function discordClick(id: string, signed = true) {
  const body = JSON.stringify({ id, application_id: "app", type: 3, token: "tok", version: 1, member: { user: { id: "u1" } }, data: { custom_id: "ok", component_type: 2 } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = signed ? signDiscord(DISCORD_SEED, timestamp, body) : "00".repeat(64);
  return { headers: new Headers({ "x-signature-ed25519": signature, "x-signature-timestamp": timestamp }), body: Buffer.from(body) };
}

async function discordEndpoint() {
  return createEndpoint(
    db,
    {
      platform: "discord",
      name: "Views",
      mode: "rules",
      requireSignature: true,
      secrets: { publicKey: DISCORD_PUBLIC_KEY, botToken: "bot-token" },
      fallback: { type: 4, data: { content: "Fallback" } },
      rules: [{ match: { on: "control", pattern: "ok" }, reply: { type: 4, data: { content: "Answered" } } }],
    },
    "http://localhost",
    "en",
  );
}

describe("interaction view schemas", () => {
  it("interactions: a page, an answered one and a refused one parse as the browser reads them", async () => {
    const endpoint = await discordEndpoint();
    expect((await handleCallback(endpoint.id, discordClick("view-answered"), deps)).status).toBe(200);
    expect((await handleCallback(endpoint.id, discordClick("view-refused", false), deps)).status).toBe(401);

    const page = interactionPageSchema.parse(await listInteractions(db, { endpointId: endpoint.id, limit: 50 }));
    expect(page.items.map((i) => i.status).sort()).toEqual(["answered", "refused"]);
    for (const item of page.items) {
      const detail = interactionDetailSchema.parse(await getInteraction(db, item.id));
      expect(detail.receivedAt).toBe(item.receivedAt);
      // The list keeps only the summary of a detail fetched for a live update.
      expect(Object.keys(interactionSummarySchema.parse(detail)).sort()).toEqual(Object.keys(item).sort());
    }
    const answered = page.items.find((i) => i.status === "answered")!;
    expect(interactionDetailSchema.parse(await getInteraction(db, answered.id)).reply).toEqual({ type: 4, data: { content: "Answered" } });
  });

  it("refuses what the browser must not take: a row as the database holds it (dates, not strings)", async () => {
    const row = await db.interaction.findFirst();
    expect(row).not.toBeNull();
    expect(interactionSummarySchema.safeParse(row).success).toBe(false);
  });
});
