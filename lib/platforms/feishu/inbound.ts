import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { secretsMatch } from "@/lib/crypto/constant-time";
import { parseStorableJson, type JsonProblem } from "@/lib/http/json-safety";
import type { InboundAdapter, InboundOutcome, ParsedEvent, RawCallback, SignedRequest } from "../inbound";
import { redactToken, restoreToken } from "./at-rest";
import { decryptFeishu, encryptFeishu } from "./crypto";
import { feishuReplySchema, feishuSecretsSchema, type FeishuReply, type FeishuSecrets } from "./reply";
import { feishuLegacySignature, feishuSignature, hasLarkSignature, verifyFeishu, verifyFeishuLegacy } from "./signature";
import { feishuSimulatorApi } from "./simulator-api";

type Json = Record<string, unknown>;

const challengeSchema = z.looseObject({ type: z.literal("url_verification"), challenge: z.string().min(1).max(512), token: z.string().optional() });
const envelopeSchema = z.looseObject({
  header: z.looseObject({ event_id: z.string().min(1).max(256), event_type: z.string().min(1).max(256), token: z.string().optional() }),
  event: z.unknown(),
});
const contextSchema = z.looseObject({
  url: z.string().optional(),
  preview_token: z.string().optional(),
  open_message_id: z.string().optional(),
  open_chat_id: z.string().optional(),
});
const actionSchema = z.looseObject({
  value: z.unknown().optional(),
  tag: z.string().optional(),
  name: z.string().optional(),
  // By tag (§8.3): option (select_static, select_person, overflow, the pickers), options (the multi
  // selects, select_img), input_value (input), checked (checker), form_value (a form's submit).
  option: z.string().optional(),
  // A lone select_img sends its one pick as a string ("options": "picture1", the component's callback example).
  options: z.union([z.array(z.string()), z.string()]).optional(),
  input_value: z.string().optional(),
  checked: z.boolean().optional(),
  timezone: z.string().optional(),
  form_value: z.record(z.string(), z.unknown()).optional(),
});
const operatorSchema = z.looseObject({ open_id: z.string().optional(), user_id: z.string().optional() });
const cardActionSchema = z.looseObject({
  operator: operatorSchema.optional(),
  token: z.string().optional(),
  action: actionSchema,
  host: z.string().optional(),
  context: contextSchema.optional(),
});
const previewSchema = z.looseObject({ operator: operatorSchema.optional(), host: z.string().optional(), context: contextSchema.extend({ url: z.string().min(1) }) });
/** card.action.trigger_v1 (消息卡片回传交互（旧）, protocols.md §3.7): flat, no schema; `token` is per action. */
const legacyCardSchema = z.looseObject({
  open_id: z.string().optional(),
  user_id: z.string().optional(),
  open_message_id: z.string().optional(),
  open_chat_id: z.string().optional(),
  token: z.string().optional(),
  action: actionSchema,
});
/** Events of the 1.0 protocol: {uuid, token, ts, type: "event_callback", event}. */
const legacyEventSchema = z.looseObject({ type: z.literal("event_callback"), uuid: z.string().min(1).max(256), token: z.string().optional(), event: z.looseObject({ type: z.string().optional() }).optional() });

const CARD_ACTION = "card.action.trigger";
const URL_PREVIEW = "url.preview.get";
const CARD_UPDATE_PATH = "/open-apis/interactive/v1/card/update";

const reject = (status: 400 | 401, code: string): InboundOutcome => ({ type: "rejected", status, code });

/**
 * A JSON object that is safe to keep and serialize again (depth ≤ 64, no lone surrogates), or what
 * is wrong with it. Everything the adapter stringifies (action values, form values, replayed bodies)
 * comes from here, so a 5,000-deep `action.value` is refused instead of overflowing the stack.
 */
function readObject(text: string): { json: Json } | { problem: JsonProblem | "notObject" } {
  const parsed = parseStorableJson(text);
  if (!parsed.ok) return { problem: parsed.problem };
  const value = parsed.value;
  return value !== null && typeof value === "object" && !Array.isArray(value) ? { json: value as Json } : { problem: "notObject" };
}

function parseObject(text: string): Json | null {
  const read = readObject(text);
  return "json" in read ? read.json : null;
}

