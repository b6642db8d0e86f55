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

/** Answers like the platform would; `path` is what follows the API base. */
export function answerPlatformCall(method: string, path: string, authorization: string | null, bodyText: string): { status: number; body: unknown } {
  let body: unknown = null;
  try {
    body = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    return { status: 400, body: { message: "invalid JSON" } };
  }
  // Recorded calls are shown to users: the app secret sent for a token never is.
  const shown = body && typeof body === "object" && "clientSecret" in body ? { ...body, clientSecret: "[redacted]" } : body;
  calls.push({ at: new Date().toISOString(), method, path, authorization, body: shown });
  if (calls.length > CALL_LIMIT) calls.splice(0, calls.length - CALL_LIMIT);
  // QQ getAppAccessToken: expires_in is a string in the docs' example (api-use.md).
  if (method === "POST" && path === "/app/getAppAccessToken") return { status: 200, body: { access_token: "SIMULATED_ACCESS_TOKEN", expires_in: "7200" } };
  if (method === "PUT" && /^\/interactions\/[^/]+$/.test(path)) return { status: 200, body: {} };
  if ((method === "PATCH" || method === "POST") && /^\/webhooks\/[^/]+\/[^/]+/.test(path)) return { status: 200, body: { id: "SIMULATED_MESSAGE" } };
  return { status: 404, body: { message: "the simulator does not know this API" } };
}
