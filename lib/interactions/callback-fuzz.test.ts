import { verifyKey } from "discord-interactions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { HttpError } from "@/lib/http/errors";
import type { RawCallback } from "@/lib/platforms/inbound";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { discordInbound } from "@/lib/platforms/discord/inbound";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { easemobInbound } from "@/lib/platforms/easemob/inbound";
import { easemobSecurity } from "@/lib/platforms/easemob/signature";
import { encryptFeishu } from "@/lib/platforms/feishu/crypto";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import { feishuLegacySignature, feishuSignature } from "@/lib/platforms/feishu/signature";
import { qqInteractionDispatch } from "@/lib/platforms/qq/click";
import { qqInbound } from "@/lib/platforms/qq/inbound";
import { signQq } from "@/lib/platforms/qq/signature";
import type { PlatformId } from "@/lib/platforms/types";
import { startSimulatorServer } from "@/lib/simulator/test-server";
import { noteSentBody, recordedCalls } from "@/lib/simulator/platform-api";
import { answerInteraction } from "./answer";
import { handleCallback } from "./ingest";
import { getInteraction, listInteractions } from "./list";
import { insertInteraction } from "./store";

/**
 * Hostile callbacks through the real path (issue 12): generated bodies, correctly signed ones among
 * them, into handleCallback on a real database (SQLite and PostgreSQL) in every reply mode; then a person answers every
 * pending one and every stored row is read as GET /api/interactions(/:id) reads it. Nothing may throw
 * or answer ≥ 500, and a well-formed click still gets its normal answer afterwards.
 * Reproduce a failure with FUZZ_SEED=<seed printed> npx vitest run lib/interactions/callback-fuzz.test.ts;
 * FUZZ_CASES=<n> sets the bodies per endpoint (longer hunts), FUZZ_VERBOSE=1 prints the outcomes seen.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed12) >>> 0;
const PER_ENDPOINT = Number(process.env.FUZZ_CASES ?? 0) || undefined;

const db = await createEachTestDb();
const deps = { db, now: () => new Date() };

// The platforms' side is the product's own simulator (lib/simulator/platform-api.ts), served over real HTTP.
let simulator: Awaited<ReturnType<typeof startSimulatorServer>>;
let apiBase = "";
let lastCallAt = 0;
beforeAll(async () => {
  simulator = await startSimulatorServer(db, () => (lastCallAt = Date.now()));
  apiBase = simulator.apiBase;
});
afterAll(async () => {
  simulator.close();
  await db.$disconnect();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Background API calls (QQ PUT /interactions) have stopped arriving at the simulator. */
async function simulatorQuiet(): Promise<void> {
  for (let i = 0; i < 100 && Date.now() - lastCallAt < 300; i++) await sleep(100);
}

// ---------------------------------------------------------------------------------------------
// Generation: a seeded PRNG, a JSON model that can hold raw text (huge numbers, deep nesting) and
// duplicate keys, and mutations of well-formed platform bodies.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** JSON text inserted as is: numbers JSON.stringify cannot write, nesting it would overflow on. */
class Raw {
  constructor(readonly text: string) {}
}
/** An object written with a repeated key. */
class Dup {
  constructor(readonly entries: [string, J][]) {}
}
type J = null | boolean | number | string | Raw | Dup | J[] | { [key: string]: J };

function write(value: J): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Dup) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(",")}}`;
  if (Array.isArray(value)) return `[${value.map(write).join(",")}]`;
  if (value !== null && typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(",")}}`;
  return JSON.stringify(value);
}

const SURROGATES = ["\ud800x1", "\ud800", "\udfff", "a\ud83d", "\udc00\ud800", "x\udbff"];
const HUGE = ["1e400", "-1e400", "1e-400", "-0", "123456789012345678901234567890", "9007199254740993", "0.1e999999", "-123456789012345678901234567890.5"];
/** Stands for bytes that are not UTF-8: replaced in the encoded body. */
const BAD_UTF8_MARK = "~~BAD-UTF8~~";
const BAD_UTF8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xc0, 0xaf]];

function deep(depth: number, rng: Rng): Raw {
  const kind = rng.int(3);
  if (kind === 0) return new Raw(`${"[".repeat(depth)}${"]".repeat(depth)}`);
  if (kind === 1) return new Raw(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);
  return new Raw(`${'[{"v":'.repeat(depth)}"\\ud800"${"}]".repeat(depth)}`);
}

type Container = { [key: string]: J } | J[];
interface Slot {
  parent: Container;
  key: string | number;
  path: string;
}

/** Every place a value sits (object members and array items), outermost first. */
function slots(root: J): Slot[] {
  const found: Slot[] = [];
  const visit = (value: J, path: string) => {
    if (value instanceof Raw || value instanceof Dup || value === null || typeof value !== "object") return;
    const entries: [string | number, J][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = `${path}.${key}`;
      found.push({ parent: value, key, path: childPath });
      visit(child, childPath);
    }
  };
  visit(root, "$");
  return found;
}

function getSlot(slot: Slot): J {
  return (slot.parent as Record<string | number, J>)[slot.key]!;
}
function setSlot(slot: Slot, value: J): void {
  (slot.parent as Record<string | number, J>)[slot.key] = value;
}

function confusing(rng: Rng, old: J): J {
  return rng.pick<() => J>([
    () => 0,
    () => -1,
    () => 3.5,
    () => "",
    () => "x",
    () => true,
    () => null,
    () => [],
    () => ({}),
    () => [old],
    () => ({ v: old }),
    () => new Raw(rng.pick(HUGE)),
    () => rng.pick(SURROGATES),
  ])();
}

