import { afterAll, describe, expect, it } from "vitest";
import { getPgPool } from "@/lib/db/pg";
import { getSqlite } from "@/lib/db/sqlite";
import { createEachTestDb, testDatabaseKind } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { HttpError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { handleCallback } from "./ingest";
import { SEARCH_LIMITS, listInteractions, listInteractionsQuery, type SearchLimits } from "./list";
import { indexQueuedSearch } from "./search-index";
import { searchTextOf } from "./search-text";
import { insertInteraction } from "./store";

/**
 * GET /api/interactions?q= on both databases (issue 17 item 2): a value inside a stored body is found, with
 * the filters, through every page of the cursor, before the background feeder indexed the row and after,
 * whether the index names few rows (sorted exactly) or many (walked, pages possibly short).
 */
const db = await createEachTestDb();
afterAll(() => db.$disconnect());
const kind = testDatabaseKind();

const BOT_TOKEN = "discord-bot-token-never-searchable";
const discord = await createEndpoint(db, { platform: "discord", name: "search", mode: "rules", requireSignature: true, secrets: { publicKey: DISCORD_PUBLIC_KEY, botToken: BOT_TOKEN }, rules: [] }, "http://localhost", "en");
const qq = await db.endpoint.create({ data: { platform: "qq", name: "q", fallback: "{}", secrets: "-" } });

function discordClick(body: object) {
  const text = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { headers: new Headers({ "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, text), "x-signature-timestamp": timestamp }), body: Buffer.from(text) };
}

type Row = { id: string; endpointId: string; status: string; receivedAt: Date; searchText: string | null };
const start = Date.UTC(2026, 10, 2);
/** `count` rows, every `every`-th with `needle` inside its body, the rest with other values. */
async function seed(prefix: string, count: number, needle: string, every: number, offsetMs: number) {
  for (let i = 0; i < count; i++) {
    const endpoint = i % 3 === 0 ? discord : qq;
    const body = JSON.stringify({ id: `${prefix}${i}`, d: { user: i % every === 0 ? `user-${needle}-${i}` : `user-other-${i}`, n: i } });
    // Pairs share a millisecond, so the id breaks the ties.
    const row = { id: `${prefix}-${String(i).padStart(5, "0")}`, endpointId: endpoint.id, status: i % 5 === 0 ? "expired" : "answered", receivedAt: new Date(start + offsetMs + Math.floor(i / 2) * 1000), searchText: searchTextOf({ control: "vote", body }, []) };
    await insertInteraction({ ...row, platform: endpoint.platform, eventId: row.id, kind: "button", headers: "{}", body });
  }
}

/** Small enough that a few hundred rows reach every path: candidates sorted, walked in steps, the walk's budget spent. */
const SMALL: SearchLimits = { candidates: 20, walk: 45, walkStep: 20 };

/** Every page of a search; `short`: pages with fewer items than asked that still had a next one. */
async function everyPage(query: Record<string, unknown>, limits: SearchLimits = SEARCH_LIMITS): Promise<{ ids: string[]; short: number }> {
  const ids: string[] = [];
  let short = 0;
  let cursor: string | undefined;
  for (let pages = 1; pages < 1_000; pages++) {
    const parsed = listInteractionsQuery.parse({ ...query, cursor });
    const page = await listInteractions(db, parsed, limits);
    expect(page.q).toBe(String(query.q).trim());
    ids.push(...page.items.map((item) => item.id));
    if (!page.nextCursor) return { ids, short };
    if (page.items.length < parsed.limit) short++;
    cursor = page.nextCursor;
  }
  throw new Error("more pages than rows");
}

/** What a search must return, read from every stored row (LIKE's case folding: ASCII, as these rows are). */
const expected = async (q: string, keep: (row: Row) => boolean = () => true) =>
  (await db.interaction.findMany({ select: { id: true, endpointId: true, status: true, receivedAt: true, searchText: true } }))
    .filter((r) => keep(r) && r.searchText !== null && r.searchText.toLowerCase().includes(q.toLowerCase()))
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => r.id);

async function queued(): Promise<number> {
  if (kind === "sqlite") return (getSqlite().prepare(`SELECT count(*) AS n FROM "InteractionSearchQueue"`).get() as { n: number }).n;
  return (await getPgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "InteractionSearchQueue"`)).rows[0]!.n;
}

describe(`interaction search [${kind}]`, () => {
  it("finds a callback by a value inside its body, before the feeder indexed it and after; never by an endpoint secret", async () => {
    const click = { id: "1300000000000000777", application_id: "app", type: 3, token: "tok", version: 1, member: { user: { id: "u1", username: "Marguerite_9f3c2a" } }, data: { custom_id: "order:confirm", component_type: 2 }, leak: BOT_TOKEN };
    expect((await handleCallback(discord.id, discordClick(click), { db, now: () => new Date() })).status).toBe(200);
    const found = async (q: string) => (await listInteractions(db, listInteractionsQuery.parse({ q }))).items.map((item) => item.eventId);
    expect(await queued()).toBeGreaterThan(0);
    for (const indexed of [false, true]) {
      if (indexed) expect(await indexQueuedSearch()).toBeGreaterThan(0);
      expect(await found("guerite_9F3C"), `indexed: ${indexed}`).toEqual(["1300000000000000777"]);
      expect(await found("0000000000777")).toEqual(["1300000000000000777"]);
      expect(await found("order:conf")).toEqual(["1300000000000000777"]);
      // The API redacts the endpoint's secrets; search cannot tell they are there either.
      expect(await found("bot-token-never")).toEqual([]);
      expect(await found("zzz-nowhere")).toEqual([]);
    }
    expect(await queued()).toBe(0);
  });

  it("with the filters and the cursor: every page, newest first, none twice, none skipped (queued, then indexed)", async () => {
    await seed("few", 120, "Needle7", 4, 0);
    for (const indexed of [false, true]) {
      if (indexed) await indexQueuedSearch();
      for (const [query, keep] of [
        [{ q: "needle7", limit: 7 }, () => true],
        [{ q: "NEEDLE7", limit: 5, status: "expired" }, (r: Row) => r.status === "expired"],
        [{ q: "needle7", limit: 3, endpointId: discord.id, status: "answered" }, (r: Row) => r.endpointId === discord.id && r.status === "answered"],
        [{ q: "needle7", limit: 50, platform: "feishu" }, () => false],
      ] as const) {
        const { ids } = await everyPage(query);
        expect(ids, `${JSON.stringify(query)} indexed: ${indexed}`).toEqual(await expected("needle7", keep));
        if (!query.platform) expect(ids.length).toBeGreaterThan(2);
      }
    }
  });

  // On the rows the test above stored.
  it("a common q, and a q too short for trigrams, walk the filters' rows: pages may be short, the rows are the same", async () => {
    for (const limits of [SEARCH_LIMITS, SMALL]) {
      for (const [query, keep] of [
        [{ q: "needle7", limit: 4 }, () => true],
        [{ q: "user-other", limit: 9, status: "expired", endpointId: qq.id }, (r: Row) => r.status === "expired" && r.endpointId === qq.id],
        [{ q: "user-other", limit: 30, kind: "button", platform: "discord" }, (r: Row) => r.endpointId === discord.id],
        [{ q: "7", limit: 6 }, () => true],
        [{ q: "2-", limit: 6, status: "answered" }, (r: Row) => r.status === "answered"],
      ] as const) {
        const { ids, short } = await everyPage(query, limits);
        expect(ids, `${JSON.stringify(query)} ${JSON.stringify(limits)}`).toEqual(await expected(query.q, keep));
        // The walk's budget spent before a page filled: a short page that goes on (only where the budget is small).
        if (limits === SMALL && query.q === "2-") expect(short).toBeGreaterThan(0);
      }
    }
  });

  it("q is taken literally: LIKE's wildcards and quotes match only themselves", async () => {
    await seed("lit", 4, 'a%b_c"d\\e', 2, 20_000_000);
    await indexQueuedSearch();
    for (const q of ['a%b_c"d\\e', "%b_c", "_c\""]) expect((await everyPage({ q, limit: 10 })).ids, q).toEqual(await expected(q));
    expect((await everyPage({ q: "a_b", limit: 10 })).ids).toEqual([]);
    expect((await everyPage({ q: "%%%", limit: 10 })).ids).toEqual([]);
  });

  it("a deleted interaction leaves the index with it", async () => {
    await seed("gone", 2, "VanishingValue", 1, 30_000_000);
    await indexQueuedSearch();
    expect((await everyPage({ q: "vanishingvalue", limit: 10 })).ids).toHaveLength(2);
    await db.interaction.delete({ where: { id: "gone-00000" } });
    expect((await everyPage({ q: "vanishingvalue", limit: 10 })).ids).toEqual(["gone-00001"]);
  });

  it("q is trimmed, 1 to 200 characters, without control characters or lone surrogates: else a 400 naming q", () => {
    expect(listInteractionsQuery.parse({ q: "  vote  " }).q).toBe("vote");
    for (const q of ["", "   ", "x".repeat(201), "a\u0000b", "tab\there", "a\ud800b"]) {
      const error = (() => {
        try {
          parseInput(listInteractionsQuery, { q }, "en");
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, JSON.stringify(q)).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(400);
      expect((error as HttpError).extra.issues?.map((issue) => issue.path)).toEqual(["q"]);
    }
  });

  it("the text index serves a rare q (EXPLAIN)", async () => {
    if (kind === "sqlite") {
      const plan = getSqlite().prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM "InteractionSearch" WHERE "InteractionSearch" MATCH '"9f3" AND "c2a"'`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join("\n")).toMatch(/VIRTUAL TABLE INDEX/);
    } else {
      const client = await getPgPool().connect();
      try {
        // A few thousand rows are cheaper to scan whole: with scans priced out, the plan shows what the index serves.
        await client.query("BEGIN; SET LOCAL enable_seqscan = off");
        const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN SELECT "interactionId" FROM "InteractionSearch" WHERE "searchText" ILIKE '%guerite\\_9f3c%' LIMIT 1001`);
        expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Bitmap Index Scan on "InteractionSearch_searchText_idx"/);
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    }
  });
});
