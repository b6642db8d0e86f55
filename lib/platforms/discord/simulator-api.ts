import "server-only";
import { z } from "zod";
import { parseStorableJson } from "@/lib/http/json-safety";
import { simulatorStore } from "@/lib/simulator/store";
import type { SimulatorApi } from "../simulator-api";

/** "Interaction tokens are valid for 15 minutes" (receiving-and-responding.mdx). */
const INTERACTION_TOKEN_MS = 15 * 60 * 1000;
/** Only signed-in users make the simulator send; still, the oldest token is forgotten first past this. */
const TOKEN_LIMIT = 1000;

/** Interaction tokens the simulator sent, by application and token: until when each is valid (ms). */
const SENT_TOKENS = "discord.interactionTokens";
const interactionSchema = z.looseObject({ application_id: z.string().min(1).max(256), token: z.string().min(1).max(1024) });
/** Webhook calls carry the interaction token in the path: /webhooks/{application.id}/{interaction.token}[/messages/…]. */
const WEBHOOK = /^\/webhooks\/([^/]+)\/([^/]+)(?:\/.*)?$/;

const pairOf = (applicationId: string, token: string) => `${applicationId}\u0000${token}`;

/** Valid for 15 minutes from now; sent again, it moves to the newest. */
function rememberSent(applicationId: string, token: string): Promise<unknown> {
  const until = Date.now() + INTERACTION_TOKEN_MS;
  return simulatorStore().update<number, null>(SENT_TOKENS, pairOf(applicationId, token), () => ({ value: until, result: null }), { limit: TOKEN_LIMIT, touch: true });
}

async function wasSent(applicationId: string, token: string): Promise<boolean> {
  const until = await simulatorStore().get<number>(SENT_TOKENS, pairOf(applicationId, token));
  return until !== null && until > Date.now();
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Discord's webhook API as the simulator plays it: a follow-up or edit is accepted only for an
 * interaction token the simulator itself sent in a signed interaction in the last 15 minutes;
 * anything else is 401 50027 Invalid Webhook Token (JSON error codes, topics/opcodes-and-status-codes).
 */
export const discordSimulatorApi: SimulatorApi = {
  async sent(plaintext) {
    const json = parseStorableJson(plaintext);
    const interaction = json.ok ? interactionSchema.safeParse(json.value) : null;
    if (interaction?.success) await rememberSent(interaction.data.application_id, interaction.data.token);
  },
  async answer(call) {
    const match = WEBHOOK.exec(call.path);
    if (!match || !["POST", "PATCH"].includes(call.method)) return null;
    const applicationId = decoded(match[1]!);
    const token = decoded(match[2]!);
    if (applicationId === null || token === null || !(await wasSent(applicationId, token))) {
      return { status: 401, body: { message: "Invalid Webhook Token", code: 50027 }, authenticated: false };
    }
    return { status: 200, body: { id: "SIMULATED_MESSAGE" }, authenticated: true };
  },
};
