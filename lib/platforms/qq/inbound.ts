import "server-only";
import { z } from "zod";
import { parseCallbackJson, type InboundAdapter, type InboundOutcome, type ParsedEvent, type RawCallback } from "../inbound";
import { qqDeliveryPlan, qqDeliverySchema } from "./delivery";
import { qqRelayAnswerSchema, qqReplySchema, qqSecretsSchema, type QqReply, type QqSecrets } from "./reply";
import { qqValidationAnswer, signQq, verifyQqAsync } from "./signature";
import { qqSimulatorApi } from "./simulator-api";

/** Webhook payload: {id, op, d, s, t} (event-emit.md). */
const payloadSchema = z.looseObject({ id: z.string().optional(), op: z.number().int(), d: z.unknown(), s: z.number().optional(), t: z.string().optional() });
// Unsigned op 13 requests get a signature over event_ts + plain_token. Restricting both to
// the shapes QQ sends (digits; a short token of letters and digits) means that signature can
// never double as one over "timestamp + JSON body": no forged dispatch can be signed this way.
const validationSchema = z.looseObject({ plain_token: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/), event_ts: z.string().regex(/^\d{1,20}$/) });
const interactionSchema = z.looseObject({
  id: z.string().min(1),
  scene: z.string().optional(),
  user_openid: z.string().optional(),
  group_member_openid: z.string().optional(),
  data: z.looseObject({ resolved: z.looseObject({ button_id: z.string().optional(), button_data: z.string().optional(), user_id: z.string().optional() }).optional() }).optional(),
});

const tokenSchema = z.object({ access_token: z.string(), expires_in: z.union([z.string(), z.number()]) });

const OP_DISPATCH = 0;
const OP_HEARTBEAT = 1;
const OP_VALIDATION = 13;

async function receive({ headers, body }: RawCallback, secrets: QqSecrets): Promise<InboundOutcome> {
  const signature = headers.get("x-signature-ed25519");
  const timestamp = headers.get("x-signature-timestamp");
  // Parsed before the signature is checked (op 13 may come unsigned), so it never throws, and refuses what
  // could not be stored or sent back: a lone surrogate in d.id cannot go into PUT /interactions/{id}.
  const json = parseCallbackJson(body.toString("utf8"));
  if (!json.ok) return json.refusal;
  const payload = payloadSchema.safeParse(json.value);
  if (!payload.success) return { type: "rejected", status: 400, code: "invalid_payload" };
  const { op, d } = payload.data;
  // Whether op 13 is always signed is not documented (protocols.md §1.2): check it whenever it is.
  const signed = signature !== null || timestamp !== null;
  if ((op !== OP_VALIDATION || signed) && !(await verifyQqAsync(secrets.secret, timestamp, body, signature))) {
    return { type: "rejected", status: 401, code: "bad_signature" };
  }
  if (op === OP_VALIDATION) {
    const validation = validationSchema.safeParse(d);
    if (!validation.success) return { type: "rejected", status: 400, code: "invalid_payload" };
    return { type: "handshake", status: 200, body: qqValidationAnswer(secrets.secret, validation.data.plain_token, validation.data.event_ts) };
  }
  if (op === OP_HEARTBEAT) return { type: "handshake", status: 200, body: { op: 11, d: payload.data.s ?? 0 } };
  if (op !== OP_DISPATCH) return { type: "rejected", status: 400, code: "unsupported_op" };
  if (payload.data.t === "INTERACTION_CREATE") {
    const interaction = interactionSchema.safeParse(d);
    if (!interaction.success) return { type: "rejected", status: 400, code: "invalid_payload" };
    return { type: "events", events: [fromInteraction(interaction.data)] };
  }
  const eventId = payload.data.id ?? (z.looseObject({ id: z.string() }).safeParse(d).data?.id ?? "");
  if (!eventId) return { type: "rejected", status: 400, code: "invalid_payload" };
  return { type: "events", events: [{ eventId, kind: "event", interactive: false, control: payload.data.t, summary: payload.data.t, fields: {}, context: {} }] };
}

