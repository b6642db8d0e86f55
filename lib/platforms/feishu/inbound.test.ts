import { createCipheriv, createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ParsedEvent } from "../inbound";
import { TOKEN_MARKER } from "./at-rest";
import { encryptFeishu, feishuAesKey } from "./crypto";
import { deepJson, oracleDecrypt, oracleEncrypt, oracleHeaders } from "./fixtures/oracle";
import { FEISHU_CARD_ACTION, FEISHU_CHALLENGE, FEISHU_LEGACY_CARD_ACTION, FEISHU_SIGNATURE, FEISHU_URL_PREVIEW } from "./fixtures/vectors";
import { feishuInbound } from "./inbound";
import type { FeishuSecrets } from "./reply";
import { feishuSignature } from "./signature";

const TOKEN = FEISHU_CARD_ACTION.header.token;
const plain: FeishuSecrets = { appId: "cli_test", appSecret: "s", verificationToken: TOKEN };
const encrypted: FeishuSecrets = { ...plain, encryptKey: "mazhe.nerd" };
const options = { requireSignature: false };
const SEED = Buffer.alloc(32);

const receive = (body: string, secrets: FeishuSecrets, headers: Record<string, string> = {}, opts = options) =>
  feishuInbound.receive({ headers: new Headers(headers), body: Buffer.from(body) }, secrets, opts);
/** What the simulator sends, received by the endpoint. */
const roundTrip = (body: unknown, secrets: FeishuSecrets) => {
  const signed = feishuInbound.sign(JSON.stringify(body), "1700000000", secrets, SEED);
  return receive(signed.body, secrets, signed.headers);
};
const onlyEvent = (outcome: Awaited<ReturnType<typeof receive>>): ParsedEvent => {
  if (outcome.type !== "events") throw new Error(`expected events, got ${JSON.stringify(outcome)}`);
  expect(outcome.events).toHaveLength(1);
  return outcome.events[0]!;
};

describe("Feishu URL verification (protocols.md §3.3)", () => {
  const secrets = { ...plain, verificationToken: FEISHU_CHALLENGE.verificationToken, encryptKey: FEISHU_CHALLENGE.encryptKey };

  it("answers the node-sdk encrypted challenge vector with its challenge, unsigned", async () => {
    expect(await receive(FEISHU_CHALLENGE.body, secrets)).toEqual({ type: "handshake", status: 200, body: FEISHU_CHALLENGE.response });
  });

  it("answers a plaintext challenge when no Encrypt Key is set", async () => {
    const { encryptKey: _none, ...noKey } = secrets;
    expect(await receive(FEISHU_CHALLENGE.plaintext, noKey)).toEqual({ type: "handshake", status: 200, body: FEISHU_CHALLENGE.response });
  });

  it("refuses a challenge with another verification token (401)", async () => {
    expect(await receive(FEISHU_CHALLENGE.body, { ...secrets, verificationToken: "other" })).toEqual({ type: "rejected", status: 401, code: "bad_token" });
  });

  it("refuses an encrypted body when no key is configured", async () => {
    expect(await receive(FEISHU_CHALLENGE.body, plain)).toEqual({ type: "rejected", status: 400, code: "encrypt_key_missing" });
  });
});

