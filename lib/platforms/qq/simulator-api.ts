import "server-only";
import { z } from "zod";
import { parseStorableJson } from "@/lib/http/json-safety";
import { credentialOf, IssuedTokens } from "@/lib/simulator/issued-tokens";
import { instanceState, simulatorStore } from "@/lib/simulator/store";
import type { AppCredentials, SimulatorAnswer, SimulatorApi } from "../simulator-api";

/** getAppAccessToken: "expires_in": "7200" in the docs' example (api-use.md), a string. */
const TOKEN_LIFETIME_SEC = 7200;
/** Far more apps than anyone points at one simulator; the oldest token is forgotten first. */
const TOKEN_LIMIT = 1000;

/** Signed: any instance verifies a token another issued (lib/simulator/issued-tokens.ts). */
const tokens = () => instanceState("qq.tokens", () => new IssuedTokens("qq", { limit: TOKEN_LIMIT, lifetimeMs: TOKEN_LIFETIME_SEC * 1000 }));

/**
 * Which channel carried each click's result code, as QQ would see it (protocols.md §8.2): the code in the
 * acknowledgement (field reports: webhook QQ reads it there), the PUT (the official SDKs), and the first
 * code read, which is what real QQ would show whichever report is right about the other.
 */
interface QqResult {
  id: string;
  ack: number | null;
  ackAt: number | null;
  put: number | null;
  putAt: number | null;
}
/** The newest clicks only: the simulator is a tool, not a store. */
const RESULT_LIMIT = 500;
const RESULTS = "qq.results";

/** Merges what was learnt into the click's result, which becomes the newest; `unless` keeps it as it was. */
async function note(id: string, patch: Partial<QqResult>, unless?: (current: QqResult) => boolean): Promise<void> {
  await simulatorStore().update<QqResult, null>(
    RESULTS,
    id,
    (current) => (current && unless?.(current) ? { result: null } : { value: { ...(current ?? { id, ack: null, ackAt: null, put: null, putAt: null }), ...patch }, result: null }),
    { limit: RESULT_LIMIT, touch: true },
  );
}

const codeOf = (value: unknown): number | null => {
  const code = z.looseObject({ code: z.number().int() }).safeParse(value);
  return code.success ? code.data.code : null;
};

const dispatchSchema = z.looseObject({ t: z.literal("INTERACTION_CREATE"), d: z.looseObject({ id: z.string().min(1).max(256) }) });
const ackSchema = z.looseObject({ op: z.literal(12) });

function shown(result: QqResult) {
  const ack = result.ack !== null && result.ackAt !== null ? { code: result.ack, at: result.ackAt } : null;
  const put = result.put !== null && result.putAt !== null ? { code: result.put, at: result.putAt } : null;
  const first = ack && (!put || ack.at <= put.at) ? { ...ack, from: "ack" as const } : put ? { ...put, from: "put" as const } : null;
  return {
    id: result.id,
    ack: result.ack,
    put: result.put,
    /** Which channel carried a code: ack, put, both, or none. */
    channel: ack && put ? "both" : ack ? "ack" : put ? "put" : "none",
    /** What real QQ would show: the first code it read, and where it read it. */
    shown: first ? { code: first.code, from: first.from } : null,
  };
}

const credentialsSchema = z.looseObject({ appId: z.string().min(1).max(128), clientSecret: z.string().min(1).max(512) });

function credentials(body: unknown): AppCredentials | null {
  const parsed = credentialsSchema.safeParse(body);
  return parsed.success ? { appId: parsed.data.appId, secret: parsed.data.clientSecret } : null;
}

// QQ's OpenAPI errors are {code, message}; its codes for these cases are not in the docs we follow, so only the message is given.
const refused = (message: string): SimulatorAnswer => ({ status: 401, body: { message }, authenticated: false });

/**
 * QQ's API as the simulator plays it: an access token from getAppAccessToken for a known app id and
 * secret, then `Authorization: QQBot <token>` on PUT /interactions/{id} (api-use.md).
 */
export const qqSimulatorApi: SimulatorApi = {
  credentials,
  secretFields: ["clientSecret"],
  async answer(call, context) {
    if (call.method === "POST" && call.path === "/app/getAppAccessToken") {
      const given = credentials(call.body);
      if (!given || !(await context.knownApp(given))) return refused("invalid appid or clientSecret");
      const { token, expiresInSec } = tokens().issue(given.appId);
      return { status: 200, body: { access_token: token, expires_in: String(expiresInSec) }, authenticated: true };
    }
    if (call.method === "PUT" && /^\/interactions\/[^/]+$/.test(call.path)) {
      const token = credentialOf(call.authorization, "QQBot");
      if (!token || !tokens().valid(token)) return refused("invalid access token");
      const id = safeDecode(call.path.slice("/interactions/".length));
      const code = codeOf(call.body);
      // The first PUT is the one QQ would act on; a repeated one changes nothing shown.
      if (id !== null && code !== null) await note(id, { put: code, putAt: Date.now() }, (current) => current.put !== null);
      return { status: 200, body: {}, authenticated: true };
    }
    return null;
  },
  async acknowledged(plaintext, answer, at) {
    const sent = parseStorableJson(plaintext);
    const dispatch = dispatchSchema.safeParse(sent.ok ? sent.value : null);
    if (!dispatch.success || answer.status !== 200) return;
    const body = parseStorableJson(answer.body);
    if (!body.ok || !ackSchema.safeParse(body.value).success) return;
    await note(dispatch.data.d.id, { ack: codeOf(body.value), ackAt: at });
  },
  views: async () => ({ qqResults: (await simulatorStore().list<QqResult>(RESULTS)).map(shown) }),
};

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
