import { closePg } from "@/lib/db/pg";
import { createTestPgDatabase } from "@/lib/db/test-db";
import type { PgLink } from "./link";
import { createPgLink } from "./process-link";

/**
 * Two "instances" on one test database in one process (tests only): the same database under two
 * application names, so lib/db/pg.ts gives each its own pool and LISTEN connection, as two servers have.
 */
export async function twoInstances(): Promise<{ url: string; a: PgLink; b: PgLink; close(): Promise<void> }> {
  const url = await createTestPgDatabase();
  const as = (name: string) => {
    const named = new URL(url);
    named.searchParams.set("application_name", name);
    return named.toString();
  };
  const [urlA, urlB] = [as("instance-a"), as("instance-b")];
  return {
    url,
    a: createPgLink(urlA),
    b: createPgLink(urlB),
    close: async () => {
      await Promise.all([closePg(urlA), closePg(urlB)]);
    },
  };
}
