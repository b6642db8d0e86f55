import { describe, expect, it } from "vitest";
import { databaseKindOf } from "../../scripts/migrate.mjs";
import { databaseKind, resolveSqlitePath } from "./url";

describe("databaseKind", () => {
  const cases: [string, "sqlite" | "postgres" | "error"][] = [
    ["file:./data/studio.db", "sqlite"],
    ["file:/tmp/x.db", "sqlite"],
    ["postgres://u:p@db:5432/studio", "postgres"],
    ["postgresql://u@localhost/studio?sslmode=require", "postgres"],
    ["mysql://u@localhost/studio", "error"],
    ["postgres:studio", "error"],
    ["./data/studio.db", "error"],
  ];
  it.each(cases)("%s → %s (and scripts/migrate.mjs agrees)", (url, kind) => {
    if (kind === "error") {
      expect(() => databaseKind(url)).toThrow(/DATABASE_URL must be/);
      expect(() => databaseKindOf(url)).toThrow(/DATABASE_URL must be/);
    } else {
      expect(databaseKind(url)).toBe(kind);
      expect(databaseKindOf(url)).toBe(kind);
    }
  });

  it("defaults to the embedded SQLite file when DATABASE_URL is unset or empty", () => {
    const saved = process.env.DATABASE_URL;
    try {
      process.env.DATABASE_URL = "";
      expect(databaseKind()).toBe("sqlite");
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });

  it("refuses a PostgreSQL URL where a SQLite path is needed", () => {
    expect(() => resolveSqlitePath("postgresql://localhost/x")).toThrow(/SQLite file: URL/);
  });
});