/** The refusal for a body that is JSON but cannot be kept; `unreadable` when it is no JSON object at all. */
function unstorable(problem: JsonProblem | "notObject", unreadable: string): InboundOutcome {
  if (problem === "tooDeep") return reject(400, "too_deep");
  if (problem === "malformedString") return reject(400, "malformed_string");
  return reject(400, unreadable);
}

const isEnvelope = (json: Json) => "schema" in json && json.header !== null && typeof json.header === "object";
const isLegacyCard = (json: Json) => !("schema" in json) && !("type" in json) && json.action !== null && typeof json.action === "object";

function tokenMatches(given: unknown, secrets: FeishuSecrets): boolean {
  return typeof given === "string" && secretsMatch(given, secrets.verificationToken);
}

/**
 * Who may send this body (§3.5). Old card callbacks: only their SHA-1 signature — their flat
 * `token` is the per-action update token, not the Verification Token. Everything else: the
 * SHA-256 signature over the raw bytes when an Encrypt Key is set (plaintext bodies included),
 * else the Verification Token in the body.
 */
function authentic(json: Json, raw: RawCallback, secrets: FeishuSecrets): InboundOutcome | null {
  if (isLegacyCard(json)) return verifyFeishuLegacy(raw.headers, secrets.verificationToken, raw.body) ? null : reject(401, "bad_signature");
  if (secrets.encryptKey) return verifyFeishu(raw.headers, secrets.encryptKey, raw.body) ? null : reject(401, "bad_signature");
  const token = isEnvelope(json) ? (json.header as Json | undefined)?.token : json.token;
  return tokenMatches(token, secrets) ? null : reject(401, "bad_token");
}

async function receive(raw: RawCallback, secrets: FeishuSecrets): Promise<InboundOutcome> {
  const read = readObject(raw.body.toString("utf8"));
  if (!("json" in read)) return unstorable(read.problem, "invalid_payload");
  const outer = read.json;
  let json = outer;
  let decoded: string | undefined;
  const encrypted = "encrypt" in outer;
  if (encrypted) {
    if (!secrets.encryptKey) return reject(400, "encrypt_key_missing");
    // A signed body is checked before anything is decrypted: unauthenticated ciphertext never reaches AES.
    if (hasLarkSignature(raw.headers) && !verifyFeishu(raw.headers, secrets.encryptKey, raw.body)) return reject(401, "bad_signature");
    decoded = typeof outer.encrypt === "string" ? (decryptFeishu(outer.encrypt, secrets.encryptKey) ?? undefined) : undefined;
    const inner = decoded === undefined ? null : readObject(decoded);
    if (!inner || !("json" in inner)) return unstorable(inner?.problem ?? "invalidJson", "decrypt_failed");
    json = inner.json;
  }
  // The URL check carries no signature, only the token (§3.3; oapi-sdk-go skips VerifySign for it).
  if (json.type === "url_verification") {
    const challenge = challengeSchema.safeParse(json);
    if (!challenge.success) return reject(400, "invalid_payload");
    if (!tokenMatches(challenge.data.token, secrets)) return reject(401, "bad_token");
    return { type: "handshake", status: 200, body: { challenge: challenge.data.challenge } };
  }
  const refused = authentic(json, raw, secrets);
  if (refused) return refused;
  const event = isEnvelope(json) ? fromEnvelope(json) : isLegacyCard(json) ? fromLegacyCard(json, raw.body) : fromLegacyEvent(json);
  if (!event) return reject(400, "invalid_payload");
  return { type: "events", events: [event], ...(decoded !== undefined ? { decoded } : {}) };
}

/** Only defined entries: fields and context are string maps. */
function defined(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** `behaviors[].value` is a string or an object (§3.6): a string as is, anything else as JSON text. */
function valueText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The fields rules match on, from a card action: each tag's own value under its own name. */
function actionFields(action: z.infer<typeof actionSchema>): Record<string, string> {
  return defined({
    value: valueText(action.value),
    name: action.name,
    tag: action.tag,
    option: action.option,
    // A JSON array: a rule's pattern matches when it fits one of the picked options.
    options: action.options === undefined ? undefined : JSON.stringify(typeof action.options === "string" ? [action.options] : action.options),
    checked: action.checked === undefined ? undefined : String(action.checked),
    input: action.input_value,
    form: action.form_value ? JSON.stringify(action.form_value) : undefined,
  });
}

function fromAction(action: z.infer<typeof actionSchema>) {
  const fields = actionFields(action);
  return {
    control: action.name ?? action.tag,
    // Selects, pickers, inputs and checkers carry no value of their own, only what was picked or typed.
    data: fields.value ?? fields.option ?? fields.options ?? fields.input ?? fields.checked,
    fields,
  };
}

/** The rule fields of a stored card callback (plaintext), for the inspector; empty for anything else. */
function fieldsOf(body: unknown): Record<string, string> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return {};
  const json = body as Json;
  const event = isEnvelope(json) ? json.event : json;
  const action = cardActionSchema.shape.action.safeParse(event !== null && typeof event === "object" ? (event as Json).action : undefined);
  return action.success ? actionFields(action.data) : {};
}

