import "server-only";
import { z } from "zod";
import { remember } from "@/lib/process/remember";
import { credentialOf, IssuedTokens } from "@/lib/simulator/issued-tokens";
import type { AppCredentials, SimulatorAnswer, SimulatorApi } from "../simulator-api";

/** getAppAccessToken: "expires_in": "7200" in the docs' example (api-use.md), a string. */
const TOKEN_LIFETIME_SEC = 7200;
/** Far more apps than anyone points at one simulator; the oldest token is forgotten first. */
const TOKEN_LIMIT = 1000;

const tokens = () => remember("simulator.qq.tokens", () => new IssuedTokens(TOKEN_LIMIT, TOKEN_LIFETIME_SEC * 1000));

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
      if (!token || tokens().owner(token) === null) return refused("invalid access token");
      return { status: 200, body: {}, authenticated: true };
    }
    return null;
  },
};
