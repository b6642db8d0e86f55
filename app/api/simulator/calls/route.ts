import { recordedCalls, simulatorViews } from "@/lib/simulator/platform-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What the simulated platform APIs received, oldest first, and what the stand-ins show beside it (e.g. `cards`). */
export function GET(): Response {
  return Response.json({ calls: recordedCalls(), ...simulatorViews() });
}
