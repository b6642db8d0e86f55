import "server-only";

/**
 * The simulator's stand-in for the platforms' own APIs: point an endpoint's API
 * base URL at `<origin>/api/simulator/platform` and the replies Button Studio
 * sends (QQ token + PUT /interactions/{id}, Discord webhook edits) land here, so
 * the whole loop runs offline. Calls are kept in memory for the inspector and tests.
 */
export interface RecordedCall {
  at: string;
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

const CALL_LIMIT = 500;
const holder = globalThis as typeof globalThis & { __buttonStudioSimCalls?: RecordedCall[] };
const calls = (holder.__buttonStudioSimCalls ??= []);

export function recordedCalls(): RecordedCall[] {
  return [...calls];
}

/** A Feishu card as a delayed update left it, for "the card as updated" views. */
export interface SimulatedCard {
  token: string;
  card: unknown;
  at: string;
}

// 延时更新消息卡片: "同一个 token 只能使用 2 次"; a third use is code 300040 (its error table).
const FEISHU_TOKEN_USES = 2;
const FEISHU_TOKEN_OVERUSED = 300040;
const CARD_LIMIT = 200;
interface FeishuState {
  uses: Map<string, number>;
  cards: SimulatedCard[];
}
const feishuHolder = globalThis as typeof globalThis & { __buttonStudioSimCards?: FeishuState };
const feishu: FeishuState = (feishuHolder.__buttonStudioSimCards ??= { uses: new Map<string, number>(), cards: [] as SimulatedCard[] });

/** Cards updated through the simulated card/update API, newest last. */
export function simulatedCards(): SimulatedCard[] {
  return [...feishu.cards];
}

function updateFeishuCard(body: unknown): { status: number; body: unknown } {
  const token = body && typeof body === "object" && "token" in body && typeof body.token === "string" ? body.token : "";
  const card = body && typeof body === "object" && "card" in body ? body.card : undefined;
  // 10002 "card 参数校验错误" stands for both missing members here.
  if (!token || !card || typeof card !== "object") return { status: 200, body: { code: 10002, msg: "token and card are required" } };
  const used = feishu.uses.get(token) ?? 0;
  if (used >= FEISHU_TOKEN_USES) return { status: 200, body: { code: FEISHU_TOKEN_OVERUSED, msg: "the token has been used the maximum number of times" } };
  feishu.uses.set(token, used + 1);
  feishu.cards.push({ token, card, at: new Date().toISOString() });
  if (feishu.cards.length > CARD_LIMIT) feishu.cards.splice(0, feishu.cards.length - CARD_LIMIT);
  // Bounded like the cards: the oldest tokens are forgotten first (a Map iterates in insertion order).
  for (const key of feishu.uses.keys()) {
    if (feishu.uses.size <= CARD_LIMIT * 5) break;
    feishu.uses.delete(key);
  }
  return { status: 200, body: { code: 0, msg: "ok" } };
}

/** The app secret sent for a token (QQ clientSecret, Feishu app_secret) is never shown. */
function redactSecrets(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const shown: Record<string, unknown> = { ...body };
  for (const key of ["clientSecret", "app_secret"]) if (key in shown) shown[key] = "[redacted]";
  return shown;
}

/** Answers like the platform would; `path` is what follows the API base. */
export function answerPlatformCall(method: string, path: string, authorization: string | null, bodyText: string): { status: number; body: unknown } {
  let body: unknown = null;
  try {
    body = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    return { status: 400, body: { message: "invalid JSON" } };
  }
  // Recorded calls are shown to users: the app secret sent for a token never is.
  calls.push({ at: new Date().toISOString(), method, path, authorization, body: redactSecrets(body) });
  if (calls.length > CALL_LIMIT) calls.splice(0, calls.length - CALL_LIMIT);
  // QQ getAppAccessToken: expires_in is a string in the docs' example (api-use.md).
  if (method === "POST" && path === "/app/getAppAccessToken") return { status: 200, body: { access_token: "SIMULATED_ACCESS_TOKEN", expires_in: "7200" } };
  if (method === "PUT" && /^\/interactions\/[^/]+$/.test(path)) return { status: 200, body: {} };
  if ((method === "PATCH" || method === "POST") && /^\/webhooks\/[^/]+\/[^/]+/.test(path)) return { status: 200, body: { id: "SIMULATED_MESSAGE" } };
  // Feishu tenant_access_token (自建应用获取 tenant_access_token): expire is in seconds.
  if (method === "POST" && path === "/open-apis/auth/v3/tenant_access_token/internal") {
    return { status: 200, body: { code: 0, msg: "ok", tenant_access_token: "SIMULATED_TENANT_TOKEN", expire: 7200 } };
  }
  if (method === "POST" && path === "/open-apis/interactive/v1/card/update") return updateFeishuCard(body);
  return { status: 404, body: { message: "the simulator does not know this API" } };
}