function fromEnvelope(json: Json): ParsedEvent | null {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return null;
  const { event_id: eventId, event_type: eventType } = envelope.data.header;
  if (eventType === CARD_ACTION) {
    const card = cardActionSchema.safeParse(envelope.data.event);
    if (!card.success) return null;
    const { context, operator, token, host } = card.data;
    return {
      eventId,
      kind: "button",
      interactive: true,
      actor: operator?.open_id ?? operator?.user_id,
      scene: host,
      ...fromAction(card.data.action),
      context: defined({ updateToken: token, openMessageId: context?.open_message_id, openChatId: context?.open_chat_id }),
      subject: context?.open_message_id,
    };
  }
  if (eventType === URL_PREVIEW) {
    const preview = previewSchema.safeParse(envelope.data.event);
    if (!preview.success) return null;
    const { context, operator, host } = preview.data;
    return {
      eventId,
      kind: "preview",
      interactive: true,
      actor: operator?.open_id ?? operator?.user_id,
      scene: host,
      data: context.url,
      fields: { url: context.url },
      context: defined({ url: context.url, previewToken: context.preview_token, openMessageId: context.open_message_id, openChatId: context.open_chat_id }),
      subject: context.open_message_id,
    };
  }
  return { eventId, kind: "event", interactive: false, summary: eventType, fields: {}, context: {} };
}

/** A stable id from the per-action token, so a retried delivery is recognised (the body has no event id). */
function legacyEventId(token: string | undefined, body: Buffer): string {
  return `v1:${createHash("sha256").update(token ?? body).digest("hex").slice(0, 32)}`;
}

function fromLegacyCard(json: Json, body: Buffer): ParsedEvent | null {
  const card = legacyCardSchema.safeParse(json);
  if (!card.success) return null;
  const { token, open_message_id: messageId } = card.data;
  return {
    eventId: legacyEventId(token, body),
    kind: "button",
    interactive: true,
    actor: card.data.open_id ?? card.data.user_id,
    ...fromAction(card.data.action),
    context: defined({ updateToken: token, openMessageId: messageId, openChatId: card.data.open_chat_id, protocol: "v1" }),
    subject: messageId,
  };
}

function fromLegacyEvent(json: Json): ParsedEvent | null {
  const event = legacyEventSchema.safeParse(json);
  if (!event.success) return null;
  return { eventId: event.data.uuid, kind: "event", interactive: false, summary: event.data.event?.type, fields: {}, context: { protocol: "v1" } };
}

/** The update token of a stored callback: event.token (schema 2.0) or the flat v1 token. */
function updateToken(storedBody: string): string | null {
  const json = parseObject(storedBody);
  if (!json) return null;
  const token = isEnvelope(json) ? (json.event as Json | undefined)?.token : json.token;
  return typeof token === "string" && token ? token : null;
}

/**
 * The request Feishu would send for this plaintext: the app's token and id filled in, then,
 * with an Encrypt Key, encrypted and signed. Old card callbacks are never encrypted and are
 * signed with SHA-1 over the Verification Token (§3.5, §3.7). Without a key, schema-2.0 bodies
 * go unsigned: the token inside is their only proof (oapi-sdk-go checks signatures only with a key).
 */
