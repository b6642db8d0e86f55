// `npm run bench`, the live log's latency at scale (issue 17): a production server (`scripts/start.mjs`) on the
// database bench-log.ts seeded with its million interactions, a Discord callback POSTed to it and its
// `interaction.created` frame read from its own `/api/interactions/stream` (bench-live.ts), one at a time.
import { existsSync } from "node:fs";
import path from "node:path";
import { DISCORD_PUBLIC_KEY } from "../lib/platforms/discord/fixtures/vectors";
import { liveLatency, type LiveLatency } from "./bench-live";
import { createEndpoint, startStudio, studioEnv } from "./bench-support";

/** Past the ports bench-callbacks.ts uses (3291–3297). */
const PORT = 3298;
const SAMPLES = Number(process.env.BENCH_LIVE_SAMPLES ?? 200);

/** Null when there is no production build to start (bench-log.ts run alone without `npm run build`). */
export async function liveOnLog(databaseUrl: string): Promise<LiveLatency | null> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return null;
  // No outbound API is called: a rules endpoint answers Discord in the HTTP response.
  const studio = await startStudio(PORT, studioEnv(PORT, databaseUrl, `http://127.0.0.1:${PORT}`));
  try {
    const endpointId = await createEndpoint(studio.url, { platform: "discord", name: "live", mode: "rules", secrets: { publicKey: DISCORD_PUBLIC_KEY } });
    return await liveLatency(studio.url, studio.url, endpointId, SAMPLES);
  } finally {
    await studio.stop();
  }
}
