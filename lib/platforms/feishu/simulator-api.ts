import "server-only";
import { z } from "zod";
import { parseStorableJson } from "@/lib/http/json-safety";
import { remember } from "@/lib/process/remember";
import { credentialOf, IssuedTokens } from "@/lib/simulator/issued-tokens";
import type { AppCredentials, SimulatorAnswer, SimulatorApi } from "../simulator-api";

/** 自建应用获取 tenant_access_token: `expire` in seconds, at most 2 hours; tokens look like "t-…". */
const TOKEN_LIFETIME_SEC = 7200;
const TOKEN_PREFIX = "t-";
const TOKEN_LIMIT = 1000;
const TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";
const CARD_UPDATE_PATH = "/open-apis/interactive/v1/card/update";
/** Cards kept for "the card as updated" views. */
const CARD_LIMIT = 200;
/** Update tokens whose first sighting and uses are counted at once (live ones are never forgotten). */
const CARD_TOKEN_LIMIT = 1000;
/**
 * 延时更新消息卡片: "延时更新所需的 token 有效期为 30 分钟". The adapter's lateBudget.windowMs says the
 * same and wins at each update; this only dates tokens before the first update call told the window.
 */
const CARD_TOKEN_WINDOW_MS = 30 * 60 * 1000;

/** A Feishu card as a delayed update left it. */
export interface SimulatedCard {
  token: string;
  card: unknown;
  at: string;
}

export type CardTokenVerdict = "ok" | "expired" | "exhausted" | "full";

/**
 * Card update tokens (event.token of a card callback) as Feishu counts them: valid for a window
 * from when the token was first seen (the callback the simulator sent, else its first update), and
 * good for `max` updates. A Map iterates in insertion order, which is first-sighting order, so the
 * oldest token is the first to expire. A live token's count is never dropped: when every slot holds
 * a live token a new one is refused instead.
 */
export class CardUpdateTokens {
  private readonly tokens = new Map<string, { firstSeen: number; used: number }>();
  private windowMs = CARD_TOKEN_WINDOW_MS;

