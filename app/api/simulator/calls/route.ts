import { recordedCalls, simulatorViews } from "@/lib/simulator/platform-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What the simulated platform APIs received, oldest first, and what the stand-ins show beside it (e.g. `cards`). */
export async function GET(): Promise<Response> {
  const [calls, views] = await Promise.all([recordedCalls(), simulatorViews()]);
  return Response.json({ calls, ...views });
}
