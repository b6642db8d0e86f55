import "server-only";
import { getPgPool } from "@/lib/db/pg";
import { getSqlite } from "@/lib/db/sqlite";
import { databaseKind } from "@/lib/db/url";

export interface StoredBody {
  id: string;
  endpointId: string;
  body: string;
  decoded: string | null;
}

/** What a row becomes, or null to leave it as it is. */
export type Rewrite = (row: StoredBody) => { body: string; decoded: string | null } | null;

/** One step over the table: up to `batch` rows of these platforms after `after`, rewritten in one transaction. */
export interface BodyStep {
  scanned: number;
  changed: number;
  /** Where the next step resumes; null when this one reached the end. */
  next: string | number | null;
}

export type BodySteps = (after: string | number | null, platforms: readonly string[], batch: number, rewrite: Rewrite) => Promise<BodyStep>;

/** By rowid over the whole table: each step resumes where the last stopped, so the pass is linear. */
function sqliteSteps(): BodySteps {
  const sqlite = getSqlite();
  const update = sqlite.prepare(`UPDATE "Interaction" SET body = ?, decoded = ? WHERE id = ?`);
  type Row = StoredBody & { rid: number };
  return async (after, platforms, batch, rewrite) => {
    // The platform list is fixed per pass; the statement is prepared per step (a few µs, one step per 100 rows).
    const select = sqlite.prepare(`SELECT rowid AS rid, id, endpointId, body, decoded FROM "Interaction" WHERE rowid > ? AND platform IN (${platforms.map(() => "?").join(", ")}) ORDER BY rowid LIMIT ?`);
    return sqlite.transaction((): BodyStep => {
      const rows = select.all(after ?? 0, ...platforms, batch) as Row[];
      let changed = 0;
      for (const row of rows) {
        const next = rewrite(row);
        if (!next) continue;
        update.run(next.body, next.decoded, row.id);
        changed++;
      }
      return { scanned: rows.length, changed, next: rows.length < batch ? null : rows.at(-1)!.rid };
    })();
  };
}

/** By primary key (PostgreSQL has no rowid): the same linear pass, each step's rewrites in one UPDATE. */
function pgSteps(): BodySteps {
  return async (after, platforms, batch, rewrite) => {
    const client = await getPgPool().connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<StoredBody>({
        name: "redact-at-rest.select",
        text: `SELECT "id", "endpointId", "body", "decoded" FROM "Interaction" WHERE "id" > $1 AND "platform" = ANY($2::text[]) ORDER BY "id" LIMIT $3`,
        values: [after ?? "", platforms, batch],
      });
      const changes = rows.flatMap((row) => {
        const next = rewrite(row);
        return next ? [{ id: row.id, ...next }] : [];
      });
      if (changes.length > 0) {
        await client.query({
          name: "redact-at-rest.update",
          text: `UPDATE "Interaction" AS i SET "body" = c.body, "decoded" = c.decoded FROM unnest($1::text[], $2::text[], $3::text[]) AS c(id, body, decoded) WHERE i."id" = c.id`,
          values: [changes.map((c) => c.id), changes.map((c) => c.body), changes.map((c) => c.decoded)],
        });
      }
      await client.query("COMMIT");
      return { scanned: rows.length, changed: changes.length, next: rows.length < batch ? null : rows.at(-1)!.id };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

export function bodySteps(): BodySteps {
  return databaseKind() === "postgres" ? pgSteps() : sqliteSteps();
}
