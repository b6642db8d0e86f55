import "server-only";
import type { Db } from "@/lib/db";
import { parseStorableJson, type JsonProblem } from "@/lib/http/json-safety";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { listPlatforms } from "@/lib/platforms/registry";
import type { SimulatorAnswer, SimulatorApi } from "@/lib/platforms/simulator-api";
import { isKnownApp } from "./known-apps";
import { simulatorStore } from "./store";

/**
 * The simulator's stand-in for the platforms' own APIs: point an endpoint's API base URL at
 * `<origin>/api/simulator/platform` and the replies Button Studio sends land here, so the whole
 * loop runs offline. Each platform's stand-in (InboundAdapter.simulatorApi, in its own folder)
 * answers its paths and requires what the platform requires; this module only routes and
 * records. Only calls whose caller proved itself are recorded: nobody else writes to the log. On
 * PostgreSQL the log is shared by every instance (lib/simulator/store.ts): any of them lists every call.
 */
export interface RecordedCall {
  at: string;
  method: string;
  path: string;
  /** The scheme and the first characters of the credential: enough to tell tokens apart, not to use one. */
  authorization: string | null;
  body: unknown;
  /** When the body could not be stored as JSON (too deep, malformed): why, and its first characters as text. */
  bodyProblem?: JsonProblem;
  bodyText?: string;
}

const CALL_LIMIT = 500;
const TEXT_LIMIT = 2048;
const PATH_LIMIT = 2048;
const SHOWN_CREDENTIAL = 8;

const CALLS = "calls";

/** The newest calls, oldest first. */
export function recordedCalls(): Promise<RecordedCall[]> {
  return simulatorStore().list<RecordedCall>(CALLS);
}

function standIns(): { platform: string; api: SimulatorApi; inbound: ReturnType<typeof getInbound> }[] {
  return listPlatforms().flatMap(({ id }) => {
    const inbound = getInbound(id);
    return inbound.simulatorApi ? [{ platform: id, api: inbound.simulatorApi, inbound }] : [];
  });
}

/** What the stand-ins show beside the calls, by name (e.g. the cards updates left). */
export async function simulatorViews(): Promise<Record<string, unknown[]>> {
  const views = await Promise.all(standIns().map(({ api }) => api.views?.() ?? {}));
  return Object.assign({}, ...views) as Record<string, unknown[]>;
}

/** A body the simulator signed and sent in a platform's place: its stand-in learns the tokens it carries. */
export async function noteSentBody(platform: Parameters<typeof getInbound>[0], plaintext: string): Promise<void> {
  await getInbound(platform).simulatorApi?.sent?.(plaintext);
}

function shownAuthorization(authorization: string | null): string | null {
  if (!authorization) return null;
  const [scheme = "", credential = ""] = authorization.slice(0, 256).split(" ", 2);
  return credential.length > SHOWN_CREDENTIAL ? `${scheme} ${credential.slice(0, SHOWN_CREDENTIAL)}…` : `${scheme} …`;
}

function withoutSecrets(body: unknown, secretFields: readonly string[]): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const shown: Record<string, unknown> = { ...body };
  for (const key of secretFields) if (key in shown) shown[key] = "[redacted]";
  return shown;
}

export interface PlatformCall {
  method: string;
  /** What follows the API base, as sent (percent-encoded). */
  path: string;
  authorization: string | null;
  bodyText: string;
}

/** Answers like the platform would, or 404 for a path no stand-in knows. Never throws on what the caller sent. */
export async function answerPlatformCall(db: Db, call: PlatformCall): Promise<{ status: number; body: unknown }> {
  const parsed = call.bodyText ? parseStorableJson(call.bodyText) : ({ ok: true, value: undefined } as const);
  const body = parsed.ok ? parsed.value : undefined;
  const bodyProblem = parsed.ok ? null : parsed.problem;
  for (const { platform, api, inbound } of standIns()) {
    const answer: SimulatorAnswer | null = await api.answer(
      { method: call.method, path: call.path, authorization: call.authorization, body, bodyProblem },
      { knownApp: (credentials) => isKnownApp(db, platform, credentials), lateBudget: inbound.lateBudget },
    );
    if (!answer) continue;
    if (answer.authenticated) await record(call, body, bodyProblem, api.secretFields ?? []);
    return { status: answer.status, body: answer.body };
  }
  return { status: 404, body: { message: "the simulator does not know this API" } };
}

function record(call: PlatformCall, body: unknown, bodyProblem: JsonProblem | null, secretFields: readonly string[]): Promise<void> {
  const entry: RecordedCall = {
    at: new Date().toISOString(),
    method: call.method,
    path: call.path.slice(0, PATH_LIMIT).toWellFormed(),
    authorization: shownAuthorization(call.authorization),
    body: bodyProblem ? null : (withoutSecrets(body, secretFields) ?? null),
    ...(bodyProblem ? { bodyProblem, bodyText: call.bodyText.slice(0, TEXT_LIMIT).toWellFormed() } : {}),
  };
  return simulatorStore().append(CALLS, entry, CALL_LIMIT);
}
