import "server-only";
import { sealSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import type { Endpoint, Rule } from "@/lib/db/generated/client";
import { HttpError } from "@/lib/http/errors";
import { describeIssues } from "@/lib/i18n/describe-issue";
import type { Locale } from "@/lib/i18n/locales";
import type { InboundAdapter } from "@/lib/platforms/inbound";
import { tokenAllowed } from "@/lib/interactions/outbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { issuesFromZod, WITH_INPUT } from "@/lib/platforms/issues";
import { getPlatform, isPlatformId, listPlatforms } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import { isRelayMode } from "@/lib/relay/target";
import type { z } from "zod";
import { forgetEndpoint, readStoredSecrets } from "./cache";
import { openEndpointSecrets } from "./secrets";
import { readShownConfig } from "./stored";
import type { CreateEndpointInput, UpdateEndpointInput } from "./input";
import { endpointView } from "./view";

function parsePart<T>(schema: z.ZodType<T>, value: unknown, field: string, locale: Locale): T {
  const parsed = schema.safeParse(value, WITH_INPUT);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, "invalid_request", "invalidRequest", {}, { issues: describeIssues(issuesFromZod(parsed.error, [field]), locale) });
}

function requirePlatform(platform: string): PlatformId {
  if (isPlatformId(platform)) return platform;
  throw new HttpError(400, "unknown_platform", "unknownPlatform", { platform, platforms: listPlatforms().map((p) => p.id).join(", ") });
}

/** Replies needing the app's token go only where the secret may go (lib/interactions/outbound.ts). */
function checkApiBase(inbound: InboundAdapter, apiBaseUrl: string | null | undefined, locale: Locale): void {
  if (!apiBaseUrl || !inbound.appToken || tokenAllowed(inbound.appToken, apiBaseUrl)) return;
  const issue = { code: "field.apiBase", path: ["apiBaseUrl"], params: { bases: inbound.appToken.officialBases.join(", ") } };
  throw new HttpError(400, "invalid_request", "invalidRequest", {}, { issues: describeIssues([issue], locale) });
}

/** Only platforms whose protocol makes the signature optional let an endpoint accept unsigned callbacks. */
function checkRequireSignature(platform: PlatformId, requireSignature: boolean | undefined, locale: Locale): void {
  if (requireSignature !== false || getPlatform(platform).optionalSignature) return;
  const issue = { code: "field.signatureRequired", path: ["requireSignature"] };
  throw new HttpError(400, "invalid_request", "invalidRequest", {}, { issues: describeIssues([issue], locale) });
}

/**
 * Settings only a platform whose acknowledgement can carry the reply knows (QQ's `resultDelivery` and
 * `holdMs`), checked by that platform's own schema; elsewhere they are unknown fields.
 */
function parseReplyInAck(inbound: InboundAdapter, input: { resultDelivery?: unknown; holdMs?: unknown }, locale: Locale): { resultDelivery?: string; holdMs?: number } {
  const given = Object.fromEntries(Object.entries({ resultDelivery: input.resultDelivery, holdMs: input.holdMs }).filter(([, value]) => value !== undefined));
  const keys = Object.keys(given);
  if (keys.length === 0) return {};
  const fail = (issues: Parameters<typeof describeIssues>[0]) => new HttpError(400, "invalid_request", "invalidRequest", {}, { issues: describeIssues(issues, locale) });
  if (!inbound.replyInAck) throw fail(keys.map((key) => ({ code: "field.unknown", path: [key], params: { key } })));
  const parsed = inbound.replyInAck.settingsSchema.safeParse(given, WITH_INPUT);
  if (!parsed.success) throw fail(issuesFromZod(parsed.error));
  return parsed.data;
}

/**
 * The relay target an endpoint keeps: a relay mode needs one, any other mode has none. On an update the stored
 * target carries over while the mode still relays, and is cleared when the mode stops relaying.
 */
function checkRelayTarget(mode: string, given: string | null | undefined, stored: string | null, locale: Locale): string | null {
  const fail = (code: string) => new HttpError(400, "invalid_request", "invalidRequest", {}, { issues: describeIssues([{ code, path: ["relayTarget"] }], locale) });
  if (!isRelayMode(mode)) {
    if (given) throw fail("field.relayTargetWithoutRelay");
    return null;
  }
  const target = given === undefined ? stored : given;
  if (!target) throw fail("field.relayTargetRequired");
  return target;
}

type EndpointWithRules = Endpoint & { rules: Rule[] };

function view(row: EndpointWithRules, origin: string, lastRefusal: { at: Date; code: string } | null = null) {
  const inbound = getInbound(requirePlatform(row.platform));
  const secrets = readStoredSecrets(inbound.secretsSchema, openEndpointSecrets(row));
  const apiBaseRefused = Boolean(row.apiBaseUrl && inbound.appToken && !tokenAllowed(inbound.appToken, row.apiBaseUrl));
  return endpointView(row, readShownConfig(row, inbound.replySchema), inbound.describeSecrets(secrets), origin, lastRefusal, apiBaseRefused);
}

/** The newest refused callback of each endpoint, for "why was it refused" on the endpoints page. */
async function lastRefusals(db: Db, ids: string[]): Promise<Map<string, { at: Date; code: string }>> {
  const rows = await Promise.all(
    ids.map((endpointId) => db.interaction.findFirst({ where: { endpointId, status: "refused" }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], select: { endpointId: true, receivedAt: true, summary: true } })),
  );
  return new Map(rows.flatMap((row) => (row ? [[row.endpointId, { at: row.receivedAt, code: row.summary ?? "" }]] : [])));
}

