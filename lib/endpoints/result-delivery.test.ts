import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { DISCORD_PUBLIC_KEY } from "@/lib/platforms/discord/fixtures/vectors";
import { createEndpointInput, updateEndpointInput } from "./input";
import { createEndpoint, updateEndpoint } from "./service";

/** QQ's result delivery (protocols.md §8.2): accepted and checked for QQ endpoints only, as `{error:{issues}}` naming the field. */
const db = createTestDb();
afterAll(() => db.$disconnect());

const qq = (more: Record<string, unknown>) => createEndpointInput.parse({ platform: "qq", name: "QQ delivery", mode: "manual", secrets: { appId: "7", secret: "qq-secret" }, ...more });
const issuesOf = async (work: Promise<unknown>) => {
  const error = (await work.then(() => null, (e: unknown) => e)) as { status: number; extra?: { issues?: { path: string }[] } } | null;
  return { status: error?.status, paths: error?.extra?.issues?.map((issue) => issue.path) };
};

describe("endpoint result delivery (QQ)", () => {
  it("stores the choice and hold window; absent, the platform's default (null)", async () => {
    const plain = await createEndpoint(db, qq({}), "http://localhost", "en");
    expect([plain.resultDelivery, plain.holdMs]).toEqual([null, null]);
    const ack = await createEndpoint(db, qq({ resultDelivery: "ack", holdMs: 2500 }), "http://localhost", "en");
    expect([ack.resultDelivery, ack.holdMs]).toEqual(["ack", 2500]);
    const changed = await updateEndpoint(db, ack.id, updateEndpointInput.parse({ resultDelivery: "put" }), "http://localhost", "en");
    expect([changed.resultDelivery, changed.holdMs]).toEqual(["put", 2500]);
    const zero = await updateEndpoint(db, ack.id, updateEndpointInput.parse({ holdMs: 0 }), "http://localhost", "en");
    expect([zero.resultDelivery, zero.holdMs]).toEqual(["put", 0]);
  });

  it("refuses a hold window outside 0–2,500 ms, a fraction, or an unknown mode, naming the field", async () => {
    for (const [more, path] of [[{ holdMs: 2501 }, "holdMs"], [{ holdMs: -1 }, "holdMs"], [{ holdMs: 1.5 }, "holdMs"], [{ holdMs: "2000" }, "holdMs"], [{ resultDelivery: "later" }, "resultDelivery"]] as const) {
      expect(await issuesOf(createEndpoint(db, qq(more), "http://localhost", "en"))).toEqual({ status: 400, paths: [path] });
    }
  });

  it("is an unknown field for a platform whose reply is the HTTP answer (Discord)", async () => {
    const input = createEndpointInput.parse({ platform: "discord", name: "D", secrets: { publicKey: DISCORD_PUBLIC_KEY }, holdMs: 1000 });
    expect(await issuesOf(createEndpoint(db, input, "http://localhost", "en"))).toEqual({ status: 400, paths: ["holdMs"] });
  });
});
