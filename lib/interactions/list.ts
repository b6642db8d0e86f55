import { parseStorableJson } from "@/lib/http/json-safety";
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Interaction } from "@/lib/db/generated/client";
import { HttpError } from "@/lib/http/errors";
import type { InboundAdapter } from "@/lib/platforms/inbound";
import { getInbound } from "@/lib/platforms/inbound-registry";
import { isPlatformId } from "@/lib/platforms/registry";
import { PLATFORM_IDS } from "@/lib/platforms/types";
import { getLiveEndpoint } from "@/lib/endpoints/cache";
import { encodeCursor, readCursor, type Cursor } from "@/lib/http/cursor";

import { INTERACTION_KINDS, INTERACTION_STATUSES } from "./kinds";
import { listPlan, type Filters } from "./list-plan";
import { listStore, type SummaryRow, type Walked } from "./list-store";
import { redact, secretValues } from "./redact";
import { searchQuery, type SearchQuery } from "./search-query";
import type { InteractionDetail, InteractionPage, InteractionSummary } from "./view-schema";

export type { InteractionDetail, InteractionPage, InteractionSummary };

/** Endpoint ids are cuids: anything else matches nothing, so it is refused (400) before a database sees it (PostgreSQL text cannot even hold U+0000). */
const ENDPOINT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const listInteractionsQuery = z.object({
  endpointId: z.string().regex(ENDPOINT_ID).optional(),
  platform: z.enum(PLATFORM_IDS).optional(),
  kind: z.enum(INTERACTION_KINDS).optional(),
  status: z.enum(INTERACTION_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Search (issue 17): interactions whose search text holds q, ignoring case. No control characters, no lone surrogates. */
  q: z.string().trim().min(1).max(200).regex(/^[^\p{Cc}\p{Cs}]*$/u).optional(),
});

export function interactionSummary(row: SummaryRow): InteractionSummary {
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

/** `limits`: how much work a search page may do (tests make them small to reach every path with few rows). */
export async function listInteractions(db: Db, query: z.infer<typeof listInteractionsQuery>, limits: SearchLimits = SEARCH_LIMITS): Promise<InteractionPage> {
  const after = readCursor(query.cursor);
  const filters = await planFilters(db, query);
  const { rows, next } = !filters
    ? { rows: [], next: null }
    : query.q === undefined
      ? await listPage(filters, after, query.limit)
      : await searchPage(filters, after, query.limit, searchQuery(query.q), limits);
  return {
    items: rows.map(interactionSummary),
    nextCursor: next ? encodeCursor(next) : null,
    ...(query.q === undefined ? {} : { q: query.q }),
  } satisfies InteractionPage;
}

interface Page {
  rows: SummaryRow[];
  /** Where the next page starts; null on the last. */
  next: Cursor | null;
}

const positionOf = (row: { receivedAt: Date; id: string }): Cursor => ({ at: row.receivedAt, id: row.id });

/** A page of `take` from `take + 1` rows read: the extra one says there is a next page. */
function pageOf(rows: SummaryRow[], take: number): Page {
  const page = rows.slice(0, take);
  return { rows: page, next: rows.length > take && page.length > 0 ? positionOf(page.at(-1)!) : null };
}

async function listPage(filters: Filters, after: Cursor | undefined, take: number): Promise<Page> {
  return pageOf(await listStore().page(listPlan(filters), after, take + 1), take);
}

/**
 * A search stays inside a bounded amount of work whatever q and the filters are. When the text index names
 * few rows (at most 1,000), those are filtered and sorted, and the page is exact. When it names
 * more (q is common, or shorter than a trigram and no index helps), the filters' rows are walked newest first
 * through list-plan.ts's indexes, testing each one's text, for at most 5,000 rows: a page may then
 * hold fewer than `limit` items, even none, with a nextCursor that resumes the walk where it stopped (the
 * rows it walked past did not match). Either way the cursor is the list's own, and no row comes twice.
 */
export const SEARCH_LIMITS = { candidates: 1_000, walk: 5_000, walkStep: 1_000 };
export type SearchLimits = typeof SEARCH_LIMITS;

async function searchPage(filters: Filters, after: Cursor | undefined, take: number, search: SearchQuery, limits: SearchLimits): Promise<Page> {
  const store = listStore();
  if (search.phrase) {
    const candidates = await store.candidates(search, limits.candidates);
    if (candidates) return pageOf(candidates.length ? await store.among(candidates, filters, after, search, take + 1) : [], take);
  }
  const plan = listPlan(filters);
  const hits: Walked[] = [];
  let position = after;
  let walked = 0;
  let end = false;
  while (hits.length <= take && walked < limits.walk) {
    const step = Math.min(limits.walkStep, limits.walk - walked);
    const rows = await store.walk(plan, position, step, search);
    walked += rows.length;
    hits.push(...rows.filter((row) => row.hit));
    if (rows.length < step) {
      end = true;
      break;
    }
    position = positionOf(rows.at(-1)!);
  }
  const shown = hits.slice(0, take);
  const byId = new Map((await store.byIds(shown.map((hit) => hit.id))).map((row) => [row.id, row]));
  // A row deleted since it was walked is left out; the cursor still stands where the page ends.
  const rows = shown.flatMap((hit) => byId.get(hit.id) ?? []);
  const next = hits.length > take ? positionOf(shown.at(-1)!) : end ? null : position!;
  return { rows, next };
}

/**
 * The filters as list-plan.ts takes them, or null when they cannot match: an endpoint implies its platform
 * (rows carry their endpoint's, which never changes), so a platform beside it is either implied or a mismatch.
 */
async function planFilters(db: Db, query: z.infer<typeof listInteractionsQuery>): Promise<Filters | null> {
  const { endpointId, platform, kind, status } = query;
  if (!endpointId) return { platform, kind, status };
  const endpoint = await db.endpoint.findUnique({ where: { id: endpointId }, select: { platform: true } });
  if (!endpoint || (platform && endpoint.platform !== platform)) return null;
  return { endpointId, kind, status };
}

/** The list's query as parsed: its filters and search, and where a page starts and how long it is. */
export type InteractionsQuery = z.infer<typeof listInteractionsQuery>;

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
