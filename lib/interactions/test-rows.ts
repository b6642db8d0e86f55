import { getPgPool, pgTimestamp } from "@/lib/db/pg";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";
import { databaseKind } from "@/lib/db/url";

/** A stored interaction as tests need it; what is left out is null (or the column's default). */
export interface TestRow {
  id: string;
  endpointId: string;
  platform: string;
  eventId: string;
  kind: string;
  status: string;
  actor?: string | null;
  scene?: string | null;
  control?: string | null;
  data?: string | null;
  summary?: string | null;
  replySource?: string | null;
  headers: string;
  body: string;
  receivedAt: Date;
  answeredAt?: Date | null;
}

const COLUMNS = ["id", "endpointId", "platform", "eventId", "kind", "status", "actor", "scene", "control", "data", "summary", "replySource", "headers", "body", "receivedAt", "answeredAt"] as const;

/**
 * Stores many rows fast, for tests that need tens of thousands (Prisma's createMany takes ~15 s for 20,000
 * here): one prepared statement in one transaction on SQLite, one INSERT … SELECT FROM unnest per 5,000 on
 * PostgreSQL.
 */
export async function insertTestRows(rows: readonly TestRow[]): Promise<void> {
  const values = (row: TestRow, time: (date: Date) => string) =>
    COLUMNS.map((column) => {
      const value = row[column];
      return value instanceof Date ? time(value) : (value ?? null);
    });
  if (databaseKind() === "sqlite") {
    const sqlite = getSqlite();
    const insert = sqlite.prepare(`INSERT INTO "Interaction" (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`);
    sqlite.transaction(() => rows.forEach((row) => insert.run(...values(row, sqliteTimestamp))))();
    return;
  }
  const types = COLUMNS.map((column) => (column === "receivedAt" || column === "answeredAt" ? "timestamp(3)" : "text"));
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000).map((row) => values(row, pgTimestamp));
    await getPgPool().query(
      `INSERT INTO "Interaction" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(", ")})`,
      COLUMNS.map((_, i) => chunk.map((row) => row[i])),
    );
  }
}
