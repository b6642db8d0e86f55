// Rows for scripts/bench-log.ts: interactions as the four platforms store them (bodies of ~1 KB shaped like
// their callbacks, Feishu's encrypted with the plaintext in `decoded`), spread as a busy studio's log would be.
// Deterministic (a seeded generator), so every run and both databases hold the same rows.

/** mulberry32: small, fast and reproducible; Math.random would make runs incomparable. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** An item by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let at = this.next() * total;
    for (const [value, weight] of items) {
      if ((at -= weight) < 0) return value;
    }
    return items.at(-1)![0];
  }
  /** Random-looking text cut from a pool made once: building strings a character at a time made seeding 1 M rows take minutes. */
  hex(length: number): string {
    return slice(HEX_POOL, this.int(POOL_SIZE - length), length);
  }
  digits(length: number): string {
    return String(1 + this.int(9)) + slice(DIGIT_POOL, this.int(POOL_SIZE - length), length - 1);
  }
  base64(length: number): string {
    return slice(BASE64_POOL, this.int(POOL_SIZE - length), length);
  }
}

const POOL_SIZE = 1 << 20;
function pool(alphabet: string): string {
  const rng = new Rng(alphabet.length);
  const chars: string[] = [];
  for (let i = 0; i < POOL_SIZE; i++) chars.push(alphabet[rng.int(alphabet.length)]!);
  return chars.join("");
}
const HEX_POOL = pool("0123456789abcdef");
const DIGIT_POOL = pool("0123456789");
const BASE64_POOL = pool("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
/** A flat copy: a slice of the 1 MiB pool would keep the whole pool alive in every row's string. */
const slice = (from: string, at: number, length: number) => (" " + from.slice(at, at + length)).slice(1);

export const BENCH_PLATFORMS = ["discord", "qq", "feishu", "easemob"] as const;
export type BenchPlatform = (typeof BENCH_PLATFORMS)[number];

/** The row as both databases take it (times as Dates; each seeder writes its own text form). */
export interface BenchRow {
  id: string;
  endpointId: string;
  platform: BenchPlatform;
  eventId: string;
  kind: string;
  status: string;
  actor: string | null;
  scene: string | null;
  control: string | null;
  data: string | null;
  subject: string | null;
  summary: string | null;
  headers: string;
  body: string;
  decoded: string | null;
  reply: string | null;
  replySource: string | null;
  receivedAt: Date;
  deadlineAt: Date | null;
  answeredAt: Date | null;
}

/** One endpoint per platform; shares of the log (Discord busiest, Easemob reactions least). */
export const BENCH_ENDPOINTS: readonly { id: string; platform: BenchPlatform; share: number }[] = [
  { id: "bench-discord", platform: "discord", share: 40 },
  { id: "bench-qq", platform: "qq", share: 25 },
  { id: "bench-feishu", platform: "feishu", share: 20 },
  { id: "bench-easemob", platform: "easemob", share: 15 },
];

/** Secrets of the right shape per platform (sealed when seeded): the export's detail opens them to redact with. */
export const BENCH_SECRETS: Record<BenchPlatform, Record<string, string>> = {
  discord: { publicKey: "e4fd965861a373a0f2766b69e351ed666ab26a12f350f6cd0f37e7b4f3b1f0a2" },
  qq: { appId: "102000001", secret: "bench-qq-secret" },
  feishu: { appId: "cli_bench", appSecret: "bench-app-secret", verificationToken: "bench-verification-token" },
  easemob: { appKey: "bench#app", secret: "bench-easemob-secret" },
};

const ENDPOINT_WEIGHTS = BENCH_ENDPOINTS.map((e) => [e, e.share] as const);

/** Users, controls and words the rows draw from: how many rows share a value decides how selective a search is. */
const USERS = 20_000;
const CONTROLS = ["vote:yes", "vote:no", "menu:open", "menu:close", "order:confirm", "order:cancel", "page:next", "page:prev", "ticket:claim", "ticket:close", "role:add", "role:remove", "poll:option", "help", "refresh"];
const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu"];
const EMOJI = ["👍", "🎉", "❤️", "😂", "🔥", "👀"];

/** Rare on purpose: one interaction in ~2,000 failed (its reply could not be delivered). */
function interactiveStatus(rng: Rng): { status: string; replySource: string | null } {
  return rng.weighted([
    [{ status: "answered", replySource: "rule" }, 70],
    [{ status: "answered", replySource: "manual" }, 14],
    [{ status: "answered", replySource: "fallback" }, 8],
    [{ status: "expired", replySource: null }, 7.9],
    [{ status: "pending", replySource: null }, 0.05],
    [{ status: "failed", replySource: "manual" }, 0.05],
  ] as const);
}

const userId = (platform: BenchPlatform, n: number) =>
  platform === "discord" ? `8${String(n * 7919 + 1e16).padStart(17, "0")}` : platform === "feishu" ? `ou_${(n * 2654435761 >>> 0).toString(16).padStart(8, "0")}${n.toString(36)}` : platform === "qq" ? `E7A${(n * 40503 >>> 0).toString(16).toUpperCase().padStart(8, "0")}B${n}` : `user_${n}`;

/** A user id of the bench's population, for searches that hit a few dozen rows. */
export const benchUserId = userId;

function discordBody(rng: Rng, eventId: string, user: string, control: string, kind: string, at: Date): string {
  const guild = "91234567890123456";
  const data = kind === "command" ? { id: rng.digits(18), name: control.split(":")[0], type: 1, options: [{ name: "text", type: 3, value: rng.pick(WORDS) }] } : { component_type: 2, custom_id: control };
  return JSON.stringify({
    app_permissions: "2248473465835073",
    application_id: "1234567890123456789",
    authorizing_integration_owners: { "0": guild },
    channel: { flags: 0, guild_id: guild, id: "1100000000000000042", last_message_id: rng.digits(19), name: "general", nsfw: false, parent_id: null, permissions: "2248473465835073", position: 0, rate_limit_per_user: 0, topic: null, type: 0 },
    channel_id: "1100000000000000042",
    context: 0,
    data,
    entitlement_sku_ids: [],
    entitlements: [],
    guild: { features: [], id: guild, locale: "en-US" },
    guild_id: guild,
    guild_locale: "en-US",
    id: eventId,
    locale: rng.pick(["en-US", "en-GB", "zh-CN", "de", "fr"]),
    member: {
      avatar: null, deaf: false, flags: 0, joined_at: "2025-03-14T09:26:53.589000+00:00", mute: false, nick: null, pending: false, permissions: "2248473465835073", premium_since: null, roles: [],
      user: { avatar: rng.hex(32), discriminator: "0", global_name: `${rng.pick(WORDS)} ${rng.pick(WORDS)}`, id: user, public_flags: 0, username: `${rng.pick(WORDS)}_${user.slice(-5)}` },
    },
    message: { id: rng.digits(19), content: `Pick one (${rng.pick(WORDS)})`, timestamp: at.toISOString() },
    token: `aW50ZXJhY3Rpb246${rng.base64(150)}`,
    type: kind === "command" ? 2 : 3,
    version: 1,
  });
}

function qqBody(rng: Rng, eventId: string, user: string, control: string, data: string, at: Date): string {
  return JSON.stringify({
    op: 0,
    s: rng.int(100_000),
    t: "INTERACTION_CREATE",
    id: `INTERACTION_CREATE:${eventId}`,
    d: {
      application_id: "102041234",
      chat_type: 1,
      data: { resolved: { button_data: data, button_id: control, user_id: user, feature_id: "", message_id: `ROBOT1.0_${rng.base64(40)}` }, type: 11 },
      group_member_openid: user,
      group_openid: `C${rng.hex(31).toUpperCase()}`,
      id: eventId,
      scene: "group",
      timestamp: at.toISOString(),
      type: 11,
      version: 1,
    },
  });
}

function feishuPlain(rng: Rng, eventId: string, user: string, control: string, kind: string, at: Date): string {
  return JSON.stringify({
    schema: "2.0",
    header: { event_id: eventId, token: "[redacted:verificationToken]", create_time: `${at.getTime()}000`, event_type: kind === "preview" ? "url.preview.get" : "card.action.trigger", tenant_key: "2ed263bf32cf1651", app_id: "cli_a5bench0123456" },
    event: {
      operator: { tenant_key: "2ed263bf32cf1651", user_id: `u${rng.hex(7)}`, open_id: user, union_id: `on_${rng.hex(32)}` },
      token: `c-${rng.hex(40)}`,
      action: { value: { action: control, ticket: `T-${rng.int(50_000)}` }, tag: "button", name: control },
      host: "im_message",
      context: { open_message_id: `om_${rng.hex(32)}`, open_chat_id: `oc_${rng.hex(32)}` },
    },
  });
}

function easemobBody(rng: Rng, eventId: string, user: string, message: string, reaction: string, at: Date): string {
  const callId = `bench#app_${eventId}`;
  return JSON.stringify({
    callId,
    timestamp: at.getTime(),
    security: rng.hex(32),
    chat_type: "notify",
    appkey: "bench#app",
    eventType: "chat",
    msg_id: rng.digits(18),
    from: user,
    to: `user_${rng.int(USERS)}`,
    host: "msync-api-bench",
    payload: {
      type: "reaction",
      channel_type: "chat",
      num: 1,
      data: [{ messageId: message, from: user, to: `user_${rng.int(USERS)}`, channel_type: "chat", ts: at.getTime(), reactions: [{ reaction, userList: [user], count: 1 + rng.int(5), op: [{ reactionType: rng.pick(["create", "delete"]), operator: user }] }] }],
    },
  });
}

/** Unique by construction (the row number is in each), random-looking around it, shaped as each platform's. */
function eventIdOf(rng: Rng, platform: BenchPlatform, i: number): string {
  const n = i.toString(16).padStart(8, "0");
  if (platform === "discord") return `13${String(i).padStart(9, "0")}${rng.digits(8)}`;
  if (platform === "feishu") return `${rng.hex(24)}${n}`;
  if (platform === "qq") return `${n}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
  return `1${rng.digits(8)}${String(i).padStart(9, "0")}`;
}

function idOf(rng: Rng, i: number): string {
  const h = rng.hex(22);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-a${h.slice(15, 18)}-${h.slice(18, 22)}${i.toString(16).padStart(8, "0")}`;
}

/**
 * Row `i` of a log of `total` spread over 60 days up to `end`: newest last. Refused callbacks are kept to the
 * newest 200 per endpoint by the studio, so they sit at the end; failed deliveries are rare everywhere.
 */
export function benchRow(rng: Rng, i: number, total: number, end: Date): BenchRow {
  const spanMs = 60 * 86_400_000;
  const receivedAt = new Date(end.getTime() - spanMs + Math.floor(((i + rng.next()) * spanMs) / total));
  const endpoint = rng.weighted(ENDPOINT_WEIGHTS);
  const platform = endpoint.platform;
  const eventId = eventIdOf(rng, platform, i);
  const id = idOf(rng, i);
  const user = userId(platform, Math.floor(USERS * Math.pow(rng.next(), 2)));
  // The last 800 rows hold the refused callbacks (200 per endpoint kept), as pruning leaves them.
  if (i >= total - 800 && rng.next() < 0.25) {
    const code = rng.pick(["bad_signature", "signature_missing", "bad_token", "invalid_payload"]);
    return { id, endpointId: endpoint.id, platform, eventId: `refused:${id}`, kind: "event", status: "refused", actor: null, scene: null, control: null, data: null, subject: null, summary: code, headers: '{"content-type":"application/json"}', body: `{"id":"${eventId}","type":3,"forged":"${rng.base64(64)}"}`, decoded: null, reply: null, replySource: null, receivedAt, deadlineAt: null, answeredAt: null };
  }
  const base = { id, endpointId: endpoint.id, platform, eventId, receivedAt, headers: '{"content-type":"application/json","user-agent":"bench"}' };
  if (platform === "easemob") {
    const message = `m${rng.int(200_000)}`;
    const reaction = rng.pick(EMOJI);
    const kind = rng.next() < 0.95 ? "reaction" : "event";
    return { ...base, kind, status: "received", actor: user, scene: "chat", control: kind === "reaction" ? reaction : null, data: null, subject: message, summary: kind === "reaction" ? `${reaction} on ${message}` : "message recalled", body: easemobBody(rng, eventId, user, message, reaction, receivedAt), decoded: null, reply: null, replySource: null, deadlineAt: null, answeredAt: null };
  }
  const kind = platform === "discord" ? rng.weighted([["button", 80], ["command", 13], ["submit", 7]] as const) : platform === "feishu" ? rng.weighted([["button", 92], ["preview", 8]] as const) : "button";
  const control = rng.pick(CONTROLS);
  const data = platform === "qq" ? `${control}|${rng.pick(WORDS)}` : kind === "submit" ? JSON.stringify({ reason: rng.pick(WORDS) }) : null;
  const { status, replySource } = interactiveStatus(rng);
  const deadlineAt = new Date(receivedAt.getTime() + (platform === "qq" ? 15_000 : 3_000));
  const answeredAt = status === "answered" ? new Date(receivedAt.getTime() + rng.int(2_000)) : null;
  const reply = status === "answered" || status === "failed" ? JSON.stringify({ type: 4, data: { content: `OK, ${rng.pick(WORDS)}` } }) : null;
  const summary = `${kind} ${control} by ${user}`;
  const scene = platform === "discord" ? "guild" : platform === "qq" ? "group" : "im_message";
  let body: string;
  let decoded: string | null = null;
  if (platform === "discord") body = discordBody(rng, eventId, user, control, kind, receivedAt);
  else if (platform === "qq") body = qqBody(rng, eventId, user, control, data!, receivedAt);
  else {
    decoded = feishuPlain(rng, eventId, user, control, kind, receivedAt);
    // Ciphertext stands in for the encrypted body: base64 of the same length, never searched.
    body = `{"encrypt":"${rng.base64(Math.ceil(decoded.length * 1.34))}"}`;
  }
  return { ...base, kind, status, actor: user, scene, control, data, subject: null, summary, body, decoded, reply, replySource, deadlineAt, answeredAt };
}

/** A row with the search text a callback stores with it (lib/interactions/search-text.ts). */
export type SearchableBenchRow = BenchRow & { searchText: string };

/**
 * Rows 0 … total - 1 fast: building a fresh body costs ~50 µs, so the first TEMPLATES rows are built in full
 * and each later row copies one of them with its own id, event id (in the body and search text too) and
 * time. Values other than the event id then recur every TEMPLATES rows, as a busy log's users and controls
 * do. The last rows are built in full: they hold the refused callbacks the studio keeps.
 */
export function benchRows(total: number, end: Date, searchText: (row: BenchRow) => string, seed = 17): (i: number) => SearchableBenchRow {
  const rng = new Rng(seed);
  const TEMPLATES = 20_000;
  const templates: SearchableBenchRow[] = [];
  return (i) => {
    if (i < TEMPLATES || i >= total - 800) {
      const row = benchRow(rng, i, total, end);
      const full = { ...row, searchText: searchText(row) };
      if (i < TEMPLATES) templates.push(full);
      return full;
    }
    const t = templates[(i * 7919) % templates.length]!;
    const shift = end.getTime() - 60 * 86_400_000 + Math.floor(((i + rng.next()) * 60 * 86_400_000) / total) - t.receivedAt.getTime();
    const moved = (date: Date | null) => (date ? new Date(date.getTime() + shift) : null);
    const eventId = eventIdOf(rng, t.platform, i);
    const swap = (text: string | null) => (text === null ? null : text.replace(t.eventId, eventId));
    return { ...t, id: idOf(rng, i), eventId, body: swap(t.body)!, decoded: swap(t.decoded), searchText: swap(t.searchText)!, receivedAt: moved(t.receivedAt)!, deadlineAt: moved(t.deadlineAt), answeredAt: moved(t.answeredAt) };
  };
}