function parseRules(platform: PlatformId, rules: { match: { on: string }; reply: unknown }[], inbound: InboundAdapter, locale: Locale) {
  const fields = getPlatform(platform).ruleFields;
  return rules.map((rule, i) => {
    if (!fields.includes(rule.match.on)) {
      const issue = { code: "field.enum", path: ["rules", i, "match", "on"], params: { values: fields.join(", ") || "-" } };
      throw new HttpError(400, "invalid_request", "invalidRequest", {}, { issues: describeIssues([issue], locale) });
    }
    const reply = parsePart(inbound.replySchema, rule.reply, `rules.${i}.reply`, locale);
    if (rule.match.on === "command" && !inbound.replyFits("command", reply)) {
      throw new HttpError(400, "reply_not_allowed", "replyNotAllowed", { kind: "command" });
    }
    return { position: i, match: JSON.stringify(rule.match), reply: JSON.stringify(reply) };
  });
}

const withRules = { rules: { orderBy: { position: "asc" as const } } };

export async function createEndpoint(db: Db, input: CreateEndpointInput, origin: string, locale: Locale) {
  const platform = requirePlatform(input.platform);
  const inbound = getInbound(platform);
  const secrets = parsePart(inbound.secretsSchema, input.secrets, "secrets", locale);
  const fallback = input.fallback === undefined ? null : parsePart(inbound.replySchema, input.fallback, "fallback", locale);
  const rules = parseRules(platform, input.rules, inbound, locale);
  checkApiBase(inbound, input.apiBaseUrl, locale);
  checkRequireSignature(platform, input.requireSignature, locale);
  const delivery = parseReplyInAck(inbound, input, locale);
  const relayTarget = checkRelayTarget(input.mode, input.relayTarget, null, locale);
  const row = await db.endpoint.create({
    include: withRules,
    data: {
      rules: { create: rules },
      platform,
      name: input.name,
      mode: input.mode,
      apiBaseUrl: input.apiBaseUrl ?? null,
      requireSignature: input.requireSignature,
      resultDelivery: delivery.resultDelivery ?? null,
      holdMs: delivery.holdMs ?? null,
      relayTarget,
      // null = the platform's own default for each interaction kind (see defaultFallback).
      fallback: JSON.stringify(fallback),
      secrets: sealSecret(JSON.stringify(secrets)),
    },
  });
  return view(row, origin);
}

async function requireEndpoint(db: Db, id: string) {
  const row = await db.endpoint.findUnique({ where: { id }, include: withRules });
  if (!row) throw new HttpError(404, "not_found", "endpointNotFound", { id });
  return row;
}

export async function getEndpoint(db: Db, id: string, origin: string) {
  return view(await requireEndpoint(db, id), origin, (await lastRefusals(db, [id])).get(id) ?? null);
}

export async function listEndpoints(db: Db, origin: string) {
  const rows = await db.endpoint.findMany({ include: withRules, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const refusals = await lastRefusals(db, rows.map((row) => row.id));
  return rows.map((row) => view(row, origin, refusals.get(row.id) ?? null));
}

export async function updateEndpoint(db: Db, id: string, input: UpdateEndpointInput, origin: string, locale: Locale) {
  const current = await requireEndpoint(db, id);
  const platform = requirePlatform(current.platform);
  const inbound = getInbound(platform);
  const secrets = input.secrets === undefined ? undefined : parsePart(inbound.secretsSchema, input.secrets, "secrets", locale);
  const fallback = input.fallback === undefined ? undefined : input.fallback === null ? null : parsePart(inbound.replySchema, input.fallback, "fallback", locale);
  const rules = input.rules === undefined ? undefined : parseRules(platform, input.rules, inbound, locale);
  checkApiBase(inbound, input.apiBaseUrl, locale);
  checkRequireSignature(platform, input.requireSignature, locale);
  const delivery = parseReplyInAck(inbound, input, locale);
  const relayTarget = checkRelayTarget(input.mode ?? current.mode, input.relayTarget, current.relayTarget, locale);
  const row = await db.endpoint.update({
    where: { id },
    include: withRules,
    data: {
      ...(rules !== undefined ? { rules: { deleteMany: {}, create: rules } } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.mode !== undefined ? { mode: input.mode } : {}),
      ...(input.apiBaseUrl !== undefined ? { apiBaseUrl: input.apiBaseUrl } : {}),
      ...(input.requireSignature !== undefined ? { requireSignature: input.requireSignature } : {}),
      ...(delivery.resultDelivery !== undefined ? { resultDelivery: delivery.resultDelivery } : {}),
      ...(delivery.holdMs !== undefined ? { holdMs: delivery.holdMs } : {}),
      ...(relayTarget !== current.relayTarget ? { relayTarget } : {}),
      ...(fallback !== undefined ? { fallback: JSON.stringify(fallback) } : {}),
      ...(secrets !== undefined ? { secrets: sealSecret(JSON.stringify(secrets)) } : {}),
    },
  });
  await forgetEndpoint(id);
  return view(row, origin);
}

export async function removeEndpoint(db: Db, id: string): Promise<void> {
  const deleted = await db.endpoint.deleteMany({ where: { id } });
  await forgetEndpoint(id);
  if (deleted.count === 0) throw new HttpError(404, "not_found", "endpointNotFound", { id });
}
