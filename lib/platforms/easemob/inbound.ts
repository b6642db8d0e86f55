import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { parseCallbackJson, type InboundAdapter, type InboundOutcome, type RawCallback, type SignedRequest } from "../inbound";
import { parseEvents } from "./events";
import { envelopeSchema, type EasemobEnvelope } from "./payload";
import { easemobRelayAnswerSchema, easemobReplySchema, easemobSecretsSchema, type EasemobReply, type EasemobSecrets } from "./reply";
import { EASEMOB_TIMEOUT_MS } from "./reactions";
import { easemobSecurity, verifyEasemobSecurity } from "./signature";

export { EASEMOB_TIMEOUT_MS };

const rejected = (status: 400 | 401, code: string): InboundOutcome => ({ type: "rejected", status, code });

/** Easemob retries once at once with the same callId; without one, msg_id + timestamp name the delivery. */
function deliveryKey(envelope: EasemobEnvelope, body: Buffer): string {
  if (envelope.callId) return envelope.callId;
  if (envelope.msg_id !== undefined && envelope.timestamp !== undefined) return `${envelope.msg_id}:${envelope.timestamp}`;
  return `sha256:${createHash("sha256").update(body).digest("hex").slice(0, 32)}`;
}

async function receive({ body }: RawCallback, secrets: EasemobSecrets, options = { requireSignature: true }): Promise<InboundOutcome> {
  // The signature is inside the body, so the body is parsed first: never throwing, refusing what could not be stored.
  const json = parseCallbackJson(body.toString("utf8"));
  if (!json.ok) return json.refusal;
  const parsed = envelopeSchema.safeParse(json.value);
  if (!parsed.success) return rejected(400, "invalid_payload");
  const envelope = parsed.data;
  // The reaction sample carries no callId/security, the common parameters do: check it whenever it is there.
  if (envelope.security !== undefined) {
    const { callId, timestamp, security } = envelope;
    if (!callId || timestamp === undefined || !verifyEasemobSecurity(callId, secrets.secret, String(timestamp), security)) {
      return rejected(401, "bad_signature");
    }
  } else if (options.requireSignature) {
    return rejected(401, "signature_missing");
  }
  const events = parseEvents(deliveryKey(envelope, body), envelope);
  if (!events.ok) return rejected(400, "invalid_payload");
  return { type: "events", events: events.events };
}

/**
 * The simulator's side: fills in `security` over the body's own callId and millisecond
 * timestamp (adding a callId `{appkey}_{uuid}` and a timestamp when the body has none).
 */
function sign(body: string, _timestamp: string, secrets: EasemobSecrets): SignedRequest {
  const headers = { "content-type": "application/json" };
  // Anything that is not a storable JSON object goes as it is (JSON.stringify would overflow on deep nesting).
  const parsed = parseCallbackJson(body);
  const json = parsed.ok ? parsed.value : undefined;
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { headers, body };
  const fields = json as Record<string, unknown>;
  const callId = typeof fields.callId === "string" ? fields.callId : `${secrets.appKey}_${randomUUID()}`;
  const timestamp = typeof fields.timestamp === "number" || typeof fields.timestamp === "string" ? fields.timestamp : Date.now();
  const signed = { ...fields, callId, timestamp, security: easemobSecurity(callId, secrets.secret, String(timestamp)) };
  return { headers, body: JSON.stringify(signed) };
}

export const easemobInbound: InboundAdapter<EasemobSecrets, EasemobReply> = {
  secretsSchema: easemobSecretsSchema,
  replySchema: easemobReplySchema,
  defaultFallback: () => ({}),
  deadlineMs: EASEMOB_TIMEOUT_MS,
  // Nothing can be sent back to Easemob after the 200.
  replyWindowMs: 0,
  defaultApiBase: "",
  receive,
  // Any HTTP 200 is success; the body is not read but must stay under 1,000 characters (callback_postsending.md).
  acknowledge: () => ({ status: 200, body: {} }),
  deliver: () => ({ via: "response", answer: { status: 200, body: {} } }),
  replyFits: () => false,
  deliverLate: () => null,
  sign,
  describeSecrets: (secrets) => ({ appKey: secrets.appKey }),
  // Easemob signs inside the body (`security`); the headers carry nothing of its protocol.
  keptHeaders: ["content-type", "user-agent"],
  // The signature is the body's `security` field, forwarded with the body.
  relayHeaders: [],
  relayAnswerSchema: easemobRelayAnswerSchema,
  // Easemob reads nothing but the status: the acknowledgement is the bot's, so it waits for the bot's answer.
  relayShownWaits: true,
};
