import type { TestProject } from "vitest/node";
import { startPgCluster } from "../../scripts/pg-cluster.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of this run's PostgreSQL cluster (lib/db/test-db.ts makes a database per test file). */
    pgUrl: string;
  }
}

/**
 * Vitest global setup of the "postgres" project: ONE throwaway cluster per run (~2 s), shared by
 * every file through `inject("pgUrl")`, stopped after. `PG_TEST_URL` uses an existing server
 * instead (it must allow CREATE DATABASE). Never skips: a run that cannot start PostgreSQL fails,
 * so CI cannot pass with the PostgreSQL half silently missing.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.PG_TEST_URL) {
    project.provide("pgUrl", process.env.PG_TEST_URL);
    return undefined;
  }
  try {
    const cluster = await startPgCluster({ log: (line) => console.log(line) });
    project.provide("pgUrl", cluster.url);
    return () => cluster.stop();
  } catch (error) {
    throw new Error(
      `The PostgreSQL half of the unit tests could not start a cluster (install PostgreSQL 15+, or set PG_TEST_URL): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
