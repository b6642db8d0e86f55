import { recordedCalls, simulatedCards } from "@/lib/simulator/platform-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What the simulated platform APIs received, oldest first, and the cards their updates left. */
export function GET(): Response {
  return Response.json({ calls: recordedCalls(), cards: simulatedCards() });
}