describe("Feishu bodies that are not what they claim (400)", () => {
  // One block of valid JSON and no padding at all: its last byte, "}", is no PKCS#7 padding,
  // so only the padding check can refuse it (without it, the JSON would be accepted).
  const badPadding = (() => {
    const iv = Buffer.alloc(16, 1);
    const cipher = createCipheriv("aes-256-cbc", feishuAesKey("mazhe.nerd"), iv).setAutoPadding(false);
    const block = Buffer.from('{"a":"bcdefghi"}');
    return JSON.stringify({ encrypt: Buffer.concat([iv, cipher.update(block), cipher.final()]).toString("base64") });
  })();
  it.each([
    ["not JSON", "{nope", "invalid_payload"],
    ["a JSON array", "[1]", "invalid_payload"],
    ["bad base64", '{"encrypt":"***not base64***"}', "decrypt_failed"],
    ["bad padding", badPadding, "decrypt_failed"],
    ["a tampered IV (garbled plaintext)", FEISHU_CHALLENGE.body.replace("tT1x", "AAAA"), "decrypt_failed"],
    ["a ciphertext cut short", FEISHU_CHALLENGE.body.replace(/.{24}"}$/, '"}'), "decrypt_failed"],
    ["a non-string encrypt", '{"encrypt":42}', "decrypt_failed"],
    ["a plaintext that is not JSON", JSON.stringify({ encrypt: encryptFeishu("hello", "mazhe.nerd") }), "decrypt_failed"],
  ])("%s", async (_name, body, code) => {
    expect(await receive(body, encrypted)).toEqual({ type: "rejected", status: 400, code });
  });
});

describe("Feishu signature and token checks", () => {
  const body = JSON.stringify(FEISHU_CARD_ACTION);

  it("checks the token in header.token when no Encrypt Key is set", async () => {
    expect(onlyEvent(await receive(body, plain)).kind).toBe("button");
    expect(await receive(body, { ...plain, verificationToken: "other" })).toEqual({ type: "rejected", status: 401, code: "bad_token" });
  });

  it("checks X-Lark-Signature over the raw bytes when a key is set", async () => {
    const { timestamp, nonce, encryptKey } = FEISHU_SIGNATURE;
    const signed = { "X-Lark-Request-Timestamp": timestamp, "X-Lark-Request-Nonce": nonce, "X-Lark-Signature": feishuSignature(timestamp, nonce, encryptKey, body) };
    expect(onlyEvent(await receive(body, encrypted, signed)).eventId).toBe(FEISHU_CARD_ACTION.header.event_id);
    // The same JSON with other whitespace is other bytes.
    expect(await receive(JSON.stringify(FEISHU_CARD_ACTION, null, 1), encrypted, signed)).toMatchObject({ status: 401, code: "bad_signature" });
    expect(await receive(body, encrypted)).toMatchObject({ status: 401, code: "bad_signature" });
  });
});

describe("Feishu events", () => {
  it("parses the official card.action.trigger example, with its form values", async () => {
    expect(onlyEvent(await receive(JSON.stringify(FEISHU_CARD_ACTION), plain))).toEqual({
      eventId: "f7984f25108f8137722bb63c*****",
      kind: "button",
      interactive: true,
      actor: "ou_3c14f3a59eaf2825dbe25359f15*****",
      scene: "im_message",
      control: "Button_lvkepfu3",
      data: '{"key":"value"}',
      fields: { value: '{"key":"value"}', name: "Button_lvkepfu3", tag: "button", form: '{"field name2":"value2"}' },
      context: {
        updateToken: "c-295ee57216a5dc9de90fefd0aadb4b1d7d******",
        openMessageId: "om_574d639e4a44e4dd646eaf628e2*****",
        openChatId: "oc_e4d2605ca917e695f54f11aaf56*****",
      },
      subject: "om_574d639e4a44e4dd646eaf628e2*****",
    });
  });

  it("keeps a string value as it is and falls back to the tag without a name", async () => {
    const body = { ...FEISHU_CARD_ACTION, event: { ...FEISHU_CARD_ACTION.event, action: { tag: "button", value: "approve" } } };
    expect(onlyEvent(await receive(JSON.stringify(body), plain))).toMatchObject({ control: "button", data: "approve", fields: { value: "approve", tag: "button" } });
  });

  const withAction = (action: Record<string, unknown>) => ({ ...FEISHU_CARD_ACTION, event: { ...FEISHU_CARD_ACTION.event, action } });
  it.each([
    ["select_static: the picked option", { tag: "select_static", option: "high", value: { k: 1 } }, { option: "high" }, '{"k":1}'],
    ["multi_select_static: the picked options as a JSON list", { tag: "multi_select_static", options: ["a", "b"] }, { options: '["a","b"]' }, '["a","b"]'],
    ["select_img alone: its one pick, sent as a string, as a list", { tag: "select_img", options: "picture1" }, { options: '["picture1"]' }, '["picture1"]'],
    ["date_picker: the date in option, with its timezone", { tag: "date_picker", option: "2026-12-01 +0800", timezone: "Asia/Shanghai" }, { option: "2026-12-01 +0800" }, "2026-12-01 +0800"],
    ["checker: its state", { tag: "checker", checked: false }, { checked: "false" }, "false"],
    ["input: the typed text", { tag: "input", input_value: "hi" }, { input: "hi" }, "hi"],
  ])("reads each tag's own value as a rule field: %s", async (_name, action, fields, data) => {
    const event = onlyEvent(await receive(JSON.stringify(withAction(action)), plain));
    expect(event.fields).toMatchObject({ tag: action.tag, ...fields });
    expect(event.data).toBe(data);
    // The inspector reads the same fields back from the stored body.
    expect(feishuInbound.fieldsOf?.(withAction(action))).toEqual(event.fields);
  });

  it("refuses an action whose options are not a list of strings (400)", async () => {
    expect(await receive(JSON.stringify(withAction({ tag: "multi_select_static", options: [1] })), plain)).toMatchObject({ status: 400 });
    expect(feishuInbound.fieldsOf?.({ event: { action: { options: { a: 1 } } } })).toEqual({});
  });

  it("parses url.preview.get as a preview of its URL", async () => {
    expect(onlyEvent(await receive(JSON.stringify(FEISHU_URL_PREVIEW), plain))).toMatchObject({
      eventId: "ev_preview_0001",
      kind: "preview",
      interactive: true,
      fields: { url: "https://example.com/issues/42" },
      context: { previewToken: "pt_0001" },
    });
  });

  it("shows other events by their type, without expecting a reply", async () => {
    const body = { ...FEISHU_URL_PREVIEW, header: { ...FEISHU_URL_PREVIEW.header, event_id: "e2", event_type: "im.message.receive_v1" }, event: {} };
    expect(onlyEvent(await receive(JSON.stringify(body), plain))).toEqual({ eventId: "e2", kind: "event", interactive: false, summary: "im.message.receive_v1", fields: {}, context: {} });
  });

  it("refuses a card action without an action (400)", async () => {
    const body = { ...FEISHU_CARD_ACTION, event: { operator: {} } };
    expect(await receive(JSON.stringify(body), plain)).toMatchObject({ status: 400, code: "invalid_payload" });
  });
});

describe("the old card callback (card.action.trigger_v1, protocols.md §3.7)", () => {
  const body = JSON.stringify(FEISHU_LEGACY_CARD_ACTION);
  // Computed here with node:crypto: hex(SHA-1(timestamp + nonce + Verification Token + body)).
  const signature = createHash("sha1").update(`1700000000n0nce${TOKEN}${body}`).digest("hex");
  const headers = { "X-Lark-Request-Timestamp": "1700000000", "X-Lark-Request-Nonce": "n0nce", "X-Lark-Signature": signature };

  it("accepts its SHA-1 signature, with or without an Encrypt Key", async () => {
    for (const secrets of [plain, encrypted]) {
      const event = onlyEvent(await receive(body, secrets, headers));
      expect(event).toMatchObject({ kind: "button", control: "approve", actor: "ou_legacy_user", subject: "om_legacy_message", context: { updateToken: "c-legacy-token-0001", protocol: "v1" } });
      // The body has no event id: one from the per-action token, the same for a retry.
      expect(event.eventId).toMatch(/^v1:[0-9a-f]{32}$/);
      expect(onlyEvent(await receive(body, secrets, headers)).eventId).toBe(event.eventId);
    }
  });

  it("refuses a wrong SHA-1 signature (401)", async () => {
    expect(await receive(body, plain, { ...headers, "X-Lark-Signature": signature.replace(/^./, (c) => (c === "0" ? "1" : "0")) })).toMatchObject({ status: 401, code: "bad_signature" });
  });

  it("is refused without its SHA-1 signature, whatever token it carries", async () => {
    expect(await receive(body, plain)).toMatchObject({ status: 401, code: "bad_signature" });
    // Its flat `token` is the per-action update token: the Verification Token there proves nothing.
    expect(await receive(JSON.stringify({ ...FEISHU_LEGACY_CARD_ACTION, token: TOKEN }), plain)).toMatchObject({ status: 401, code: "bad_signature" });
  });

  it("with an Encrypt Key, refuses plaintext bodies that carry only the token", async () => {
    for (const json of [{ type: "event_callback", uuid: "u", token: TOKEN, event: {} }, { ...FEISHU_CARD_ACTION, header: { ...FEISHU_CARD_ACTION.header, token: TOKEN } }]) {
      expect(await receive(JSON.stringify(json), encrypted)).toMatchObject({ status: 401, code: "bad_signature" });
    }
  });
});

describe("the simulator's side: sign() then receive()", () => {
  it("encrypts, signs and is accepted, returning the plaintext it decoded", async () => {
    const outcome = await roundTrip(FEISHU_CARD_ACTION, { ...encrypted, verificationToken: "not-the-fixture-token" });
    expect(outcome.type).toBe("events");
    if (outcome.type !== "events") return;
    expect(outcome.events[0]).toMatchObject({ kind: "button", control: "Button_lvkepfu3" });
    const decoded = JSON.parse(outcome.decoded!) as typeof FEISHU_CARD_ACTION;
    expect(decoded.header).toMatchObject({ token: "not-the-fixture-token", app_id: "cli_test" });
  });

  it("sends the X-Lark headers and an {encrypt} body", () => {
    const signed = feishuInbound.sign(JSON.stringify(FEISHU_URL_PREVIEW), "1700000000", encrypted, SEED);
    expect(Object.keys(JSON.parse(signed.body) as object)).toEqual(["encrypt"]);
    expect(signed.headers["X-Lark-Signature"]).toBe(feishuSignature("1700000000", signed.headers["X-Lark-Request-Nonce"]!, "mazhe.nerd", signed.body));
  });

  it("sends plaintext with the token filled in when no key is set", async () => {
    const signed = feishuInbound.sign(JSON.stringify({ ...FEISHU_URL_PREVIEW, header: { ...FEISHU_URL_PREVIEW.header, token: "" } }), "1700000000", plain, SEED);
    expect(signed.headers).toEqual({});
    expect(onlyEvent(await receive(signed.body, plain, signed.headers)).kind).toBe("preview");
  });

  it("answers its own challenge, encrypted or not", async () => {
    const challenge = { challenge: "c-1", type: "url_verification" };
    for (const secrets of [plain, encrypted]) expect(await roundTrip(challenge, secrets)).toEqual({ type: "handshake", status: 200, body: { challenge: "c-1" } });
  });

  it("signs old card callbacks with SHA-1, in plaintext, keeping their per-action token", async () => {
    const signed = feishuInbound.sign(JSON.stringify(FEISHU_LEGACY_CARD_ACTION), "1700000000", encrypted, SEED);
    expect(JSON.parse(signed.body)).toEqual(FEISHU_LEGACY_CARD_ACTION);
    expect(onlyEvent(await receive(signed.body, encrypted, signed.headers)).context.updateToken).toBe("c-legacy-token-0001");
  });
});

describe("Feishu replies", () => {
  const stored = JSON.stringify(FEISHU_CARD_ACTION);
  const card = { schema: "2.0", body: { elements: [] } };

  it("updates the card later with the event's token (延时更新消息卡片)", () => {
    expect(feishuInbound.deliverLate(stored, { card: { type: "raw", data: card } })).toEqual({
      via: "api",
      method: "POST",
      path: "/open-apis/interactive/v1/card/update",
      body: { token: "c-295ee57216a5dc9de90fefd0aadb4b1d7d******", card },
      auth: "app-token",
    });
    expect(feishuInbound.deliverLate(JSON.stringify(FEISHU_LEGACY_CARD_ACTION), { card: { type: "raw", data: card } })).toMatchObject({ body: { token: "c-legacy-token-0001" } });
  });

  it("has no later channel for a toast, or without a token", () => {
    expect(feishuInbound.deliverLate(stored, { toast: { type: "info", content: "hi" } })).toBeNull();
    expect(feishuInbound.deliverLate(JSON.stringify(FEISHU_URL_PREVIEW), { card: { type: "raw", data: card } })).toBeNull();
    expect(feishuInbound.deliverLate("not json", { card: { type: "raw", data: card } })).toBeNull();
  });

  it("answers in the HTTP response, keeping the card by default", () => {
    const event = { eventId: "1", kind: "button" as const, interactive: true, fields: {}, context: {} };
    expect(feishuInbound.defaultFallback(event)).toEqual({});
    expect(feishuInbound.acknowledge(event)).toBeNull();
    expect(feishuInbound.deliver(event, { toast: { type: "success", content: "OK" } })).toEqual({ via: "response", answer: { status: 200, body: { toast: { type: "success", content: "OK" } } } });
  });

  it.each([
    ["a toast with a raw card", { toast: { type: "success", content: "OK", i18n: { en_us: "OK" } }, card: { type: "raw", data: card } }, true],
    ["a template card", { card: { type: "template", data: { template_id: "AAqi6xJ8rabcd", template_variable: { a: 1 } } } }, true],
    ["an inline preview", { inline: { title: "Issue 42", i18n_title: { zh_cn: "问题 42" }, url: { copy_url: "https://x" } } }, true],
    ["keep the card", {}, true],
    ["an unknown toast type", { toast: { type: "loud", content: "OK" } }, false],
    ["a toast without text", { toast: { type: "info" } }, false],
    ["an unknown locale", { toast: { type: "info", i18n: { xx_yy: "?" } } }, false],
    ["an unknown member", { toast: { type: "info", content: "a" }, extra: 1 }, false],
    ["a template without id", { card: { type: "template", data: {} } }, false],
    ["a toast and an inline preview", { toast: { type: "info", content: "a" }, inline: { title: "t" } }, false],
  ])("reply schema: %s", (_name, reply, ok) => {
    expect(feishuInbound.replySchema.safeParse(reply).success).toBe(ok);
  });

  it("fits toasts to card actions and inline previews to link previews", () => {
    expect(feishuInbound.replyFits("button", { toast: { type: "info", content: "a" } })).toBe(true);
    expect(feishuInbound.replyFits("button", { inline: { title: "t" } })).toBe(false);
    expect(feishuInbound.replyFits("preview", { inline: { title: "t" } })).toBe(true);
    expect(feishuInbound.replyFits("preview", { toast: { type: "info", content: "a" } })).toBe(false);
  });

  it("gets the tenant access token from the app id and secret", () => {
    const spec = feishuInbound.appToken!;
    expect(spec.requestBody(plain)).toEqual({ app_id: "cli_test", app_secret: "s" });
    expect(spec.parse({ code: 0, msg: "ok", tenant_access_token: "t-1", expire: 7200 })).toEqual({ token: "t-1", expiresInSec: 7200 });
    expect(spec.parse({ code: 10003, msg: "invalid app_secret" })).toBeNull();
    expect(spec.headers("t-1", plain)).toEqual({ authorization: "Bearer t-1" });
  });

  it("treats an empty Encrypt Key as none and shows only the app id", () => {
    const secrets = feishuInbound.secretsSchema.parse({ appId: " cli_1 ", appSecret: "s", verificationToken: "v-12345678", encryptKey: "  " });
    expect(secrets).toEqual({ appId: "cli_1", appSecret: "s", verificationToken: "v-12345678" });
    expect(feishuInbound.secretsSchema.safeParse({ ...secrets, verificationToken: "short" }).success).toBe(false);
    expect(feishuInbound.describeSecrets(secrets)).toEqual({ appId: "cli_1" });
  });
});

describe("bodies that cannot be kept (issue 12 item 1): refused with 400, never thrown", () => {
  const DEEP = deepJson(5000);
  /** The official card action with `value` or `form_value` replaced by 5,000 levels of nesting, as text. */
  const deepCard = (where: "value" | "form_value", token = TOKEN) =>
    JSON.stringify({ ...FEISHU_CARD_ACTION, header: { ...FEISHU_CARD_ACTION.header, token }, event: { ...FEISHU_CARD_ACTION.event, action: { ...FEISHU_CARD_ACTION.event.action, [where]: "__DEEP__" } } }).replace(
      '"__DEEP__"',
      where === "value" ? DEEP : `{"field":${DEEP}}`,
    );
  const deepLegacy = (where: "value" | "form_value") =>
    JSON.stringify({ ...FEISHU_LEGACY_CARD_ACTION, action: { ...FEISHU_LEGACY_CARD_ACTION.action, [where]: "__DEEP__" } }).replace('"__DEEP__"', where === "value" ? DEEP : `{"field":${DEEP}}`);

  it.each(["value", "form_value"] as const)("an authentic plaintext card action whose %s nests 5,000 levels", async (where) => {
    expect(await receive(deepCard(where), plain)).toEqual({ type: "rejected", status: 400, code: "too_deep" });
  });

  it.each(["value", "form_value"] as const)("the same, encrypted and signed (independent AES and SHA-256)", async (where) => {
    const body = oracleEncrypt(deepCard(where), encrypted.encryptKey!);
    expect(await receive(body, encrypted, oracleHeaders(body, encrypted.encryptKey!))).toEqual({ type: "rejected", status: 400, code: "too_deep" });
  });

  it.each(["value", "form_value"] as const)("the same in an old (v1) card callback, SHA-1 signed", async (where) => {
    const body = deepLegacy(where);
    expect(await receive(body, plain, oracleHeaders(body, TOKEN, "sha1"))).toEqual({ type: "rejected", status: 400, code: "too_deep" });
  });

  it("a lone surrogate in a value, plain or encrypted", async () => {
    const text = JSON.stringify({ ...FEISHU_CARD_ACTION, event: { ...FEISHU_CARD_ACTION.event, action: { tag: "button", value: "__S__" } } }).replace('"__S__"', '"\\ud800x1"');
    expect(await receive(text, plain)).toEqual({ type: "rejected", status: 400, code: "malformed_string" });
    const body = oracleEncrypt(text, encrypted.encryptKey!);
    expect(await receive(body, encrypted, oracleHeaders(body, encrypted.encryptKey!))).toEqual({ type: "rejected", status: 400, code: "malformed_string" });
  });

  it("still accepts what Feishu sends: 60 levels of value", async () => {
    const body = deepCard("value").replace(DEEP, deepJson(60));
    expect(onlyEvent(await receive(body, plain)).fields.value).toBe(deepJson(60));
  });

  it("the simulator sends a body too deep to re-serialize as it is, without throwing", () => {
    expect(() => feishuInbound.sign(deepCard("value", ""), "1700000000", encrypted, SEED)).not.toThrow();
    expect(feishuInbound.deliverLate(deepCard("value"), { card: { type: "raw", data: {} } })).toBeNull();
  });
});

describe("the verification token at rest (issue 12 item 7)", () => {
  const atRest = (text: string, secrets: FeishuSecrets) => feishuInbound.atRest!(text, secrets);

  it("stores a plaintext body without the token, and replay puts it back and is accepted", async () => {
    const body = JSON.stringify(FEISHU_CARD_ACTION);
    const stored = atRest(body, plain);
    expect(stored).not.toContain(TOKEN);
    expect(JSON.parse(stored)).toMatchObject({ header: { token: TOKEN_MARKER } });
    // Everything else is byte for byte as received.
    expect(stored).toBe(body.replace(TOKEN, TOKEN_MARKER));
    const replayed = feishuInbound.sign(stored, "1700000000", plain, SEED);
    expect(onlyEvent(await receive(replayed.body, plain, replayed.headers)).eventId).toBe(FEISHU_CARD_ACTION.header.event_id);
  });

  it("leaves an encrypted body alone, hides the token in its decoded copy, and replays it encrypted", async () => {
    const body = oracleEncrypt(JSON.stringify(FEISHU_CARD_ACTION), encrypted.encryptKey!);
    const outcome = await receive(body, encrypted, oracleHeaders(body, encrypted.encryptKey!));
    if (outcome.type !== "events") throw new Error(JSON.stringify(outcome));
    expect(atRest(body, encrypted)).toBe(body);
    const decoded = atRest(outcome.decoded!, encrypted);
    expect(decoded).not.toContain(TOKEN);
    const replayed = feishuInbound.sign(decoded, "1700000001", encrypted, SEED);
    // Feishu's side reads the real token back out of what replay sent.
    expect(JSON.parse(oracleDecrypt(replayed.body, encrypted.encryptKey!))).toMatchObject({ header: { token: TOKEN } });
    expect(onlyEvent(await receive(replayed.body, encrypted, replayed.headers)).kind).toBe("button");
  });

  it("catches the token JSON-escaped, however it is escaped, and puts it back for replay", async () => {
    const token = 'tok"en\\with/quotes<1>';
    const secrets = { ...plain, verificationToken: token };
    const standard = JSON.stringify({ type: "url_verification", challenge: "c", token });
    const unicode = standard.replace("<1>", "\\u003c1\\u003e");
    for (const body of [standard, unicode]) {
      expect(await receive(body, secrets)).toMatchObject({ type: "handshake" });
      const stored = atRest(body, secrets);
      expect(JSON.parse(stored)).toEqual({ type: "url_verification", challenge: "c", token: TOKEN_MARKER });
      const replayed = feishuInbound.sign(stored, "1700000000", secrets, SEED);
      expect(await receive(replayed.body, secrets, replayed.headers)).toMatchObject({ type: "handshake", body: { challenge: "c" } });
    }
  });

  it("hides the token wherever an old (v1) card callback carries it, and replay re-signs with it in place", async () => {
    const body = JSON.stringify({ ...FEISHU_LEGACY_CARD_ACTION, action: { ...FEISHU_LEGACY_CARD_ACTION.action, value: { echo: TOKEN } } });
    const stored = atRest(body, plain);
    expect(stored).not.toContain(TOKEN);
    const replayed = feishuInbound.sign(stored, "1700000000", plain, SEED);
    expect(replayed.body).toBe(body);
    expect(onlyEvent(await receive(replayed.body, plain, replayed.headers)).fields.value).toBe(JSON.stringify({ echo: TOKEN }));
  });

  it("hides the token in a refused body cut short (not JSON any more)", () => {
    const cut = `${JSON.stringify(FEISHU_CARD_ACTION).slice(0, 120)}…`;
    expect(cut).toContain(TOKEN);
    expect(atRest(cut, plain)).not.toContain(TOKEN);
  });

  it("never throws for secrets stored under an older schema without a token", () => {
    const old = { appId: "cli_old", appSecret: "s" } as unknown as FeishuSecrets;
    const stored = JSON.stringify(FEISHU_CARD_ACTION).replace(TOKEN, TOKEN_MARKER);
    expect(atRest(stored, old)).toBe(stored);
    expect(() => feishuInbound.sign(stored, "1700000000", old, SEED)).not.toThrow();
  });

  it("stays linear on hostile text (unclosed quotes and escapes)", () => {
    const hostile = '"\\"'.repeat(200_000);
    const started = performance.now();
    expect(atRest(hostile, plain)).toBe(hostile);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
