import "server-only";
import { z } from "zod";
import { parseStorableJson } from "@/lib/http/json-safety";
import { credentialOf, IssuedTokens } from "@/lib/simulator/issued-tokens";
import { FULL, instanceState, simulatorStore, type SimulatorStore } from "@/lib/simulator/store";
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

interface CardTokenRecord {
  firstSeen: number;
  used: number;
}

/**
 * Card update tokens (event.token of a card callback) as Feishu counts them: valid for a window
 * from when the token was first seen (the callback the simulator sent, else its first update), and
 * good for `max` updates. Records are kept in first-sighting order, so the oldest token is the first
 * to expire. A live token's count is never dropped: when every slot holds a live token a new one is
 * refused instead. Kept in the simulator's store: on PostgreSQL every instance counts the same uses.
 */
export class CardUpdateTokens {
  constructor(
    private readonly limit: number,
    // Read Date.now at each call, not once: a test that moves the clock (vi.setSystemTime) is seen.
    private readonly now: () => number = () => Date.now(),
    private readonly store: () => SimulatorStore = simulatorStore,
    private readonly kind = "feishu.cardTokens",
  ) {}

  /** The token was handed out now (in a callback the simulator sent); a token already known keeps its date. */
  async see(token: string): Promise<boolean> {
    const now = this.now();
    const seen = await this.store().update<CardTokenRecord, true>(this.kind, token, (known) => (known ? { result: true } : { value: { firstSeen: now, used: 0 }, result: true }), this.options(now, CARD_TOKEN_WINDOW_MS));
    return seen !== FULL;
  }

  /** One update with this token, under the budget's window and number of uses. */
  async spend(token: string, budget: { max: number; windowMs: number } | undefined): Promise<CardTokenVerdict> {
    const now = this.now();
    const verdict = await this.store().update<CardTokenRecord, CardTokenVerdict>(
      this.kind,
      token,
      (known) => {
        const entry = known ?? { firstSeen: now, used: 0 };
        // A token new here is recorded whatever the verdict: its window runs from now.
        const keep = known ? {} : { value: entry };
        if (budget && now - entry.firstSeen >= budget.windowMs) return { ...keep, result: "expired" };
        if (budget && entry.used >= budget.max) return { ...keep, result: "exhausted" };
        return { value: { ...entry, used: entry.used + 1 }, result: "ok" };
      },
      this.options(now, budget?.windowMs ?? CARD_TOKEN_WINDOW_MS),
    );
    return verdict === FULL ? "full" : verdict;
  }

  /** How many tokens are counted. */
  size(): Promise<number> {
    return this.store().count(this.kind);
  }

  /**
   * Makes room only when full, and only from expired tokens, oldest first: expired tokens are kept as
   * long as there is room, so one that comes back is still refused.
   */
  private options(now: number, windowMs: number) {
    return { limit: this.limit, evictable: (oldest: CardTokenRecord) => now - oldest.firstSeen >= windowMs };
  }
}

const CARDS = "feishu.cards";
/** Signed: any instance verifies a token another issued (lib/simulator/issued-tokens.ts). */
const tenantTokens = () => instanceState("feishu.tenantTokens", () => new IssuedTokens("feishu", { limit: TOKEN_LIMIT, lifetimeMs: TOKEN_LIFETIME_SEC * 1000, prefix: TOKEN_PREFIX }));
const cardTokens = () => instanceState("feishu.cardTokens", () => new CardUpdateTokens(CARD_TOKEN_LIMIT));

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
async function updateCard(body: unknown, budget: { max: number; windowMs: number; exhaustedCode?: number } | undefined): Promise<SimulatorAnswer> {
  const parsed = z.looseObject({ token: z.string().min(1).max(1024), card: z.record(z.string(), z.unknown()) }).safeParse(body);
  // 10002 "card 参数校验错误" stands for both missing members here.
  if (!parsed.success) return ok({ code: 10002, msg: "token and card are required" });
  const { token, card } = parsed.data;
  const verdict = await cardTokens().spend(token, budget);
  const exhaustedCode = budget?.exhaustedCode ?? 10002;
  if (verdict === "expired") return ok({ code: exhaustedCode, msg: "the token has expired: it is valid for 30 minutes" });
  if (verdict === "exhausted") return ok({ code: exhaustedCode, msg: "the token has been used the maximum number of times" });
  // The simulator's own bound, not Feishu's: no Feishu code, so nothing reads it as a spent token.
  if (verdict === "full") return { status: 429, body: { msg: `the simulator is tracking ${CARD_TOKEN_LIMIT} live card tokens; a new one is accepted once one expires` }, authenticated: true };
  await simulatorStore().append(CARDS, { token, card, at: new Date().toISOString() } satisfies SimulatedCard, CARD_LIMIT);
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
  async sent(plaintext) {
    const token = sentCardToken(plaintext);
    if (token) await cardTokens().see(token);
  },
  async answer(call, context) {
    if (call.method !== "POST") return null;
    if (call.path === TOKEN_PATH) {
      const given = credentials(call.body);
      if (!given || !(await context.knownApp(given))) return badSecret;
      const { token, expiresInSec } = tenantTokens().issue(given.appId);
      return ok({ code: 0, msg: "ok", tenant_access_token: token, expire: expiresInSec });
    }
    if (call.path === CARD_UPDATE_PATH) {
      const token = credentialOf(call.authorization, "Bearer");
      if (!token) return missingToken;
      if (!tenantTokens().valid(token)) return invalidToken;
      return updateCard(call.body, context.lateBudget);
    }
    return null;
  },
  views: async () => ({ cards: await simulatorStore().list<SimulatedCard>(CARDS) }),
};
