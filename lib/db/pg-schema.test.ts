import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PG_SCHEMA, expectedPostgresSchema } from "../../scripts/pg-schema.mjs";

describe("prisma/postgresql/schema.prisma", () => {
  it("is prisma/schema.prisma with the provider swapped (run `npm run db:pg` after changing the schema)", () => {
    expect(readFileSync(PG_SCHEMA, "utf8")).toBe(expectedPostgresSchema());
  });

  it("swaps only the datasource provider, the client's output and the placeholder URL", () => {
    const pg = readFileSync(PG_SCHEMA, "utf8");
    expect(pg).toMatch(/provider = "postgresql"/);
    expect(pg).toMatch(/output {5}= "\.\.\/\.\.\/lib\/db\/generated-pg"/);
    expect(pg).not.toMatch(/provider\s*=\s*"sqlite"|"file:/);
  });
});