/** One mutation at one slot; returns its name for the report. */
function mutate(root: J, rng: Rng): string {
  const all = slots(root);
  if (all.length === 0) return "none";
  const slot = rng.pick(all);
  const old = getSlot(slot);
  const kind = rng.int(10);
  switch (kind) {
    case 0:
      setSlot(slot, rng.pick(SURROGATES));
      return `surrogate@${slot.path}`;
    case 1: {
      if (Array.isArray(slot.parent)) {
        setSlot(slot, [rng.pick(SURROGATES)]);
        return `surrogate-item@${slot.path}`;
      }
      const parent = slot.parent;
      delete parent[slot.key as string];
      parent[`${slot.key}${rng.pick(SURROGATES)}`] = old;
      return `surrogate-key@${slot.path}`;
    }
    case 2: {
      const depth = rng.pick([65, 200, 1000, 5000]);
      setSlot(slot, deep(depth, rng));
      return `deep${depth}@${slot.path}`;
    }
    case 3:
      setSlot(slot, confusing(rng, old));
      return `type@${slot.path}`;
    case 4:
      setSlot(slot, new Raw(rng.pick(HUGE)));
      return `huge@${slot.path}`;
    case 5:
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return `missing@${slot.path}`;
    case 6:
      setSlot(slot, "");
      return `empty@${slot.path}`;
    case 7: {
      if (old === null || typeof old !== "object" || Array.isArray(old) || old instanceof Raw || old instanceof Dup) {
        setSlot(slot, confusing(rng, old));
        return `type@${slot.path}`;
      }
      const entries = Object.entries(old);
      const [key, value] = entries.length ? rng.pick(entries) : ["id", null];
      const twin = confusing(rng, value);
      setSlot(slot, new Dup(rng.chance(0.5) ? [...entries, [key, twin]] : [[key, twin], ...entries]));
      return `duplicate-key@${slot.path}.${key}`;
    }
    case 8:
      setSlot(slot, typeof old === "string" ? `${old}${BAD_UTF8_MARK}` : BAD_UTF8_MARK);
      return `bad-utf8@${slot.path}`;
    default:
      // An object where an array is expected, and the other way round.
      if (Array.isArray(old)) setSlot(slot, Object.fromEntries(old.map((v, i) => [String(i), v])));
      else if (old !== null && typeof old === "object" && !(old instanceof Raw) && !(old instanceof Dup)) setSlot(slot, Object.values(old));
      else setSlot(slot, [old]);
      return `shape@${slot.path}`;
  }
}

function encode(text: string, rng: Rng): Buffer {
  if (!text.includes(BAD_UTF8_MARK)) return Buffer.from(text);
  const parts = text.split(BAD_UTF8_MARK);
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from(rng.pick(BAD_UTF8)), Buffer.from(part)])));
}

