import { simulatorDiscordPublicKey } from "@/lib/simulator/send";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The public key to paste into a Discord endpoint so it accepts the simulator's signed requests. */
export function GET(): Response {
  return Response.json({ publicKey: simulatorDiscordPublicKey() });
}
