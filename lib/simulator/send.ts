import "server-only";
import { z } from "zod";
import { rawPublicKey, privateKeyFromSeed } from "@/lib/crypto/ed25519";
import { deriveKey } from "@/lib/crypto/server-key";
import type { Db } from "@/lib/db";
import { getLiveEndpoint } from "@/lib/endpoints/cache";
import { HttpError } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locales";
import { containsSecret } from "@/lib/interactions/redact";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { noteSentBody } from "./platform-api";
import { readCapped } from "./read-capped";
import { assertTargetAllowed } from "./target-check";

/** The simulator's own Discord key pair: an endpoint that trusts its public key accepts simulated clicks. */
export function simulatorDiscordSeed(): Buffer {
  return deriveKey("discord-simulator");
}

export function simulatorDiscordPublicKey(): string {
  return rawPublicKey(privateKeyFromSeed(simulatorDiscordSeed())).toString("hex");
}

/** Resend a logged interaction, re-signed with a fresh timestamp, to its endpoint or any URL. */
export const replayInput = z.object({ targetUrl: z.string().url().optional() });

export async function replayInteraction(db: Db, id: string, input: z.infer<typeof replayInput>, origin: string, locale: Locale = "en"): Promise<SimulationResult> {
  const row = await db.interaction.findUnique({ where: { id }, select: { endpointId: true, body: true, decoded: true } });
  if (!row) throw new HttpError(404, "not_found", "interactionNotFound", { id });
  // An encrypted callback is replayed from its plaintext, encrypted afresh.
  return sendSigned(db, row.endpointId, row.decoded ?? row.body, input.targetUrl, origin, locale);
}

export const simulateInput = z.object({
  endpointId: z.string().min(1).max(64),
  /** The request body the platform would send (from the builder's click preview). */
  payload: z.record(z.string(), z.unknown()),
  /** Any URL (a developer's own bot server); default: the endpoint's callback URL. */
  targetUrl: z.string().url().optional(),
});

const ANSWER_LIMIT_BYTES = 64 * 1024;

export interface SimulationResult {
  url: string;
  status: number;
  body: string;
  ms: number;
}

/**
 * Signs (and encrypts) exactly as the platform does and sends: QQ with the endpoint's bot
 * secret, Discord with the simulator's key pair, Feishu with the encrypt key or token.
 */
export function simulate(db: Db, input: z.infer<typeof simulateInput>, origin: string, locale: Locale = "en"): Promise<SimulationResult> {
  return sendSigned(db, input.endpointId, JSON.stringify(input.payload), input.targetUrl, origin, locale);
}

async function sendSigned(db: Db, endpointId: string, plaintext: string, targetUrl: string | undefined, origin: string, locale: Locale): Promise<SimulationResult> {
  const endpoint = await getLiveEndpoint(db, endpointId);
  if (!endpoint) throw new HttpError(404, "not_found", "endpointNotFound", { id: endpointId });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const inbound = getInbound(endpoint.platform);
  const signed = inbound.sign(plaintext, timestamp, endpoint.secrets, simulatorDiscordSeed());
  const headers = { "content-type": "application/json", ...signed.headers };
  const body = signed.body;
  // Feishu without an encrypt key sends its verification token in the body: that may go to this
  // endpoint, but not to an arbitrary URL, or the simulator would reveal a write-only secret.
  const own = `${origin}/api/callbacks/${endpoint.id}`;
  if (targetUrl && targetUrl !== own && containsSecret(body, endpoint.secrets, inbound.describeSecrets(endpoint.secrets))) {
    throw new HttpError(400, "secret_in_body", "secretInBody");
  }
  const url = targetUrl ?? own;
  // SIMULATOR_ALLOWED_TARGETS (default: anywhere): checked before anything is sent or remembered.
  assertTargetAllowed(url, "targetUrl", locale);
  // Standing in for the platform: tokens this body carries (Discord's interaction token) become valid at its API stand-in.
  await noteSentBody(endpoint.platform, plaintext);
  const started = performance.now();
  let response: Response;
  let arrivedAt: number;
  let answer: string;
  try {
    // No redirects and a capped answer: the simulator reports what the target said, it is no proxy.
    response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(10_000) });
    arrivedAt = Date.now();
    answer = await readCapped(response, ANSWER_LIMIT_BYTES);
  } catch (error) {
    throw new HttpError(502, "target_unreachable", "targetUnreachable", { url, reason: error instanceof Error ? error.message : String(error) });
  }
  const ms = Math.round(performance.now() - started);
  // Standing in for the platform: an answer that carries the reply (QQ's acknowledgement with a code) is what it read first.
  await inbound.simulatorApi?.acknowledged?.(plaintext, { status: response.status, body: answer }, arrivedAt);
  return { url, status: response.status, body: answer, ms };
}
