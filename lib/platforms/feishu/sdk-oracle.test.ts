// Feishu's own Node SDK (@larksuiteoapi/node-sdk) as an independent judge of our protocol code:
// what the simulator's sign() sends, the SDK must decrypt and accept; what Feishu's side encrypts,
// our receive() must read. Every SDK call here is the SDK's public, offline API (read in its
// lib/index.js): AESCipher (decrypt only: the SDK has no encrypt), EventDispatcher and
// CardActionHandler (invoke), their RequestHandle checks, generateChallenge and adaptDefault.
// The SDK checks no verification token at all (checkIsEventValidated returns true without an
// encrypt key), so for plaintext bodies the tests read the token out of what the SDK parsed.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { AESCipher, adaptDefault, CardActionHandler, EventDispatcher, generateChallenge, type Logger } from "@larksuiteoapi/node-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { TOKEN_MARKER } from "./at-rest";
import { clickFeishuElement } from "./click";
import { oracleEncrypt, oracleHeaders } from "./fixtures/oracle";
import { FEISHU_CARD_ACTION, FEISHU_CHALLENGE, FEISHU_LEGACY_CARD_ACTION, FEISHU_SIGNATURE, FEISHU_URL_PREVIEW } from "./fixtures/vectors";
import { feishuInbound } from "./inbound";
import type { FeishuSecrets } from "./reply";
import { feishuLegacySignature, feishuSignature, verifyFeishu, verifyFeishuLegacy } from "./signature";

const TOKEN = "v-token-of-this-app-0123456789";
const plain: FeishuSecrets = { appId: "cli_oracle", appSecret: "s", verificationToken: TOKEN };
const encrypted: FeishuSecrets = { ...plain, encryptKey: "an encrypt key, 飞书" };
const SEED = Buffer.alloc(32);
const now = () => String(Math.floor(Date.now() / 1000));

/** The SDK logs through this: refusals are asserted by the warning it logs, not by silence. */
function quietLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  return { warnings, error: ignore, info: ignore, debug: ignore, trace: ignore, warn: (...msg: unknown[]) => void warnings.push(msg.join(" ")) };
}

/** What adaptDefault hands the dispatcher: the parsed body, the request's headers on its prototype (lowercase names). */
function sdkData(signed: { headers: Record<string, string>; body: string }): Record<string, unknown> {
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return Object.assign(Object.create({ headers }) as object, JSON.parse(signed.body) as Record<string, unknown>);
}

function dispatcher(secrets: FeishuSecrets) {
  const logger = quietLogger();
  const seen: Record<string, unknown>[] = [];
  const handle = (data: Record<string, unknown>) => {
    seen.push(data);
    return { handled: data.event_type ?? data.type };
  };
  const sdk = new EventDispatcher({ verificationToken: secrets.verificationToken, encryptKey: secrets.encryptKey, logger }).register({
    "card.action.trigger": handle,
    "url.preview.get": handle,
    "im.message.receive_v1": handle,
  });
  return { sdk, seen, logger };
}

function cardHandler(secrets: FeishuSecrets) {
  const logger = quietLogger();
  const seen: Record<string, unknown>[] = [];
  const sdk = new CardActionHandler({ verificationToken: secrets.verificationToken, encryptKey: secrets.encryptKey, logger }, (data: Record<string, unknown>) => {
    seen.push(data);
    return { toast: { type: "info", content: "ok" } };
  });
  return { sdk, seen, logger };
}

/** The simulator's request for this body, as sent. */
const signed = (body: unknown, secrets: FeishuSecrets) => feishuInbound.sign(typeof body === "string" ? body : JSON.stringify(body), now(), secrets, SEED);
const decryptBySdk = (body: string, key: string) => JSON.parse(new AESCipher(key).decrypt((JSON.parse(body) as { encrypt: string }).encrypt)) as Record<string, unknown>;
const header = (json: Record<string, unknown>) => json.header as Record<string, unknown>;
/** A stored body, as at-rest redaction leaves it. */
const stored = (body: unknown, secrets: FeishuSecrets) => feishuInbound.atRest!(JSON.stringify(body), secrets);
/** A vector as this app would receive it: Feishu echoes the app's verification token in the header. */
const echoing = <T extends { header: object }>(vector: T): T => ({ ...vector, header: { ...vector.header, token: TOKEN } });