  constructor(
    private readonly limit: number,
    // Read Date.now at each call, not once: a test that moves the clock (vi.setSystemTime) is seen.
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The token was handed out now (in a callback the simulator sent); a token already known keeps its date. */
  see(token: string): boolean {
    return this.entry(token) !== null;
  }

  /** One update with this token, under the budget's window and number of uses. */
  spend(token: string, budget: { max: number; windowMs: number } | undefined): CardTokenVerdict {
    if (budget) this.windowMs = budget.windowMs;
    const entry = this.entry(token);
    if (!entry) return "full";
    if (budget && this.now() - entry.firstSeen >= budget.windowMs) return "expired";
    if (budget && entry.used >= budget.max) return "exhausted";
    entry.used++;
    return "ok";
  }

  get size(): number {
    return this.tokens.size;
  }

  /** The token's record, made now if new; null when it is new and every slot holds a live token. */
  private entry(token: string): { firstSeen: number; used: number } | null {
    const known = this.tokens.get(token);
    if (known) return known;
    if (this.tokens.size >= this.limit && !this.forgetOldestExpired()) return null;
    const created = { firstSeen: this.now(), used: 0 };
    this.tokens.set(token, created);
    return created;
  }

  /**
   * Makes room only when full, and only from an expired token: expired tokens are kept as long as
   * there is room, so one that comes back is still refused. O(1): the oldest is the first to expire.
   */
  private forgetOldestExpired(): boolean {
    const oldest = this.tokens.entries().next();
    if (oldest.done || this.now() - oldest.value[1].firstSeen < this.windowMs) return false;
    this.tokens.delete(oldest.value[0]);
    return true;
  }
}

interface FeishuState {
  tenantTokens: IssuedTokens;
  cards: SimulatedCard[];
}
const state = () => remember<FeishuState>("simulator.feishu", () => ({ tenantTokens: new IssuedTokens(TOKEN_LIMIT, TOKEN_LIFETIME_SEC * 1000), cards: [] }));
const cardTokens = () => remember("simulator.feishu.cardTokens", () => new CardUpdateTokens(CARD_TOKEN_LIMIT));

const credentialsSchema = z.looseObject({ app_id: z.string().min(1).max(128), app_secret: z.string().min(1).max(512) });

function credentials(body: unknown): AppCredentials | null {
  const parsed = credentialsSchema.safeParse(body);
  return parsed.success ? { appId: parsed.data.app_id, secret: parsed.data.app_secret } : null;
}

// 通用错误码: 10014 app secret invalid; 99991661 missing and 99991663 invalid access token.
const badSecret: SimulatorAnswer = { status: 400, body: { code: 10014, msg: "app secret invalid" }, authenticated: false };
const missingToken: SimulatorAnswer = { status: 401, body: { code: 99991661, msg: "Missing access token for authorization. Please make a request with token attached." }, authenticated: false };
const invalidToken: SimulatorAnswer = { status: 401, body: { code: 99991663, msg: "Invalid access token for authorization. Please make a request with token attached." }, authenticated: false };

const ok = (body: unknown): SimulatorAnswer => ({ status: 200, body, authenticated: true });

/** The update token a card callback carries: event.token (schema 2.0) or the flat token of the old callback (§3.7). */
const sentCardSchema = z.looseObject({ schema: z.string(), header: z.looseObject({ event_type: z.literal("card.action.trigger") }), event: z.looseObject({ token: z.string().min(1).max(1024) }) });
const sentLegacyCardSchema = z.looseObject({ action: z.looseObject({}), token: z.string().min(1).max(1024) });

function sentCardToken(plaintext: string): string | null {
  const parsed = parseStorableJson(plaintext);
  if (!parsed.ok) return null;
  const card = sentCardSchema.safeParse(parsed.value);
  if (card.success) return card.data.event.token;
  const legacy = sentLegacyCardSchema.safeParse(parsed.value);
  return legacy.success && !("schema" in legacy.data) ? legacy.data.token : null;
}

/**
 * 延时更新消息卡片: the budget is the adapter's lateBudget. "token 有效期为 30 分钟，超时则无法更新卡片，
 * 且同一个 token 只能使用 2 次": a token used up answers its exhaustedCode (300040). No source read names
 * the code Feishu gives for an expired token, so an expired one answers the same exhausted code.
 */
function updateCard(body: unknown, budget: { max: number; windowMs: number; exhaustedCode?: number } | undefined): SimulatorAnswer {
  const parsed = z.looseObject({ token: z.string().min(1).max(1024), card: z.record(z.string(), z.unknown()) }).safeParse(body);
  // 10002 "card 参数校验错误" stands for both missing members here.
  if (!parsed.success) return ok({ code: 10002, msg: "token and card are required" });
  const { token, card } = parsed.data;
  const verdict = cardTokens().spend(token, budget);
  const exhaustedCode = budget?.exhaustedCode ?? 10002;
  if (verdict === "expired") return ok({ code: exhaustedCode, msg: "the token has expired: it is valid for 30 minutes" });
  if (verdict === "exhausted") return ok({ code: exhaustedCode, msg: "the token has been used the maximum number of times" });
  // The simulator's own bound, not Feishu's: no Feishu code, so nothing reads it as a spent token.
  if (verdict === "full") return { status: 429, body: { msg: `the simulator is tracking ${CARD_TOKEN_LIMIT} live card tokens; a new one is accepted once one expires` }, authenticated: true };
  const { cards } = state();
  cards.push({ token, card, at: new Date().toISOString() });
  if (cards.length > CARD_LIMIT) cards.splice(0, cards.length - CARD_LIMIT);
  return ok({ code: 0, msg: "ok" });
}

/**
 * Feishu's API as the simulator plays it: a tenant_access_token for a known app id and secret,
 * then `Authorization: Bearer t-…` on the card update API, which spends the update token's budget.
 */
export const feishuSimulatorApi: SimulatorApi = {
  credentials,
  secretFields: ["app_secret"],
  // A card callback the simulator sent dates its update token: the 30 minutes run from the click.
  sent(plaintext) {
    const token = sentCardToken(plaintext);
    if (token) cardTokens().see(token);
  },
  async answer(call, context) {
    if (call.method !== "POST") return null;
    if (call.path === TOKEN_PATH) {
      const given = credentials(call.body);
      if (!given || !(await context.knownApp(given))) return badSecret;
      const { token, expiresInSec } = state().tenantTokens.issue(given.appId, TOKEN_PREFIX);
      return ok({ code: 0, msg: "ok", tenant_access_token: token, expire: expiresInSec });
    }
    if (call.path === CARD_UPDATE_PATH) {
      const token = credentialOf(call.authorization, "Bearer");
      if (!token) return missingToken;
      if (state().tenantTokens.owner(token) === null) return invalidToken;
      return updateCard(call.body, context.lateBudget);
    }
    return null;
  },
  views: () => ({ cards: [...state().cards] }),
};
