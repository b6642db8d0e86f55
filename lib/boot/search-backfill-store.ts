import "server-only";
import { getPgPool } from "@/lib/db/pg";
import { getSqlite } from "@/lib/db/sqlite";
import { databaseKind } from "@/lib/db/url";
import type { Searchable } from "@/lib/interactions/search-text";

export interface Unsearchable extends Searchable {
  id: string;
  endpointId: string;
}

/** A row's search text, or null to leave it without one (its endpoint's secrets could not be opened). */
export type Derive = (row: Unsearchable) => string | null;

/** One step: up to `batch` rows after `after` read, those without search text given one, in one transaction. */
export interface TextStep {
  scanned: number;
  filled: number;
  /** Where the next step resumes; null when this one reached the end. */
  next: string | number | null;
}

export type TextSteps = (after: string | number | null, batch: number, derive: Derive) => Promise<TextStep>;

/** By rowid over the whole table (as lib/boot/redact-at-rest-store.ts): each step resumes where the last stopped. */
function sqliteSteps(): TextSteps {
  const sqlite = getSqlite();
  type Row = Unsearchable & { rid: number; filled: number };
  const select = sqlite.prepare(`SELECT rowid AS rid, "searchText" IS NOT NULL AS filled, id, endpointId, control, data, actor, summary, body, decoded FROM "Interaction" WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  // A row the search feeder already passed is indexed by the update's trigger (migration 20261203120000_interaction_search_mark).
  const update = sqlite.prepare(`UPDATE "Interaction" SET "searchText" = ? WHERE id = ? AND "searchText" IS NULL`);
  return async (after, batch, derive) =>
    sqlite.transaction((): TextStep => {
      const rows = select.all(after ?? 0, batch) as Row[];
      let filled = 0;
      for (const row of rows) {
        const text = row.filled ? null : derive(row);
        if (text !== null) filled += update.run(text, row.id).changes;
      }
      return { scanned: rows.length, filled, next: rows.length < batch ? null : rows.at(-1)!.rid };
    })();
}

/** By primary key (PostgreSQL has no rowid); each step's texts in one UPDATE, which queues the rows by trigger. */
function pgSteps(): TextSteps {
  return async (after, batch, derive) => {
    const client = await getPgPool().connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<Unsearchable & { filled: boolean }>({
        name: "search-backfill.select",
        text: `SELECT "id", "endpointId", "control", "data", "actor", "summary", "body", "decoded", "searchText" IS NOT NULL AS filled FROM "Interaction" WHERE "id" > $1 ORDER BY "id" LIMIT $2`,
        values: [after ?? "", batch],
      });
      const texts = rows.flatMap((row) => {
        const text = row.filled ? null : derive(row);
        // PostgreSQL text cannot hold U+0000 (the stored columns never do: store-pg.ts writes U+FFFD).
        return text === null ? [] : [{ id: row.id, text: text.replaceAll("\0", "\uFFFD") }];
      });
      let filled = 0;
      if (texts.length > 0) {
        const result = await client.query({
          name: "search-backfill.update",
          text: `UPDATE "Interaction" AS i SET "searchText" = t.text FROM unnest($1::text[], $2::text[]) AS t(id, text) WHERE i."id" = t.id AND i."searchText" IS NULL`,
          values: [texts.map((t) => t.id), texts.map((t) => t.text)],
        });
        filled = result.rowCount ?? 0;
      }
      await client.query("COMMIT");
      return { scanned: rows.length, filled, next: rows.length < batch ? null : rows.at(-1)!.id };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

export function textSteps(): TextSteps {
  return databaseKind() === "postgres" ? pgSteps() : sqliteSteps();
}
