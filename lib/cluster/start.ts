import "server-only";
import { databaseKind } from "@/lib/db/url";
import { startEndpointCache } from "@/lib/endpoints/cache";
import { startHoldRelay } from "@/lib/interactions/holds";
import { startLiveLog } from "@/lib/live/bus";

/**
 * On PostgreSQL, every LISTEN this instance needs, before it serves: the live log, releases of
 * requests it will hold, and other instances' endpoint changes. Each also starts by itself at first
 * use; starting them here keeps the first callback and stream from paying for the connection.
 */
export async function startClusterListeners(): Promise<void> {
  if (databaseKind() !== "postgres") return;
  await Promise.all([startLiveLog(), startHoldRelay(), startEndpointCache()]);
}
