import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/interactions/export/route";
import { closePg } from "@/lib/db/pg";
import { createEachTestDb, testDatabaseKind } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { csvField } from "./csv";
import { CSV_COLUMNS, exportInteractions, exportInteractionsQuery } from "./export";
import { listInteractions, listInteractionsQuery } from "./list";
import { insertTestRows as insert, type TestRow } from "./test-rows";

const db = await createEachTestDb();
afterAll(async () => {
  await db.$disconnect();
  if (testDatabaseKind() === "postgres") await closePg();
});

const QQ_SECRET = "qq-bot-secret-for-export";
const endpoint = async () =>
  (await createEndpoint(db, { platform: "qq", name: `Export ${randomUUID()}`, mode: "manual", requireSignature: true, secrets: { appId: "1020", secret: QQ_SECRET }, rules: [] }, "http://localhost", "en")).id;

const BASE = Date.UTC(2026, 5, 1);
const row = (endpointId: string, i: number, more: Partial<TestRow> = {}): TestRow => ({
  id: randomUUID(),
  endpointId,
  platform: "qq",
  eventId: randomUUID(),
  kind: i % 3 === 0 ? "command" : "button",
  status: ["answered", "pending", "expired", "refused"][i % 4]!,
  headers: "{}",
  body: `{"n":${i}}`,
  // Rows come in pairs sharing a time: ties are ordered by id.
  receivedAt: new Date(BASE + Math.floor(i / 2) * 1000),
  ...more,
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** Every id the list API gives for a query, page after page, as /live pages through it. */
async function listedIds(query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInteractions(db, listInteractionsQuery.parse({ ...query, limit: "7", ...(cursor ? { cursor } : {}) }));
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** RFC 4180 read back: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  return records;
}

const exportOf = (query: Record<string, string>, pageRows?: number) => {
  const parsed = exportInteractionsQuery.parse(query);
  return exportInteractions(db, parsed, parsed.format, { pageRows });
};

describe("GET /api/interactions/export", () => {
  it("exports exactly the list's ids in the list's order, in both formats, with the detail's redaction", async () => {
    const [a, b] = [await endpoint(), await endpoint()];
    await insert([...Array.from({ length: 40 }, (_, i) => row(a, i, i === 5 ? { body: `{"token":"${QQ_SECRET}"}` } : {})), ...Array.from({ length: 15 }, (_, i) => row(b, i))]);
    for (const filter of [{ endpointId: a }, { endpointId: a, status: "answered" }, { endpointId: b, kind: "command" }] as Record<string, string>[]) {
      const expected = await listedIds(filter);
      expect(expected.length).toBeGreaterThan(0);
      // Pages of 3 rows: the keyset crosses many page boundaries, ties included.
      for (const pageRows of [3, undefined]) {
        const lines = (await readAll(exportOf({ ...filter, format: "ndjson" }, pageRows))).split("\n");
        expect(lines.pop()).toBe("");
        expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(expected);
        const [header, ...records] = parseCsv(await readAll(exportOf({ ...filter, format: "csv" }, pageRows)));
        expect(header).toEqual([...CSV_COLUMNS]);
        expect(records.map((r) => r[0])).toEqual(expected);
      }
    }
    const all = (await readAll(exportOf({ endpointId: a, format: "ndjson" }))).trim().split("\n").map((line) => JSON.parse(line) as { body: string; headers: unknown; parsed: unknown });
    expect(all).toHaveLength(40);
    expect(JSON.stringify(all)).not.toContain(QQ_SECRET);
    expect(all.some((detail) => detail.body === '{"token":"[redacted]"}')).toBe(true);
    // The cursor the list hands out starts the export where the list would go on.
    const firstPage = await listInteractions(db, listInteractionsQuery.parse({ endpointId: a, limit: "10" }));
    const rest = (await readAll(exportOf({ endpointId: a, format: "csv", cursor: firstPage.nextCursor! }))).split("\r\n").slice(1, -1).map((line) => line.split(",")[0]);
    expect(rest).toEqual((await listedIds({ endpointId: a })).slice(10));
  });

  it("writes RFC 4180 CSV and defuses cells a spreadsheet would run as formulas", async () => {
    expect(csvField('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain", "a=b"].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", '"\'\rx"', "plain", "a=b"]);
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");

    const e = await endpoint();
    const hostile = { actor: '=HYPERLINK("http://evil.example","x")', scene: "@cmd", control: "+1", data: 'a,"b"\nc', summary: "-2+3", replySource: "manual", status: "answered" };
    await insert([row(e, 1, { ...hostile, answeredAt: new Date(BASE + 1234) })]);
    const text = await readAll(exportOf({ endpointId: e, format: "csv" }));
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    const [, record] = parseCsv(text);
    const byColumn = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, record![i]]));
    expect(byColumn).toMatchObject({ actor: `'${hostile.actor}`, scene: "'@cmd", control: "'+1", data: hostile.data, summary: "'-2+3", answeredInMs: "1234", receivedAt: new Date(BASE).toISOString() });
  });

  it("answers with an attachment named for the day, and 400 naming `format` (or the list's field) for bad input", async () => {
    const e = await endpoint();
    await insert([row(e, 0)]);
    const ok = await exportRoute(new Request(`http://localhost/api/interactions/export?endpointId=${e}&format=csv`), { params: Promise.resolve({}) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="interactions-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.csv"$/);
    const bytes = new Uint8Array(await ok.arrayBuffer());
    // The byte order mark Excel needs to read UTF-8 (中文 names), then the header as is.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")).toHaveLength(3);
    expect(text.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));

    const issues = async (search: string) => {
      const response = await exportRoute(new Request(`http://localhost/api/interactions/export?${search}`), { params: Promise.resolve({}) });
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { code: string; issues?: { path: string }[] } }).error;
    };
    expect((await issues("format=xml")).issues?.map((issue) => issue.path)).toEqual(["format"]);
    expect((await issues("format=xml&status=lost")).issues?.map((issue) => issue.path).sort()).toEqual(["format", "status"]);
    expect((await issues("format=csv&cursor=nonsense")).code).toBe("invalid_cursor");
  });

  it("streams 20,000 rows a page at a time: the first bytes come before the rest is read, and it reads only as fast as it is read", async () => {
    const e = await endpoint();
    await insert(Array.from({ length: 20_000 }, (_, i) => row(e, i, { status: "answered" })));
    let pages = 0;
    const stream = exportInteractions(db, exportInteractionsQuery.parse({ endpointId: e, format: "csv" }), "csv", { onPage: () => pages++ });
    const reader = stream.getReader();
    const header = await reader.read();
    expect(new TextDecoder().decode(header.value)).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
    const first = await reader.read();
    expect(first.value?.byteLength).toBeGreaterThan(0);
    // A reader that stops reading: the export reads at most one page ahead of it, not the other 39.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pages).toBeLessThanOrEqual(2);
    let rows = new TextDecoder().decode(first.value).split("\r\n").length - 1;
    let chunks = 1;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      rows += new TextDecoder().decode(next.value).split("\r\n").length - 1;
      chunks++;
    }
    expect(rows).toBe(20_000);
    expect(chunks).toBe(40);
    // 40 pages of 500: the list's nextCursor says the last is the last, so no empty page is read after it.
    expect(pages).toBe(40);

    // A download cancelled part way reads nothing more.
    pages = 0;
    const cancelled = exportInteractions(db, exportInteractionsQuery.parse({ endpointId: e, format: "ndjson" }), "ndjson", { onPage: () => pages++ }).getReader();
    await cancelled.read();
    await cancelled.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pages).toBeLessThanOrEqual(2);
  }, 60_000);
});