/** A whole body that is not the JSON object a platform sends. */
function notJson(text: string, rng: Rng): { name: string; bytes: Buffer } {
  const cut = rng.int(Math.max(1, text.length));
  return rng.pick<() => { name: string; bytes: Buffer }>([
    () => ({ name: "empty", bytes: Buffer.alloc(0) }),
    () => ({ name: "scalar", bytes: Buffer.from(rng.pick(["null", "true", "0", '"x"', "[]", "{}", "1e400", '"\\ud800"'])) }),
    () => ({ name: `truncated@${cut}`, bytes: Buffer.from(text.slice(0, cut)) }),
    () => ({ name: "trailing-garbage", bytes: Buffer.from(`${text}}garbage`) }),
    () => ({ name: "bom", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) }),
    () => ({ name: "random-bytes", bytes: randomBytesFrom(rng, rng.int(96)) }),
    () => ({ name: "array-wrapped", bytes: Buffer.from(`[${text}]`) }),
    () => ({ name: "deep-only", bytes: Buffer.from(`${"[".repeat(5000)}${"]".repeat(5000)}`) }),
    () => ({ name: "latin1", bytes: Buffer.from(text.replace(/"$/, ""), "latin1") }),
  ])();
}

function randomBytesFrom(rng: Rng, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => rng.int(256)));
}

// ---------------------------------------------------------------------------------------------
// Platforms: well-formed bodies, how each is signed (with the adapter's own sign(), as the
// simulator does; with its primitives where the bytes are not text), replies a person gives.

type Signing = "signed" | "unsigned" | "bad";
interface EndpointSetup {
  label: string;
  mode: "rules" | "manual" | "rules-then-manual";
  secrets: Record<string, string>;
  requireSignature?: boolean;
}
interface Platform {
  id: PlatformId;
  endpoints: EndpointSetup[];
  cases: number;
  rules: { match: { on: string; pattern: string }; reply: unknown }[];
  /** A well-formed body; `rule` makes it one the endpoint's rule matches. */
  template(i: number, rng: Rng, rule?: boolean): J;
  /** The request for these bytes, signed or not, for this endpoint. */
  request(bytes: Buffer, signing: Signing, setup: EndpointSetup, rng: Rng): RawCallback;
  reply: unknown;
}

const now = () => String(Math.floor(Date.now() / 1000));
const isText = (bytes: Buffer) => Buffer.from(bytes.toString("utf8")).equals(bytes);
const badHex = (rng: Rng, bytes: number) => randomBytesFrom(rng, bytes).toString("hex");

const qqSecrets = { appId: "102000001", secret: "fuzz-qq-bot-secret" };
const qq: Platform = {
  id: "qq",
  endpoints: (["rules", "manual", "rules-then-manual"] as const).map((mode) => ({ label: mode, mode, secrets: qqSecrets })),
  cases: 700,
  rules: [{ match: { on: "control", pattern: "buy_*" }, reply: { code: 3 } }],
  template(i, rng, rule) {
    const click = () =>
      qqInteractionDispatch(
        { id: rule ? "buy_red" : rng.pick(["buy_red", "other", ""]), data: rng.pick(["d", "回调", '{"a":1}']) },
        { userId: "u1", roles: [], isAdmin: false, scene: rng.pick(["group", "c2c", "guild"]) },
        { event: `fz-${i}`, now: new Date(1_700_000_000_000) },
      ) as unknown as J;
    if (rule) return click();
    return rng.pick<() => J>([
      click,
      click,
      click,
      click,
      () => ({ op: 13, d: { plain_token: `plain${i}`, event_ts: "1700000000" } }),
      () => ({ op: 1, d: i }),
      () => ({ op: 0, s: 2, t: "GROUP_AT_MESSAGE_CREATE", id: `GROUP_AT:${i}`, d: { id: `m-${i}`, content: "hi", author: { member_openid: "u" } } }),
    ])();
  },
  request(bytes, signing, _setup, rng) {
    const timestamp = now();
    if (signing === "unsigned") return { headers: new Headers(), body: bytes };
    const headers =
      signing === "bad"
        ? { "x-signature-ed25519": badHex(rng, 64), "x-signature-timestamp": timestamp }
        : isText(bytes)
          ? qqInbound.sign(bytes.toString("utf8"), timestamp, qqSecrets, Buffer.alloc(32)).headers
          : { "x-signature-ed25519": signQq(qqSecrets.secret, timestamp, bytes), "x-signature-timestamp": timestamp };
    return { headers: new Headers(headers), body: bytes };
  },
  reply: { code: 0 },
};

const discord: Platform = {
  id: "discord",
  endpoints: (["rules", "manual", "rules-then-manual"] as const).map((mode) => ({ label: mode, mode, secrets: { publicKey: DISCORD_PUBLIC_KEY } })),
  // Tokens repeat every 200 cases: the simulator remembers only the newest 1,000 it sent.
  cases: 700,
  rules: [{ match: { on: "control", pattern: "buy_*" }, reply: { type: 4, data: { content: "Bought!" } } }],
  template(i, rng, rule) {
    const base = { id: `fz-${i}`, application_id: "app-fuzz", token: `tok-${i % 200}`, version: 1, guild_id: "g1", member: { user: { id: "u1", username: "u" } } };
    const click = () => ({ ...base, type: 3, message: { id: "m1" }, data: { custom_id: rule ? "buy_red" : rng.pick(["buy_red", "other"]), component_type: rng.pick([2, 3]), values: ["a", "b"] } });
    if (rule) return click();
    return rng.pick<() => J>([
      click,
      click,
      click,
      () => ({ ...base, type: 2, data: { id: "c1", name: "ping", type: 1, guild_id: "g1", options: [{ name: "x", type: 3, value: "y" }] } }),
      () => ({ ...base, type: 1 }),
      () => ({ ...base, type: 4, data: { name: "ping", options: [] } }),
      () => ({ ...base, type: 5, data: { custom_id: "modal", components: [{ type: 1, components: [{ type: 4, custom_id: "f", value: "v" }] }] } }),
      () => ({ ...base, type: 9 }),
    ])();
  },
  request(bytes, signing, _setup, rng) {
    const timestamp = now();
    if (signing === "unsigned") return { headers: new Headers(), body: bytes };
    const headers =
      signing === "bad"
        ? { "x-signature-ed25519": badHex(rng, 64), "x-signature-timestamp": timestamp }
        : isText(bytes)
          ? discordInbound.sign(bytes.toString("utf8"), timestamp, { publicKey: DISCORD_PUBLIC_KEY }, DISCORD_SEED).headers
          : { "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, bytes), "x-signature-timestamp": timestamp };
    return { headers: new Headers(headers), body: bytes };
  },
  reply: { type: 4, data: { content: "By hand" } },
};

const feishuPlain = { appId: "cli_fuzz", appSecret: "fuzz-app-secret", verificationToken: "fuzz-verification-token" };
const feishuEncrypted = { ...feishuPlain, encryptKey: "fuzz-encrypt-key" };
const feishuCard = { schema: "2.0", body: { elements: [{ tag: "markdown", content: "**done**" }] } };
const feishu: Platform = {
  id: "feishu",
  endpoints: (["rules", "manual", "rules-then-manual"] as const).flatMap((mode) => [
    { label: `${mode} plain`, mode, secrets: feishuPlain },
    { label: `${mode} encrypted`, mode, secrets: feishuEncrypted },
  ]),
  cases: 350,
  rules: [{ match: { on: "value", pattern: '{"action":"approve"}' }, reply: { toast: { type: "success", content: "ok" } } }],
  template(i, rng, rule) {
    const header = (type: string) => ({ event_id: `fz-${i}`, token: feishuPlain.verificationToken, create_time: "1700000000000000", event_type: type, tenant_key: "t", app_id: feishuPlain.appId });
    const context = { open_message_id: "om_1", open_chat_id: "oc_1" };
    const action = () => ({ value: { action: rule ? "approve" : rng.pick(["approve", "deny"]) }, tag: "button", name: "approve", ...(rng.chance(0.3) ? { form_value: { f: "x", n: 1 } } : {}) });
    const card = () => ({ schema: "2.0", header: header("card.action.trigger"), event: { operator: { open_id: "ou_1", user_id: "u1" }, token: `c-${i}`, action: action(), host: "im_message", context } });
    if (rule) return card();
    return rng.pick<() => J>([
      card,
      card,
      card,
      () => ({ schema: "2.0", header: header("url.preview.get"), event: { operator: { open_id: "ou_1" }, host: "im_message", context: { ...context, url: "https://docs.example/a", preview_token: `p-${i}` } } }),
      () => ({ type: "url_verification", challenge: `ch-${i}`, token: feishuPlain.verificationToken }),
      () => ({ open_id: "ou_1", user_id: "u1", open_message_id: "om_1", open_chat_id: "oc_1", tenant_key: "t", token: `v1-${i}`, action: action() }),
      () => ({ uuid: `u-${i}`, token: feishuPlain.verificationToken, ts: "1", type: "event_callback", event: { type: "message" } }),
      () => ({ schema: "2.0", header: header("im.message.receive_v1"), event: { message: { message_id: `om-${i}` } } }),
    ])();
  },
  request(bytes, signing, setup, rng) {
    const timestamp = now();
    const nonce = badHex(rng, 8);
    const text = bytes.toString("utf8");
    const lark = (signature: string) => new Headers({ "X-Lark-Request-Timestamp": timestamp, "X-Lark-Request-Nonce": nonce, "X-Lark-Signature": signature });
    const key = setup.secrets.encryptKey;
    if (signing === "unsigned") return { headers: new Headers(), body: Buffer.from(text.replaceAll(feishuPlain.verificationToken, "not-the-token")) };
    if (signing === "bad") return { headers: lark(badHex(rng, 32)), body: key && rng.chance(0.5) ? Buffer.from(JSON.stringify({ encrypt: encryptFeishu(text, key) })) : bytes };
    // As the simulator: the adapter's sign() fills in the token, encrypts and signs. Half the time (and for
    // bytes that are not text, or bodies its JSON.stringify cannot write) the same steps from its primitives,
    // so raw numbers and repeated keys reach the endpoint as written.
    if (isText(bytes) && rng.chance(0.5)) {
      try {
        const signed = feishuInbound.sign(text, timestamp, setup.secrets as typeof feishuEncrypted, Buffer.alloc(32));
        return { headers: new Headers(signed.headers), body: Buffer.from(signed.body) };
      } catch {
        // A body the simulator could not sign (5,000 levels deep): built from the primitives below.
      }
    }
    const legacy = /^\{"open_id"/.test(text);
    if (legacy) return { headers: lark(feishuLegacySignature(timestamp, nonce, feishuPlain.verificationToken, bytes)), body: bytes };
    if (!key) return { headers: new Headers(), body: bytes };
    const sent = isText(bytes) && rng.chance(0.7) ? Buffer.from(JSON.stringify({ encrypt: encryptFeishu(text, key) })) : bytes;
    return { headers: lark(feishuSignature(timestamp, nonce, key, sent)), body: sent };
  },
  reply: { card: { type: "raw", data: feishuCard } },
};

const easemobSecrets = { appKey: "org#fuzz", secret: "easemob-fuzz-secret" };
const easemob: Platform = {
  id: "easemob",
  endpoints: [
    { label: "rules", mode: "rules", secrets: easemobSecrets },
    { label: "manual, signature optional", mode: "manual", secrets: easemobSecrets, requireSignature: false },
    { label: "rules-then-manual", mode: "rules-then-manual", secrets: easemobSecrets },
  ],
  cases: 700,
  rules: [],
  template(i, rng) {
    const callId = `${easemobSecrets.appKey}_fz-${i}`;
    const timestamp = 1_700_000_000_000 + i;
    const common = { callId, timestamp, security: easemobSecurity(callId, easemobSecrets.secret, String(timestamp)), appkey: easemobSecrets.appKey, from: "u1", to: "u2", msg_id: `m${i}` };
    const reaction = () => ({
      ...common,
      chat_type: "notify",
      eventType: "chat",
      payload: {
        type: "reaction",
        channel_type: "chat",
        num: 1,
        data: [{ messageId: `msg-${rng.int(5)}`, from: "u1", to: "u2", channel_type: "chat", ts: timestamp, reactions: [{ reaction: "👍", userList: ["u1", "u3"], count: 2, op: [{ reactionType: rng.pick(["create", "delete"]), operator: "u1" }] }] }],
      },
    });
    return rng.pick<() => J>([
      reaction,
      reaction,
      () => ({ ...common, chat_type: "chat", eventType: "chat", payload: { type: "chat", bodies: [{ type: "txt", msg: "hi" }], ext: {} } }),
      () => ({ ...common, chat_type: "groupchat", eventType: "thread", payload: { type: "thread", data: { id: `t-${i}`, name: "topic", operation: "create", from: "u1" } } }),
    ])();
  },
  request(bytes, signing, _setup, rng) {
    const headers = new Headers({ "content-type": "application/json" });
    const text = bytes.toString("utf8");
    // Easemob signs inside the body: the templates carry a correct `security`; sign() (the simulator's) re-signs.
    if (signing === "unsigned") return { headers, body: Buffer.from(text.replace(/"security":"[0-9a-f]{32}",?/, "")) };
    if (signing === "bad") return { headers, body: Buffer.from(text.replace(/"security":"[0-9a-f]{32}"/, `"security":"${badHex(rng, 16)}"`)) };
    if (isText(bytes) && rng.chance(0.3)) return { headers, body: Buffer.from(easemobInbound.sign(text, now(), easemobSecrets, Buffer.alloc(32)).body) };
    return { headers, body: bytes };
  },
  reply: {},
};

// ---------------------------------------------------------------------------------------------
// Running: every case through the callback path, then a person's answers, then every read.

interface Failure {
  where: string;
  body: string;
  error: string;
}

/** The body as a JSON string literal (escapes show lone surrogates), or hex when it is not text. */
function shownBody(bytes: Buffer | string): string {
  const text = typeof bytes === "string" ? bytes : isText(bytes) ? bytes.toString("utf8") : null;
  const shown = text === null ? `hex:${(bytes as Buffer).toString("hex")}` : JSON.stringify(text);
  return shown.length > 600 ? `${shown.slice(0, 600)}… (${shown.length} chars)` : shown;
}

function describeError(error: unknown): string {
  if (error instanceof HttpError) return `HttpError ${error.status} ${error.code}`;
  if (error instanceof Error) return `${error.name}: ${error.message}\n${(error.stack ?? "").split("\n").slice(1, 5).join("\n")}`;
  return String(error);
}

/** Runs `work` over `items`, `width` at a time (people answer side by side; the inspector reads in parallel). */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** A person's answer: fine when it succeeds or is refused with a 4xx; a throw of anything else or a 5xx is a failure. */
async function tryAnswer(id: string, reply: unknown): Promise<string | null> {
  try {
    await answerInteraction(db, id, reply, "en");
    return null;
  } catch (error) {
    return error instanceof HttpError && error.status < 500 ? null : describeError(error);
  }
}

async function answerPending(endpointId: string, reply: unknown, where: string, failures: Failure[]): Promise<number> {
  const rows = await db.interaction.findMany({ where: { endpointId, status: "pending" }, select: { id: true, body: true } });
  await inParallel(rows, 16, async (row) => {
    const error = await tryAnswer(row.id, reply);
    if (error) failures.push({ where: `${where}: answer ${row.id}`, body: shownBody(row.body), error });
  });
  return rows.length;
}

/** What GET /api/interactions and GET /api/interactions/:id do: read, then serialize. */
async function readEverything(db: Db, endpointId: string, where: string, failures: Failure[]): Promise<number> {
  let cursor: string | undefined;
  let read = 0;
  for (let page = 0; page < 1000; page++) {
    let items: { id: string }[];
    try {
      const result = await listInteractions(db, { endpointId, limit: 200, cursor });
      JSON.stringify(result);
      items = result.items;
      cursor = result.nextCursor ?? undefined;
    } catch (error) {
      failures.push({ where: `${where}: list page ${page}`, body: "", error: describeError(error) });
      return read;
    }
    await inParallel(items, 16, async (item) => {
      try {
        JSON.stringify(await getInteraction(db, item.id));
      } catch (error) {
        const row = await db.interaction.findUnique({ where: { id: item.id }, select: { body: true } });
        failures.push({ where: `${where}: detail ${item.id}`, body: shownBody(row?.body ?? ""), error: describeError(error) });
      }
      read++;
    });
    if (!cursor) break;
  }
  return read;
}

function report(platform: string, seed: number, failures: Failure[]): string[] {
  if (failures.length) {
    console.error(`callback fuzz (${platform}) failed with FUZZ_SEED=0x${seed.toString(16)}:\n${failures.map((f) => `- ${f.where}\n  body: ${f.body}\n  ${f.error.replaceAll("\n", "\n  ")}`).join("\n")}`);
  }
  // One line each, so the assertion diff lists every distinct failure.
  return [...new Set(failures.map((f) => `${f.where.replace(/ [0-9a-f-]{36}/g, "")} → ${f.error.split("\n")[0]}`))];
}

/** Ids for the named cases and the final clicks, apart from the fuzz's (endpoint k uses k × 100,000 onwards). */
let caseCounter = 10_000_000;

type Totals = { sent: number; signed: number; answered: number; read: number; outcomes: Map<string, number> };

/** One endpoint's share, from its own PRNG stream (endpoints run side by side, so holds overlap). */
async function fuzzEndpoint(platform: Platform, setup: EndpointSetup, seed: number, first: number, failures: Failure[]): Promise<Totals> {
  const rng = new Rng(seed);
  const totals: Totals = { sent: 0, signed: 0, answered: 0, read: 0, outcomes: new Map() };
  const endpoint = await createEndpoint(
    db,
    { platform: platform.id, name: `fuzz ${platform.id} ${setup.label}`, mode: setup.mode, requireSignature: setup.requireSignature ?? true, apiBaseUrl: platform.id === "easemob" ? undefined : apiBase, secrets: setup.secrets, rules: platform.rules },
    "http://localhost",
    "en",
  );
  const where = `${platform.id} ${setup.label}`;
  const runs: Promise<void>[] = [];
  for (let n = 0; n < (PER_ENDPOINT ?? platform.cases); n++) {
    const i = first + n;
    const value = platform.template(i, rng);
    const mutations = rng.chance(0.1) ? [] : Array.from({ length: 1 + rng.int(rng.chance(0.8) ? 1 : 3) }, () => mutate(value, rng));
    let name = mutations.join("+") || "well-formed";
    let bytes = encode(write(value), rng);
    if (rng.chance(0.08)) {
      const whole = notJson(write(value).replaceAll(BAD_UTF8_MARK, ""), rng);
      name = `not-json:${whole.name}`;
      bytes = whole.bytes;
    }
    const signing: Signing = rng.chance(0.7) ? "signed" : rng.pick(["unsigned", "bad"] as const);
    if (signing === "signed") totals.signed++;
    const raw = platform.request(bytes, signing, setup, rng);
    // The simulator notes the bodies it sends as the platform (Discord's interaction tokens become valid).
    await noteSentBody(platform.id, raw.body.toString("utf8"));
    const label = `${where} case ${i} (${name}, ${signing})`;
    totals.sent++;
    runs.push(
      handleCallback(endpoint.id, raw, deps).then(
        (answer) => {
          if (answer.status >= 500) failures.push({ where: label, body: shownBody(raw.body), error: `status ${answer.status} ${JSON.stringify(answer.body)}` });
          const code = (answer.body as { error?: { code?: string } } | null)?.error?.code;
          const outcome = `${answer.status}${code ? ` ${code}` : ""}`;
          totals.outcomes.set(outcome, (totals.outcomes.get(outcome) ?? 0) + 1);
        },
        (error: unknown) => void failures.push({ where: label, body: shownBody(raw.body), error: describeError(error) }),
      ),
    );
  }
  // A person answers what is held while it is held, then (after the fallbacks) what is still pending.
  await sleep(150);
  totals.answered += await answerPending(endpoint.id, platform.reply, `${where} (in time)`, failures);
  await Promise.all(runs);
  totals.answered += await answerPending(endpoint.id, platform.reply, `${where} (late)`, failures);
  // Answers to rows that are not pending, and replies that are not replies, are refused with 4xx.
  const others = await db.interaction.findMany({ where: { endpointId: endpoint.id, status: { not: "pending" } }, select: { id: true, body: true }, take: 20 });
  for (const [k, row] of others.entries()) {
    const error = await tryAnswer(row.id, [platform.reply, null, [], { type: "4" }, { code: "0" }][k % 5]);
    if (error) failures.push({ where: `${where}: answer a non-pending row`, body: shownBody(row.body), error });
  }
  await simulatorQuiet();
  totals.read += await readEverything(db, endpoint.id, where, failures);
  return totals;
}

async function fuzzPlatform(platform: Platform): Promise<Totals & { failures: Failure[] }> {
  const seed = (SEED ^ [...platform.id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261)) >>> 0;
  const failures: Failure[] = [];
  const parts = await Promise.all(platform.endpoints.map((setup, k) => fuzzEndpoint(platform, setup, (seed + k * 7919) >>> 0, (k + 1) * 100_000, failures)));
  const sum = (key: Exclude<keyof Totals, "outcomes">) => parts.reduce((total, part) => total + part[key], 0);
  const outcomes = new Map<string, number>();
  for (const part of parts) for (const [outcome, count] of part.outcomes) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + count);
  return { failures, sent: sum("sent"), signed: sum("signed"), answered: sum("answered"), read: sum("read"), outcomes };
}

// ---------------------------------------------------------------------------------------------
// After the fuzz: a signed, well-formed click still gets its normal answer.

async function normalAnswer(platform: Platform, setup: EndpointSetup): Promise<void> {
  const endpoint = await createEndpoint(
    db,
    { platform: platform.id, name: `normal ${platform.id} ${setup.label}`, mode: setup.mode, requireSignature: setup.requireSignature ?? true, apiBaseUrl: platform.id === "easemob" ? undefined : apiBase, secrets: setup.secrets, rules: platform.rules },
    "http://localhost",
    "en",
  );
  const rng = new Rng(1);
  const i = ++caseCounter;
  let raw: RawCallback;
  do raw = platform.request(Buffer.from(write(platform.template(i, rng, true))), "signed", setup, rng);
  while (platform.id === "feishu" && !setup.secrets.encryptKey && raw.headers.has("x-lark-signature"));
  await noteSentBody(platform.id, raw.body.toString("utf8"));
  const byRule = setup.mode !== "manual" && platform.rules.length > 0;
  const answer = handleCallback(endpoint.id, raw, deps);
  if (platform.id === "easemob") {
    expect(await answer).toEqual({ status: 200, body: {} });
    expect((await db.interaction.findMany({ where: { endpointId: endpoint.id } })).map((r) => r.status)).toEqual(["received"]);
    return;
  }
  if (platform.id === "qq") {
    // The default result delivery is "both" (lib/platforms/qq/delivery.ts): a rule's code rides in the acknowledgement too;
    // manual: nobody answered in the hold window, so a plain acknowledgement and the code by PUT only.
    expect(await answer).toEqual({ status: 200, body: byRule ? { op: 12, d: 0, code: 3 } : { op: 12, d: 0 } });
    const row = await db.interaction.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    if (byRule) expect([row.status, row.replySource, row.reply]).toEqual(["answered", "rule", '{"code":3}']);
    else {
      expect(row.status).toBe("pending");
      expect(await answerInteraction(db, row.id, platform.reply, "en")).toEqual({ delivered: "api" });
    }
    const puts = async () => (await recordedCalls()).filter((c) => c.method === "PUT" && c.path === `/interactions/fz-${i}`);
    for (let k = 0; k < 100 && (await puts()).length === 0; k++) await sleep(20);
    expect((await puts()).map((c) => c.body)).toEqual([byRule ? { code: 3 } : { code: 0 }]);
    return;
  }
  if (byRule) {
    expect(await answer).toEqual({ status: 200, body: platform.rules[0]!.reply });
    return;
  }
  let row = null;
  for (let k = 0; k < 200 && !row; k++) {
    row = await db.interaction.findFirst({ where: { endpointId: endpoint.id, status: "pending" } });
    if (!row) await sleep(5);
  }
  expect(row).not.toBeNull();
  expect(await answerInteraction(db, row!.id, platform.reply, "en")).toEqual({ delivered: "response" });
  expect(await answer).toEqual({ status: 200, body: platform.reply });
}

describe.each([qq, discord, feishu, easemob])("callback fuzz: $id", (platform) => {
  it(
    "never throws nor answers ≥ 500, for the callback, a person's answers and every read; a well-formed click still gets its answer",
    async () => {
      const { failures, sent, signed, answered, read, outcomes } = await fuzzPlatform(platform);
      if (process.env.FUZZ_VERBOSE) console.log(platform.id, { sent, signed, answered, read }, Object.fromEntries([...outcomes].sort()));
      expect(sent).toBeGreaterThanOrEqual(Math.min(2000, (PER_ENDPOINT ?? platform.cases) * platform.endpoints.length));
      expect(signed).toBeGreaterThan(sent / 2);
      expect(read).toBeGreaterThan(0);
      // Every reply mode actually left something for a person (not Easemob: its callbacks want only a 200).
      if (platform.id !== "easemob") expect(answered).toBeGreaterThan(0);
      expect(report(platform.id, SEED, failures)).toEqual([]);
      // The bodies reached every stage: accepted ones, and refused ones of each kind.
      const refusals = { qq: ["401 bad_signature"], discord: ["401 bad_signature"], feishu: ["401 bad_token", "401 bad_signature"], easemob: ["401 bad_signature", "401 signature_missing"] }[platform.id];
      expect([...outcomes.keys()]).toEqual(expect.arrayContaining(["200", "400 invalid_payload", "400 too_deep", "400 malformed_string", ...refusals]));
      for (const setup of platform.endpoints) await normalAnswer(platform, setup);
    },
    120_000,
  );
});

// ---------------------------------------------------------------------------------------------
// The exact findings of issue 12, item 1, as named cases.

async function endpointFor(platform: PlatformId, mode: EndpointSetup["mode"], secrets: Record<string, string>) {
  return createEndpoint(db, { platform, name: `finding ${platform} ${mode}`, mode, requireSignature: true, apiBaseUrl: platform === "easemob" ? undefined : apiBase, secrets, rules: [] }, "http://localhost", "en");
}

function feishuDeepClick(where: "value" | "form_value", protocol: "plain" | "encrypted" | "v1"): { secrets: Record<string, string>; raw: RawCallback } {
  const nested = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
  const action = where === "value" ? `{"value":${nested},"tag":"button","name":"n"}` : `{"value":{"k":1},"tag":"button","name":"n","form_value":{"f":${nested}}}`;
  const timestamp = now();
  const nonce = "n0nce";
  if (protocol === "v1") {
    const body = `{"open_id":"ou","open_message_id":"om","token":"v1-deep-${where}","action":${action}}`;
    return { secrets: feishuPlain, raw: { headers: new Headers({ "X-Lark-Request-Timestamp": timestamp, "X-Lark-Request-Nonce": nonce, "X-Lark-Signature": feishuLegacySignature(timestamp, nonce, feishuPlain.verificationToken, body) }), body: Buffer.from(body) } };
  }
  const header = `{"event_id":"deep-${where}-${protocol}-${++caseCounter}","token":"${feishuPlain.verificationToken}","event_type":"card.action.trigger","app_id":"${feishuPlain.appId}"}`;
  const plain = `{"schema":"2.0","header":${header},"event":{"token":"c-deep","operator":{"open_id":"ou"},"action":${action}}}`;
  if (protocol === "plain") return { secrets: feishuPlain, raw: { headers: new Headers(), body: Buffer.from(plain) } };
  const sent = JSON.stringify({ encrypt: encryptFeishu(plain, feishuEncrypted.encryptKey) });
  return {
    secrets: feishuEncrypted,
    raw: { headers: new Headers({ "X-Lark-Request-Timestamp": timestamp, "X-Lark-Request-Nonce": nonce, "X-Lark-Signature": feishuSignature(timestamp, nonce, feishuEncrypted.encryptKey, sent) }), body: Buffer.from(sent) },
  };
}

/** A row as rows were stored before the adapters refused such bodies (the store and cache are the real ones). */
async function storedBeforeTheFix(endpointId: string, platform: PlatformId, body: string, extra: { status: string; replySource?: string; reply?: string }): Promise<{ id: string }> {
  const receivedAt = new Date();
  const id = `old-${++caseCounter}`;
  await insertInteraction({ id, endpointId, platform, eventId: id, kind: "button", status: extra.status, replySource: extra.replySource, reply: extra.reply, headers: "{}", body, receivedAt, deadlineAt: new Date(receivedAt.getTime() + 3000) });
  return { id };
}

const FINDINGS: [string, () => Promise<void>][] = [
  [
    'QQ: a signed INTERACTION_CREATE with d.id "\\ud800x1" on a rules endpoint is refused (400), not stored "answered" with no PUT',
    async () => {
      const endpoint = await endpointFor("qq", "rules", qqSecrets);
      const body = `{"op":0,"s":1,"t":"INTERACTION_CREATE","id":"x","d":{"id":"\\ud800x1","type":11,"scene":"group","data":{"type":11,"resolved":{"button_id":"b","button_data":"d"}}}}`;
      const answer = await handleCallback(endpoint.id, qq.request(Buffer.from(body), "signed", qq.endpoints[0]!, new Rng(1)), deps);
      expect(answer).toEqual({ status: 400, body: { error: { code: "malformed_string" } } });
      const rows = await db.interaction.findMany({ where: { endpointId: endpoint.id } });
      expect(rows.map((r) => [r.status, r.summary])).toEqual([["refused", "malformed_string"]]);
    },
  ],
  [
    'Discord: "token":"\\ud800" on a manual endpoint, then a person\'s reply: refused at once (400), nothing left to answer',
    async () => {
      const endpoint = await endpointFor("discord", "manual", { publicKey: DISCORD_PUBLIC_KEY });
      const body = `{"id":"tok-surrogate-${++caseCounter}","application_id":"app","type":3,"token":"\\ud800","member":{"user":{"id":"u"}},"data":{"custom_id":"c","component_type":2}}`;
      const raw = discord.request(Buffer.from(body), "signed", discord.endpoints[1]!, new Rng(1));
      // The signature is what Discord's own SDK accepts.
      expect(await verifyKey(raw.body, raw.headers.get("x-signature-ed25519")!, raw.headers.get("x-signature-timestamp")!, DISCORD_PUBLIC_KEY)).toBe(true);
      expect(await handleCallback(endpoint.id, raw, deps)).toEqual({ status: 400, body: { error: { code: "malformed_string" } } });
      expect(await db.interaction.count({ where: { endpointId: endpoint.id, status: "pending" } })).toBe(0);
    },
  ],
  [
    'Discord: a row stored before the fix with "token":"\\ud800" after its deferred fallback: a person\'s reply is a 4xx (410), not a 500',
    async () => {
      const endpoint = await endpointFor("discord", "manual", { publicKey: DISCORD_PUBLIC_KEY });
      const body = `{"id":"old","application_id":"app","type":3,"token":"\\ud800","data":{"custom_id":"c","component_type":2}}`;
      const row = await storedBeforeTheFix(endpoint.id, "discord", body, { status: "pending", replySource: "fallback", reply: '{"type":6}' });
      await expect(answerInteraction(db, row.id, { type: 4, data: { content: "late" } }, "en")).rejects.toMatchObject({ status: 410 });
    },
  ],
  ...(["plain", "encrypted", "v1"] as const).flatMap((protocol) =>
    (["value", "form_value"] as const).map((where): [string, () => Promise<void>] => [
      `Feishu (${protocol}): an authentic card.action.trigger whose event.action.${where} nests 5,000 levels gets a 4xx, not a 500`,
      async () => {
        const { secrets, raw } = feishuDeepClick(where, protocol);
        const endpoint = await endpointFor("feishu", "rules", secrets);
        const answer = await handleCallback(endpoint.id, raw, deps).catch((error: unknown) => ({ status: 500, body: describeError(error) }));
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
        expect(answer.status).toBeGreaterThanOrEqual(400);
      },
    ]),
  ),
  [
    "Discord: a stored callback with a field nested 4,500 levels: GET /api/interactions/:id reads and serializes it",
    async () => {
      const endpoint = await endpointFor("discord", "manual", { publicKey: DISCORD_PUBLIC_KEY });
      const body = `{"id":"deep","type":3,"token":"t","application_id":"app","data":{"custom_id":"c","x":${"[".repeat(4500)}${"]".repeat(4500)}}}`;
      const row = await storedBeforeTheFix(endpoint.id, "discord", body, { status: "answered", replySource: "rule", reply: '{"type":6}' });
      const detail = await getInteraction(db, row.id).then((d) => JSON.stringify(d).length, (error: unknown) => describeError(error));
      expect(typeof detail === "number" ? "ok" : detail).toBe("ok");
    },
  ],
  [
    "A cursor that decodes to a date outside the database's range (+010000-01-01…) is a 4xx on /api/interactions",
    async () => {
      const cursor = Buffer.from("+010000-01-01T00:00:00.000Z|x").toString("base64url");
      const outcome = await listInteractions(db, { cursor, limit: 50 }).then(
        () => "ok",
        (error: unknown) => (error instanceof HttpError && error.status < 500 ? "4xx" : describeError(error)),
      );
      expect(["ok", "4xx"]).toContain(outcome);
    },
  ],
];

describe("issue 12 item 1: the reported 500s", () => {
  it.each(FINDINGS)("%s", async (_name, run) => run(), 20_000);
});

describe("the fuzz's own generator", () => {
  it("is reproducible from its seed and writes what JSON.stringify cannot", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(write(new Dup([["id", "a"], ["id", new Raw("1e400")]]))).toBe('{"id":"a","id":1e400}');
    expect(write({ s: "\ud800x1" })).toBe('{"s":"\\ud800x1"}');
    expect([...encode(`{"s":"${BAD_UTF8_MARK}"}`, new Rng(1))].some((byte) => byte >= 0x80)).toBe(true);
    const sample = { a: { b: [1, "x"] } };
    expect(slots(sample).map((s) => s.path)).toEqual(["$.a", "$.a.b", "$.a.b.0", "$.a.b.1"]);
  });
});
