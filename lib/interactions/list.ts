import { parseStorableJson } from "@/lib/http/json-safety";
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Interaction, Prisma } from "@/lib/db/generated/client";
import { HttpError } from "@/lib/http/errors";
import type { InboundAdapter } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { isPlatformId } from "@/lib/platforms/registry";
import { PLATFORM_IDS } from "@/lib/platforms/types";
import { getLiveEndpoint } from "@/lib/endpoints/cache";
import { encodeCursor, readCursor, type Cursor } from "@/lib/http/cursor";

import { INTERACTION_KINDS, INTERACTION_STATUSES } from "./kinds";
import { redact, secretValues } from "./redact";
import type { InteractionDetail, InteractionPage, InteractionSummary } from "./view-schema";

export type { InteractionDetail, InteractionPage, InteractionSummary };

export const listInteractionsQuery = z.object({
  endpointId: z.string().max(64).optional(),
  platform: z.enum(PLATFORM_IDS).optional(),
  kind: z.enum(INTERACTION_KINDS).optional(),
  status: z.enum(INTERACTION_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function interactionSummary(row: Interaction): InteractionSummary {
  return {
    id: row.id,
    endpointId: row.endpointId,
    platform: row.platform,
    eventId: row.eventId,
    kind: row.kind,
    status: row.status,
    actor: row.actor,
    scene: row.scene,
    control: row.control,
    data: row.data,
    /** Late updates sent so far: changes with each, so every open inspector refreshes. */
    updates: row.updates,
    subject: row.subject,
    summary: row.summary,
    replySource: row.replySource,
    replyChannel: row.replyChannel,
    receivedAt: row.receivedAt.toISOString(),
    deadlineAt: row.deadlineAt?.toISOString() ?? null,
    holdUntil: row.holdUntil?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
  } satisfies InteractionSummary;
}

/** The inspector's detail: headers and body as received (secrets the platform echoes redacted), the reply and the timing. */
export function interactionDetail(row: Interaction, inbound?: Pick<InboundAdapter, "lateBudget" | "fieldsOf">, secrets: readonly string[] = []): InteractionDetail {
  const lateBudget = inbound?.lateBudget;
  const body = redact(row.body, secrets);
  const decoded = row.decoded === null ? null : redact(row.decoded, secrets);
  // A stored body may be anything a client sent (refused ones above all): only JSON that is safe
  // to serialize again is shown parsed; the text itself is always there.
  const read = parseStorableJson(decoded ?? body);
  const parsed = read.ok ? read.value : null;
  const reply = row.reply ? parseStorableJson(row.reply) : null;
  const relay = row.relay ? parseStorableJson(redact(row.relay, secrets)) : null;
  return {
    ...interactionSummary(row),
    headers: JSON.parse(redact(row.headers, secrets)) as Record<string, string>,
    body,
    /** The plaintext of an encrypted body; `parsed` is read from it when present. */
    decoded,
    parsed,
    // What rules match on, read from the body (refused bodies match nothing, so they show none).
    fields: row.status !== "refused" && parsed !== null && inbound?.fieldsOf ? inbound.fieldsOf(parsed) : null,
    verified: row.status !== "refused",
    reply: reply?.ok ? reply.value : null,
    /** Late card updates still allowed (platforms with an update budget), else null. */
    // Only a click carries an update token (a link preview has none).
    updatesLeft: lateBudget && row.kind === "button" ? Math.max(0, lateBudget.max - row.updates) : null,
    deadlineMs: row.deadlineAt ? row.deadlineAt.getTime() - row.receivedAt.getTime() : null,
    answeredInMs: row.answeredAt ? row.answeredAt.getTime() - row.receivedAt.getTime() : null,
    relay: relay?.ok && typeof relay.value === "object" && relay.value !== null && !Array.isArray(relay.value) ? (relay.value as Record<string, unknown>) : null,
  } satisfies InteractionDetail;
}

/** The list's query as parsed: its filters, and where a page starts and how long it is. */
export type InteractionsQuery = z.infer<typeof listInteractionsQuery>;

/**
 * What the list's filters select, as a Prisma `where` (everything in the query but the page position and
 * size). The list and the export (`export.ts`) both build on it, so a filter added to listInteractionsQuery
 * and here narrows both alike.
 */
export function interactionFilters(query: Omit<InteractionsQuery, "cursor" | "limit">): Prisma.InteractionWhereInput {
  return {
    ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    ...(query.platform ? { platform: query.platform } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
}

/** Newest first, ties broken by id: the keyset the cursor walks. */
export const INTERACTION_ORDER = [{ receivedAt: "desc" }, { id: "desc" }] satisfies Prisma.InteractionOrderByWithRelationInput[];

/**
 * The filters' rows after a cursor position, in INTERACTION_ORDER. Joined with AND rather than spread
 * in: a filter with an OR of its own (a text search) must not be overwritten by the cursor's.
 */
export function interactionsAfter(query: Omit<InteractionsQuery, "cursor" | "limit">, after: Cursor | undefined): Prisma.InteractionWhereInput {
  const filters = interactionFilters(query);
  if (!after) return filters;
  return { AND: [filters, { OR: [{ receivedAt: { lt: after.at } }, { receivedAt: after.at, id: { lt: after.id } }] }] };
}

export async function listInteractions(db: Db, query: InteractionsQuery): Promise<InteractionPage> {
  const rows = await db.interaction.findMany({
    where: interactionsAfter(query, readCursor(query.cursor)),
    orderBy: INTERACTION_ORDER,
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(interactionSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
  } satisfies InteractionPage;
}

/**
 * The secret values the detail redacts for an endpoint's interactions (none once the endpoint is gone).
 * A failed lookup throws rather than showing bodies unredacted.
 */
export async function detailSecrets(db: Db, endpointId: string): Promise<readonly string[]> {
  const endpoint = await getLiveEndpoint(db, endpointId);
  return endpoint ? secretValues(endpoint.secrets, getInbound(endpoint.platform).describeSecrets(endpoint.secrets)) : [];
}

/** The platform's side of the detail (late budget, rule fields), when the row's platform is still known. */
export const detailInbound = (platform: string) => (isPlatformId(platform) ? getInbound(platform) : undefined);

export async function getInteraction(db: Db, id: string): Promise<InteractionDetail> {
  const row = await db.interaction.findUnique({ where: { id } });
  if (!row) throw new HttpError(404, "not_found", "interactionNotFound", { id });
  return interactionDetail(row, detailInbound(row.platform), await detailSecrets(db, row.endpointId));
}