function sign(stored: string, timestamp: string, secrets: FeishuSecrets): SignedRequest {
  // A replayed body was stored with the token redacted (atRest): the real one goes back before signing.
  const body = restoreToken(stored, secrets.verificationToken);
  const json = parseObject(body);
  const nonce = randomBytes(12).toString("hex");
  if (json && isLegacyCard(json)) {
    return { headers: larkHeaders(timestamp, nonce, feishuLegacySignature(timestamp, nonce, secrets.verificationToken, body)), body };
  }
  let plaintext = body;
  if (json && isEnvelope(json)) plaintext = JSON.stringify({ ...json, header: { ...(json.header as Json), token: secrets.verificationToken, app_id: secrets.appId } });
  else if (json && (json.type === "url_verification" || json.type === "event_callback")) plaintext = JSON.stringify({ ...json, token: secrets.verificationToken });
  if (!secrets.encryptKey) return { headers: {}, body: plaintext };
  const sent = JSON.stringify({ encrypt: encryptFeishu(plaintext, secrets.encryptKey) });
  return { headers: larkHeaders(timestamp, nonce, feishuSignature(timestamp, nonce, secrets.encryptKey, sent)), body: sent };
}

function larkHeaders(timestamp: string, nonce: string, signature: string): Record<string, string> {
  return { "X-Lark-Request-Timestamp": timestamp, "X-Lark-Request-Nonce": nonce, "X-Lark-Signature": signature };
}

const tokenAnswerSchema = z.looseObject({ code: z.literal(0), tenant_access_token: z.string().min(1), expire: z.number().int().positive() });

export const feishuInbound: InboundAdapter<FeishuSecrets, FeishuReply> = {
  secretsSchema: feishuSecretsSchema,
  replySchema: feishuReplySchema,
  // `{}` keeps the card unchanged (卡片回传交互: "保持原内容不变"); a later update can still change it.
  defaultFallback: () => ({}),
  // "需要在 3 秒内响应回调请求" (card actions and link previews alike).
  deadlineMs: 3000,
  // The update token (event.token) is valid for 30 minutes (延时更新消息卡片).
  replyWindowMs: 30 * 60 * 1000,
  // …and "同一个 token 只能使用 2 次" (300040 beyond that).
  lateBudget: { max: 2, windowMs: 30 * 60 * 1000, exhaustedCode: 300040 },
  defaultApiBase: "https://open.feishu.cn",
  receive,
  fieldsOf,
  acknowledge: () => null,
  deliver: (_event, reply) => ({ via: "response", answer: { status: 200, body: reply } }),
  replyFits(kind, reply) {
    if (kind === "button") return reply.inline === undefined;
    if (kind === "preview") return reply.toast === undefined;
    return reply.toast === undefined && reply.inline === undefined && reply.card === undefined;
  },
  // Only a card can follow later; a toast shows once, in the first answer. The update API also
  // takes card-kit templates as {type: "template", data} (延时更新消息卡片, request examples).
  deliverLate(storedBody, reply) {
    const token = reply.card ? updateToken(storedBody) : null;
    if (!reply.card || !token) return null;
    const card = reply.card.type === "raw" ? reply.card.data : reply.card;
    return { via: "api", method: "POST", path: CARD_UPDATE_PATH, body: { token, card }, auth: "app-token" };
  },
  appToken: {
    // Feishu and Lark (international) apps each get their token from their own platform.
    officialBases: ["https://open.feishu.cn", "https://open.larksuite.com"],
    tokenUrl: (apiBase) => `${apiBase}/open-apis/auth/v3/tenant_access_token/internal`,
    requestBody: (secrets) => ({ app_id: secrets.appId, app_secret: secrets.appSecret }),
    parse(body) {
      const answer = tokenAnswerSchema.safeParse(body);
      return answer.success ? { token: answer.data.tenant_access_token, expiresInSec: answer.data.expire } : null;
    },
    headers: (token) => ({ authorization: `Bearer ${token}` }),
    cacheKey: (secrets) => secrets.appId,
  },
  sign: (body, timestamp, secrets) => sign(body, timestamp, secrets),
  describeSecrets: (secrets) => ({ appId: secrets.appId }),
  atRest: (text, secrets) => redactToken(text, secrets.verificationToken),
  keptHeaders: ["content-type", "user-agent", "x-lark-request-timestamp", "x-lark-request-nonce", "x-lark-signature"],
  // What the node SDK's signature check reads (with the still-encrypted body).
  relayHeaders: ["x-lark-request-timestamp", "x-lark-request-nonce", "x-lark-signature"],
  simulatorApi: feishuSimulatorApi,
  // 服务端 API 通用错误码: an HTTP 200 answer with `code` ≠ 0 is a refused call.
  refusalCode: (body) => (body && typeof body === "object" && "code" in body && typeof body.code === "number" && body.code !== 0 ? body.code : null),
};