describe("what sign() sends with an Encrypt Key, the SDK decrypts and accepts", () => {
  it("AESCipher decrypts the card action, with the real verification token and app id put in", () => {
    const request = signed(FEISHU_CARD_ACTION, encrypted);
    const inner = decryptBySdk(request.body, encrypted.encryptKey!);
    expect(header(inner)).toMatchObject({ token: TOKEN, app_id: encrypted.appId, event_id: FEISHU_CARD_ACTION.header.event_id });
    expect(inner.event).toEqual(FEISHU_CARD_ACTION.event);
  });

  it("EventDispatcher checks its signature and dispatches it; CardActionHandler answers it", async () => {
    const request = signed(FEISHU_CARD_ACTION, encrypted);
    const events = dispatcher(encrypted);
    expect(await events.sdk.invoke(sdkData(request))).toEqual({ handled: "card.action.trigger" });
    // The SDK flattens header and event: event.token (the card update token) is the one it shows.
    expect(events.seen[0]).toMatchObject({ event_id: FEISHU_CARD_ACTION.header.event_id, app_id: encrypted.appId, token: FEISHU_CARD_ACTION.event.token });
    const cards = cardHandler(encrypted);
    expect(await cards.sdk.invoke(sdkData(request))).toEqual({ toast: { type: "info", content: "ok" } });
    expect(cards.seen[0]).toMatchObject({ action: FEISHU_CARD_ACTION.event.action });
    expect([...events.logger.warnings, ...cards.logger.warnings]).toEqual([]);
  });

  it("the SDK refuses the same request with another key or a changed signature (so acceptance means something)", async () => {
    const request = signed(FEISHU_CARD_ACTION, encrypted);
    const otherKey = dispatcher({ ...encrypted, encryptKey: "another key" });
    expect(await otherKey.sdk.invoke(sdkData(request))).toBeUndefined();
    expect(otherKey.seen).toEqual([]);
    expect(otherKey.logger.warnings).toContain("verification failed event");
    const signature = request.headers["X-Lark-Signature"]!;
    const forged = { ...request, headers: { ...request.headers, "X-Lark-Signature": `${signature[0] === "0" ? "1" : "0"}${signature.slice(1)}` } };
    const events = dispatcher(encrypted);
    expect(await events.sdk.invoke(sdkData(forged))).toBeUndefined();
    expect(await cardHandler(encrypted).sdk.invoke(sdkData(forged))).toBeUndefined();
  });

  it("a replayed body stored with the token redacted goes out with the real token, and the SDK accepts it", async () => {
    const at = stored(echoing(FEISHU_URL_PREVIEW), encrypted);
    expect(at).toContain(TOKEN_MARKER);
    const request = signed(at, encrypted);
    const inner = decryptBySdk(request.body, encrypted.encryptKey!);
    expect(header(inner).token).toBe(TOKEN);
    expect(JSON.stringify(inner)).not.toContain(TOKEN_MARKER);
    const events = dispatcher(encrypted);
    expect(await events.sdk.invoke(sdkData(request))).toEqual({ handled: "url.preview.get" });
    // url.preview.get carries no event.token, so the header's verification token is what the SDK shows.
    expect(events.seen[0]).toMatchObject({ token: TOKEN, context: { url: FEISHU_URL_PREVIEW.event.context.url } });
  });

  it("a redacted card action replays through CardActionHandler with the real token inside", async () => {
    const request = signed(stored(echoing(FEISHU_CARD_ACTION), encrypted), encrypted);
    expect(header(decryptBySdk(request.body, encrypted.encryptKey!)).token).toBe(TOKEN);
    const cards = cardHandler(encrypted);
    expect(await cards.sdk.invoke(sdkData(request))).toEqual({ toast: { type: "info", content: "ok" } });
  });

  it("generateChallenge reads the encrypted URL check, with the real token in it, also after redaction", () => {
    const challenge = { type: "url_verification", challenge: "challenge-123", token: TOKEN };
    for (const body of [JSON.stringify(challenge), stored(challenge, encrypted)]) {
      const request = signed(body, encrypted);
      expect(generateChallenge(JSON.parse(request.body), { encryptKey: encrypted.encryptKey! })).toEqual({ isChallenge: true, challenge: { challenge: "challenge-123" } });
      expect(decryptBySdk(request.body, encrypted.encryptKey!)).toMatchObject({ token: TOKEN });
    }
  });
});