function fromInteraction(d: z.infer<typeof interactionSchema>): ParsedEvent {
  const resolved = d.data?.resolved;
  return {
    eventId: d.id,
    kind: "button",
    interactive: true,
    scene: d.scene,
    actor: resolved?.user_id ?? d.group_member_openid ?? d.user_openid,
    control: resolved?.button_id,
    data: resolved?.button_data,
    fields: {
      ...(resolved?.button_id !== undefined ? { control: resolved.button_id } : {}),
      ...(resolved?.button_data !== undefined ? { data: resolved.button_data } : {}),
    },
    context: {},
  };
}

export const qqInbound: InboundAdapter<QqSecrets, QqReply> = {
  secretsSchema: qqSecretsSchema,
  replySchema: qqReplySchema,
  // The stored click was received: 0 (成功) ends the client's loading state.
  defaultFallback: () => ({ code: 0 }),
  // The HTTP ack goes out at once; for the PUT /interactions reply no deadline is documented
  // (protocols.md §1.1, §1.10: the client "keeps loading until it times out"). 15 s leaves a
  // person time to answer by hand without leaving the user waiting long.
  deadlineMs: 15_000,
  // The fallback PUT goes out at the deadline; nothing can be sent after it.
  replyWindowMs: 15_000,
  defaultApiBase: "https://api.sgroup.qq.com",
  receive,
  // op 12 HTTP Callback ACK, d 0 = received (botgo GenDispatchACK).
  acknowledge: () => ({ status: 200, body: { op: 12, d: 0 } }),
  // toWellFormed: an id stored before receive() refused lone surrogates must not make encodeURIComponent throw.
  deliver: (event, reply) => ({ via: "api", method: "PUT", path: `/interactions/${encodeURIComponent(event.eventId.toWellFormed())}`, body: reply, auth: "app-token" }),
  replyFits: () => true,
  // PUT /interactions answers once, before the deadline; there is no later channel.
  deliverLate: () => null,
  appToken: {
    officialBases: ["https://api.sgroup.qq.com", "https://sandbox.api.sgroup.qq.com"],
    // The token comes from bots.qq.com whichever API base (production or sandbox) is used (api-use.md).
    tokenUrl: (apiBase, simulator) => (simulator ? `${apiBase}/app/getAppAccessToken` : "https://bots.qq.com/app/getAppAccessToken"),
    requestBody: (secrets) => ({ appId: secrets.appId, clientSecret: secrets.secret }),
    // expires_in is a string in the docs' example (api-use.md).
    parse(body) {
      const token = tokenSchema.safeParse(body);
      return token.success ? { token: token.data.access_token, expiresInSec: Number(token.data.expires_in) } : null;
    },
    headers: (token, secrets) => ({ authorization: `QQBot ${token}`, "x-union-appid": secrets.appId }),
    cacheKey: (secrets) => secrets.appId,
  },
  sign: (body, timestamp, secrets) => ({
    body,
    headers: {
      "x-signature-ed25519": signQq(secrets.secret, timestamp, body),
      "x-signature-timestamp": timestamp,
      "x-bot-appid": secrets.appId,
      "user-agent": "QQBot-Callback",
    },
  }),
  describeSecrets: (secrets) => ({ appId: secrets.appId }),
  // QQ webhook requests: Ed25519 over timestamp + body, the bot's app id, and the platform's trace id.
  keptHeaders: ["content-type", "user-agent", "x-signature-ed25519", "x-signature-timestamp", "x-bot-appid", "x-tps-trace-id"],
  // What a bot's webhook verification reads (botgo's webhook checks the signature over timestamp + body and the app id).
  relayHeaders: ["x-signature-ed25519", "x-signature-timestamp", "x-bot-appid"],
  relayAnswerSchema: qqRelayAnswerSchema,
  simulatorApi: qqSimulatorApi,
  // The code in the acknowledgement itself, where webhook QQ reads it by two field reports (§8.2; delivery.ts).
  replyInAck: {
    settingsSchema: qqDeliverySchema,
    plan: qqDeliveryPlan,
    // ElainaBot_v2 answers {"op":12,"code":n}; d 0 is kept so a reader following botgo's ack still sees "received".
    answer: (_event, reply) => ({ status: 200, body: { op: 12, d: 0, code: reply.code } }),
  },
};
