// `npm run bench` on PostgreSQL: the Discord callback load of row (a) against one production server on
// PostgreSQL, then against two on one database (the connections split evenly), then the live log across the
// two (scripts/bench-live.ts). A throwaway cluster (scripts/pg-cluster.mjs), one database per configuration.
import pg from "pg";
import { DISCORD_PUBLIC_KEY } from "../lib/platforms/discord/fixtures/vectors";
import { startPgCluster } from "./pg-cluster.mjs";
import { liveLatency, type LiveLatency } from "./bench-live";
import { CONNECTIONS, createEndpoint, load, startStudio, studioEnv, type LoadResult, type Signed, type Studio } from "./bench-support";

/** Unmeasured requests first (JIT, each pooled connection's prepared statements), as row (a) has its warm-up. */
const WARMUP = 3_000;
const LIVE_SAMPLES = Number(process.env.BENCH_LIVE_SAMPLES ?? 200);

export interface DatabaseRun {
  result: LoadResult;
  /** Interaction rows the measured run added (read from the database afterwards), against result.ok answers. */
  rowsAdded: number;
}

export interface PostgresFigures {
  version: string;
  one: DatabaseRun;
  two: DatabaseRun;
  live: LiveLatency;
}

async function onDatabase<T>(url: string, query: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

const countRows = (url: string, endpointId: string) =>
  onDatabase(url, async (client) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Interaction" WHERE "endpointId" = $1`, [endpointId])).rows[0]!.n);

/** The Discord load of row (a) on these servers (one database): connections dealt evenly among them. */
async function measure(servers: Studio[], databaseUrl: string, discord: Signed[]): Promise<DatabaseRun> {
  const endpointId = await createEndpoint(servers[0]!.url, { platform: "discord", name: "bench", mode: "rules", secrets: { publicKey: DISCORD_PUBLIC_KEY } });
  const urls = servers.map((server) => `${server.url}/api/callbacks/${endpointId}`);
  const warm = await load(urls, discord.slice(0, WARMUP), { amount: WARMUP });
  if (warm.errors > 0) throw new Error(`warm-up on PostgreSQL: ${warm.errors} errors of ${warm.total}`);
  const before = await countRows(databaseUrl, endpointId);
  const result = await load(urls, discord.slice(WARMUP));
  return { result, rowsAdded: (await countRows(databaseUrl, endpointId)) - before };
}

/**
 * Starts the cluster, runs the configurations, and stops every server and the cluster whatever happens.
 * `discord`: the signed bodies row (a) used (each database is fresh, so the same ids are new there).
 */
export async function benchPostgres(discord: Signed[], ports: { one: number; a: number; b: number }, trustedApiBase: string): Promise<PostgresFigures> {
  console.log("\nPostgreSQL: starting a throwaway cluster…");
  const cluster = await startPgCluster();
  const servers: Studio[] = [];
  const stopServers = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    servers.length = 0;
  };
  try {
    const databaseUrl = (name: string) => cluster.url.replace(/\/postgres(\?|$)/, `/${name}$1`);
    const version = await onDatabase(cluster.url, async (client) => {
      for (const name of ["bench_one", "bench_two"]) await client.query(`CREATE DATABASE ${name}`);
      return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version.split(" ")[0]!; // "15.18", not the distribution's suffix
    });

    console.log(`PostgreSQL ${version}: one instance (${CONNECTIONS} connections)…`);
    servers.push(await startStudio(ports.one, studioEnv(ports.one, databaseUrl("bench_one"), trustedApiBase)));
    const one = await measure(servers, databaseUrl("bench_one"), discord);
    await stopServers();

    console.log(`PostgreSQL ${version}: two instances on one database (${CONNECTIONS / 2} connections to each)…`);
    // Started together, as a deployment would: the migration runner's advisory lock lets one of them migrate.
    const env = (port: number) => studioEnv(port, databaseUrl("bench_two"), trustedApiBase);
    const started = await Promise.allSettled([startStudio(ports.a, env(ports.a)), startStudio(ports.b, env(ports.b))]);
    for (const outcome of started) if (outcome.status === "fulfilled") servers.push(outcome.value);
    const failed = started.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
    const two = await measure(servers, databaseUrl("bench_two"), discord);

    console.log(`PostgreSQL ${version}: live log, ${LIVE_SAMPLES} callbacks to A one at a time, frames read from B…`);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the load's tail settle
    const [a, b] = servers as [Studio, Studio];
    const liveId = await createEndpoint(a.url, { platform: "discord", name: "live", mode: "rules", secrets: { publicKey: DISCORD_PUBLIC_KEY } });
    const live = await liveLatency(a.url, b.url, liveId, LIVE_SAMPLES);
    return { version, one, two, live };
  } finally {
    await stopServers();
    cluster.stop();
  }
}