describe("what sign() sends without an Encrypt Key, the SDK accepts with the verification token inside", () => {
  it("a schema 2.0 body goes out plain, and the SDK reads the app's token from it, also after redaction", async () => {
    for (const body of [JSON.stringify(FEISHU_URL_PREVIEW), stored(echoing(FEISHU_URL_PREVIEW), plain)]) {
      const request = signed(body, plain);
      expect(request.headers).toEqual({});
      const events = dispatcher(plain);
      expect(await events.sdk.invoke(sdkData(request))).toEqual({ handled: "url.preview.get" });
      expect(events.seen[0]).toMatchObject({ token: TOKEN, app_id: plain.appId });
    }
  });

  it("a plain card action is dispatched by CardActionHandler with the token in its header", async () => {
    const request = signed(stored(echoing(FEISHU_CARD_ACTION), plain), plain);
    expect(header(JSON.parse(request.body) as Record<string, unknown>).token).toBe(TOKEN);
    const cards = cardHandler(plain);
    expect(await cards.sdk.invoke(sdkData(request))).toEqual({ toast: { type: "info", content: "ok" } });
  });

  it("an old (v1) card callback's SHA-1 signature over the verification token passes CardActionHandler's check", async () => {
    const request = signed(FEISHU_LEGACY_CARD_ACTION, plain);
    const cards = cardHandler(plain);
    expect(await cards.sdk.invoke(sdkData(request))).toEqual({ toast: { type: "info", content: "ok" } });
    expect(cards.seen[0]).toMatchObject({ open_message_id: FEISHU_LEGACY_CARD_ACTION.open_message_id });
    // The same request checked against another verification token is refused by the SDK.
    const other = cardHandler({ ...plain, verificationToken: "another token" });
    expect(await other.sdk.invoke(sdkData(request))).toBeUndefined();
    expect(other.logger.warnings).toContain("verification failed event");
  });

  it("the plaintext URL check, redacted at rest, goes out with the real token for generateChallenge", () => {
    const request = signed(stored({ type: "url_verification", challenge: "c-plain", token: TOKEN }, plain), plain);
    const data = JSON.parse(request.body) as Record<string, unknown>;
    expect(data.token).toBe(TOKEN);
    expect(generateChallenge(data, { encryptKey: "" })).toEqual({ isChallenge: true, challenge: { challenge: "c-plain" } });
  });
});

describe("what Feishu's side encrypts, our receive() decrypts", () => {
  const receive = (body: string, secrets: FeishuSecrets, headers: Record<string, string> = {}) =>
    feishuInbound.receive({ headers: new Headers(headers), body: Buffer.from(body) }, secrets, { requireSignature: false });
  const challengeSecrets: FeishuSecrets = { ...plain, verificationToken: FEISHU_CHALLENGE.verificationToken, encryptKey: FEISHU_CHALLENGE.encryptKey };

  // The SDK has no encrypt(): its own test vector (a ciphertext from Feishu's side) is the SDK-made input.
  it("the node-sdk challenge vector: AESCipher and receive() read the same plaintext", async () => {
    expect(new AESCipher(FEISHU_CHALLENGE.encryptKey).decrypt((JSON.parse(FEISHU_CHALLENGE.body) as { encrypt: string }).encrypt)).toBe(FEISHU_CHALLENGE.plaintext);
    expect(await receive(FEISHU_CHALLENGE.body, challengeSecrets)).toEqual({ type: "handshake", status: 200, body: FEISHU_CHALLENGE.response });
    expect(await receive(FEISHU_CHALLENGE.body, { ...challengeSecrets, encryptKey: "another key" })).toEqual({ type: "rejected", status: 400, code: "decrypt_failed" });
  });

  it("bodies the fixture oracle encrypts (AESCipher confirms them) are read by receive(); a wrong key is refused", async () => {
    const text = JSON.stringify(echoing(FEISHU_CARD_ACTION));
    const body = oracleEncrypt(text, encrypted.encryptKey!);
    expect(new AESCipher(encrypted.encryptKey!).decrypt((JSON.parse(body) as { encrypt: string }).encrypt)).toBe(text);
    const headers = oracleHeaders(body, encrypted.encryptKey!);
    expect(dispatcher(encrypted).sdk.requestHandle!.checkIsEventValidated(sdkData({ headers, body }))).toBe(true);
    const outcome = await receive(body, encrypted, headers);
    expect(outcome).toMatchObject({ type: "events", decoded: text, events: [{ eventId: FEISHU_CARD_ACTION.header.event_id, kind: "button" }] });
    // Signed with the right key but read with another: the signature no longer matches, nothing is decrypted.
    expect(await receive(body, { ...encrypted, encryptKey: "another key" }, headers)).toEqual({ type: "rejected", status: 401, code: "bad_signature" });
    // Unsigned and read with another key: the ciphertext does not decrypt.
    expect(await receive(oracleEncrypt(FEISHU_CHALLENGE.plaintext, "k1"), { ...challengeSecrets, encryptKey: "k2" })).toEqual({ type: "rejected", status: 400, code: "decrypt_failed" });
  });
});

