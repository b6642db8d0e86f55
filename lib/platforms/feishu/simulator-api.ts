import "server-only";
import { z } from "zod";
import { remember } from "@/lib/process/remember";
import { credentialOf, IssuedTokens } from "@/lib/simulator/issued-tokens";
import type { AppCredentials, SimulatorAnswer, SimulatorApi } from "../simulator-api";

/** 自建应用获取 tenant_access_token: `expire` in seconds, at most 2 hours; tokens look like "t-…". */
const TOKEN_LIFETIME_SEC = 7200;
const TOKEN_PREFIX = "t-";
const TOKEN_LIMIT = 1000;
const TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";
const CARD_UPDATE_PATH = "/open-apis/interactive/v1/card/update";
/** Cards kept for "the card as updated" views, and update tokens whose uses are counted. */
const CARD_LIMIT = 200;
const USES_LIMIT = CARD_LIMIT * 5;

/** A Feishu card as a delayed update left it. */
export interface SimulatedCard {
  token: string;
  card: unknown;
  at: string;
}

interface FeishuState {
  tenantTokens: IssuedTokens;
  uses: Map<string, number>;
  cards: SimulatedCard[];
}
const state = () =>
  remember<FeishuState>("simulator.feishu", () => ({ tenantTokens: new IssuedTokens(TOKEN_LIMIT, TOKEN_LIFETIME_SEC * 1000), uses: new Map(), cards: [] }));

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

/** 延时更新消息卡片: the budget is the adapter's lateBudget (a token used up answers its exhaustedCode). */
function updateCard(body: unknown, budget: { max: number; exhaustedCode?: number } | undefined): SimulatorAnswer {
  const parsed = z.looseObject({ token: z.string().min(1).max(1024), card: z.record(z.string(), z.unknown()) }).safeParse(body);
  // 10002 "card 参数校验错误" stands for both missing members here.
  if (!parsed.success) return ok({ code: 10002, msg: "token and card are required" });
  const { token, card } = parsed.data;
  const { uses, cards } = state();
  const used = uses.get(token) ?? 0;
  if (budget && used >= budget.max) return ok({ code: budget.exhaustedCode ?? 10002, msg: "the token has been used the maximum number of times" });
  uses.delete(token);
  uses.set(token, used + 1);
  for (const [oldest] of uses) {
    if (uses.size <= USES_LIMIT) break;
    uses.delete(oldest);
  }
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
