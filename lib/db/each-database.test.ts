import { expect, it } from "vitest";
import { databaseKind } from "./url";
import { describeEachDatabase } from "./test-db";

// vitest.config.mts runs this file in the sqlite and the postgres project: the helper's own test.
describeEachDatabase("a suite on each database", (ctx) => {
  it("gets a fresh, migrated database of the project's kind, and DATABASE_URL points at it", async () => {
    expect(databaseKind(process.env.DATABASE_URL)).toBe(ctx.kind);
    expect(await ctx.db().endpoint.count()).toBe(0);
    const at = new Date("2026-01-02T03:04:05.678Z");
    await ctx.db().session.create({ data: { id: "s", createdAt: at, expiresAt: at } });
    expect((await ctx.db().session.findUniqueOrThrow({ where: { id: "s" } })).expiresAt).toEqual(at);
  });
});