describe("X-Lark-Signature: ours and the SDK's checks agree", () => {
  const handle = (secrets: FeishuSecrets) => dispatcher(secrets).sdk.requestHandle!;
  const larkHeaders = (timestamp: string, nonce: string, signature: string) => ({ "X-Lark-Request-Timestamp": timestamp, "X-Lark-Request-Nonce": nonce, "X-Lark-Signature": signature });

  it("the SHA-256 vector computed here passes the SDK's checkIsEventValidated", () => {
    const { timestamp, nonce, encryptKey, body, signature } = FEISHU_SIGNATURE;
    expect(feishuSignature(timestamp, nonce, encryptKey, body)).toBe(signature);
    expect(handle({ ...plain, encryptKey }).checkIsEventValidated(sdkData({ headers: larkHeaders(timestamp, nonce, signature), body }))).toBe(true);
  });

  it.each([
    ["ASCII", { encrypt: "abc" }],
    ["non-ASCII", { schema: "2.0", header: { event_id: "e", event_type: "im.message.receive_v1" }, event: { text: "飞书 😀" } }],
  ])("SHA-256 over a %s body: the SDK accepts what we compute, and both refuse any other key", (_name, json) => {
    const body = JSON.stringify(json);
    const timestamp = now();
    const nonce = "n0nce";
    const signature = feishuSignature(timestamp, nonce, encrypted.encryptKey!, body);
    const headers = larkHeaders(timestamp, nonce, signature);
    expect(handle(encrypted).checkIsEventValidated(sdkData({ headers, body }))).toBe(true);
    expect(verifyFeishu(new Headers(headers), encrypted.encryptKey!, Buffer.from(body))).toBe(true);
    expect(handle({ ...encrypted, encryptKey: "x" }).checkIsEventValidated(sdkData({ headers, body }))).toBe(false);
    expect(verifyFeishu(new Headers(headers), "x", Buffer.from(body))).toBe(false);
  });

  it("SHA-1 of the old card callback: the SDK's checkIsCardEventValidated accepts what we compute", () => {
    const body = JSON.stringify(FEISHU_LEGACY_CARD_ACTION);
    const timestamp = now();
    const headers = larkHeaders(timestamp, "n1", feishuLegacySignature(timestamp, "n1", TOKEN, body));
    expect(handle(plain).checkIsCardEventValidated(sdkData({ headers, body }))).toBe(true);
    expect(verifyFeishuLegacy(new Headers(headers), TOKEN, Buffer.from(body))).toBe(true);
    expect(handle({ ...plain, verificationToken: "other" }).checkIsCardEventValidated(sdkData({ headers, body }))).toBe(false);
  });

  it("the fixture oracle's headers (SHA-256 and SHA-1) pass the SDK's checks", () => {
    const body = JSON.stringify({ encrypt: "Zm9v" });
    expect(handle(encrypted).checkIsEventValidated(sdkData({ headers: oracleHeaders(body, encrypted.encryptKey!), body }))).toBe(true);
    const legacy = JSON.stringify(FEISHU_LEGACY_CARD_ACTION);
    expect(handle(plain).checkIsCardEventValidated(sdkData({ headers: oracleHeaders(legacy, TOKEN, "sha1"), body: legacy }))).toBe(true);
  });
});

describe("the SDK's own HTTP adaptor (adaptDefault, on a loopback port) accepts what the simulator sends", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function serve(handler: ReturnType<typeof adaptDefault>): Promise<string> {
    const server = createServer((req, res) => void handler(req, res));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    close = () => new Promise((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  }

  const post = async (url: string, request: { headers: Record<string, string>; body: string }) =>
    (await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...request.headers }, body: request.body })).text();

  it("answers the encrypted URL check and dispatches the encrypted card action", async () => {
    const events = dispatcher(encrypted);
    const url = await serve(adaptDefault("/webhook", events.sdk, { autoChallenge: true }));
    expect(JSON.parse(await post(url, signed({ type: "url_verification", challenge: "over-http", token: TOKEN }, encrypted)))).toEqual({ challenge: "over-http" });
    expect(JSON.parse(await post(url, signed(FEISHU_CARD_ACTION, encrypted)))).toEqual({ handled: "card.action.trigger" });
    expect(events.seen).toHaveLength(1);
    // Headers of one request with the body of another: the SDK answers nothing and dispatches nothing.
    const a = signed(FEISHU_CARD_ACTION, encrypted);
    expect(await post(url, { headers: a.headers, body: signed(FEISHU_CARD_ACTION, encrypted).body })).toBe("");
    expect(events.seen).toHaveLength(1);
  });

});

describe("what a click in the preview sends, the SDK accepts and hands over with the same action fields", () => {
  const actor = { userId: "ou_oracle_user", roles: [], isAdmin: false };
  const cb = { behaviors: [{ type: "callback", value: { k: "v" } }] };
  const opts = [{ text: { tag: "plain_text", content: "A" }, value: "a" }, { text: { tag: "plain_text", content: "B" }, value: "b" }];
  const cases: [string, Record<string, unknown>, { value?: unknown; formValue?: Record<string, unknown> }][] = [
    ["button", { tag: "button", name: "ok", ...cb }, {}],
    ["form submit", { tag: "button", name: "submit", form_action_type: "submit" }, { formValue: { reason: "飞书", multi: ["a", "b"], day: "2024-04-01 +0800", done: true } }],
    ["input", { tag: "input", name: "i", ...cb }, { value: "hello" }],
    ["select_static", { tag: "select_static", options: opts, ...cb }, { value: "a" }],
    ["multi_select_static", { tag: "multi_select_static", options: opts }, { value: ["a", "b"] }],
    ["select_person", { tag: "select_person" }, { value: "ou_b96" }],
    ["overflow", { tag: "overflow", options: opts }, { value: "b" }],
    ["date_picker", { tag: "date_picker" }, { value: "2025-06-10" }],
    ["picker_datetime", { tag: "picker_datetime" }, { value: "2025-06-10T19:19" }],
    ["select_img", { tag: "select_img", options: [{ img_key: "k", value: "picture1" }] }, { value: ["picture1"] }],
    ["checker", { tag: "checker", ...cb }, { value: true }],
  ];

  it.each(cases)("%s, encrypted and plain", async (_name, node, input) => {
    const outcome = clickFeishuElement(node, actor, input);
    if (outcome.kind !== "request") throw new Error(`expected a request, got ${outcome.kind}`);
    const payload = outcome.payload as { event: { action: Record<string, unknown> } };
    for (const secrets of [encrypted, plain]) {
      const cards = cardHandler(secrets);
      expect(await cards.sdk.invoke(sdkData(signed(payload, secrets)))).toEqual({ toast: { type: "info", content: "ok" } });
      expect(cards.seen[0]?.action).toEqual(payload.event.action);
      const events = dispatcher(secrets);
      expect(await events.sdk.invoke(sdkData(signed(payload, secrets)))).toEqual({ handled: "card.action.trigger" });
      expect(events.seen[0]).toMatchObject({ action: payload.event.action, operator: { open_id: "ou_oracle_user" } });
      expect([...cards.logger.warnings, ...events.logger.warnings]).toEqual([]);
    }
  });
});
