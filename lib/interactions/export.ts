import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { readCursor } from "@/lib/http/cursor";
import { csvRecord } from "./csv";
import { detailInbound, detailSecrets, interactionDetail, listInteractions, listInteractionsQuery, type InteractionsQuery } from "./list";

export const EXPORT_FORMATS = ["ndjson", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `GET /api/interactions/export`: the list's own query (whatever filters it takes, the cursor to start
 * after) and the format. An intersection, not an extension, so the list's schema is used as it is,
 * refinements and all; both halves report their issues together. The list's `limit` is read (and checked)
 * but not used: an export is the whole view.
 */
export const exportInteractionsQuery = z.object({ format: z.enum(EXPORT_FORMATS).default("ndjson") }).and(listInteractionsQuery);

/** Spreadsheet columns, in order (issue 17). */
export const CSV_COLUMNS = ["id", "receivedAt", "endpointId", "platform", "kind", "status", "actor", "scene", "control", "data", "summary", "replySource", "answeredInMs"] as const;

/**
 * Rows read per page. A CSV row is a few short columns; an NDJSON row carries its body (up to 256 KiB, and
 * as much again decoded), so its pages are smaller: at most about 50 MiB held even when every body is at
 * the limit, a few hundred KiB for usual ones. Either way the memory held is one page, whatever the count.
 */
export const EXPORT_PAGE_ROWS: Record<ExportFormat, number> = { csv: 500, ndjson: 100 };

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson; charset=utf-8" };

/** `interactions-2026-12-01T15-30-12Z.csv`: the moment of the export, in UTC, without characters a file system refuses. */
export function exportFileName(format: ExportFormat, at: Date): string {
  return `interactions-${at.toISOString().slice(0, 19).replaceAll(":", "-")}Z.${format}`;
}

export interface ExportOptions {
  /** Rows per page (tests); EXPORT_PAGE_ROWS by default. */
  pageRows?: number;
  /** Called after each page is read, with its row count (tests count how far the export ran ahead of its reader). */
  onPage?: (rows: number) => void;
}

/**
 * The view the list shows, as a stream: it pages through listInteractions itself (the same filters, search,
 * order and cursor, so the export is the list's view whatever they become), a page read only when the reader
 * asks for more (`pull`, a queue of one page): a slow download holds one page in memory and a cancelled one
 * reads nothing more, however many rows match. Each page is a short read of its own, so the export never
 * holds a transaction open. The cursor must have been checked already (readCursor), so a bad one is a 400
 * before the answer starts. A search page may be short or empty and still go on (list.ts): that is followed.
 */
export function exportInteractions(db: Db, query: Omit<InteractionsQuery, "limit">, format: ExportFormat, options: ExportOptions = {}): ReadableStream<Uint8Array> {
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS[format];
  const encoder = new TextEncoder();
  // Read once here, so a bad cursor is a 400 before the answer starts (the stream could only end broken).
  readCursor(query.cursor);
  let cursor: string | undefined = query.cursor;
  // The client went away: a page still being read when it did is dropped, not enqueued on a closed stream.
  let cancelled = false;
  // Per endpoint, once per export: the values its details redact.
  const secrets = new Map<string, Promise<readonly string[]>>();
  const secretsOf = (endpointId: string) => {
    let found = secrets.get(endpointId);
    if (!found) secrets.set(endpointId, (found = detailSecrets(db, endpointId)));
    return found;
  };

  async function nextPage(): Promise<{ text: string; count: number; next: string | null }> {
    const page = await listInteractions(db, { ...query, cursor, limit: pageRows });
    if (format === "csv") {
      const text = page.items
        .map((row) => {
          const answeredInMs = row.answeredAt ? Date.parse(row.answeredAt) - Date.parse(row.receivedAt) : null;
          return csvRecord([row.id, row.receivedAt, row.endpointId, row.platform, row.kind, row.status, row.actor, row.scene, row.control, row.data, row.summary, row.replySource, answeredInMs]);
        })
        .join("");
      return { text, count: page.items.length, next: page.nextCursor };
    }
    // The detail carries headers and body: read in full for this page's ids only, in the list's order.
    const rows = new Map((await db.interaction.findMany({ where: { id: { in: page.items.map((item) => item.id) } } })).map((row) => [row.id, row]));
    let text = "";
    for (const item of page.items) {
      const row = rows.get(item.id);
      // Removed between the two reads (retention): left out, as the list would now.
      if (row) text += `${JSON.stringify(interactionDetail(row, detailInbound(row.platform), await secretsOf(row.endpointId)))}\n`;
    }
    return { text, count: page.items.length, next: page.nextCursor };
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // A UTF-8 byte order mark first: without it Excel opens a CSV in the system's code page, and the names
        // and messages of QQ and Feishu users come out garbled. Decoders for UTF-8 (fetch's text(), TextDecoder,
        // Python's utf-8-sig, spreadsheet imports) drop it.
        if (format === "csv") controller.enqueue(encoder.encode(`\uFEFF${csvRecord(CSV_COLUMNS)}`));
      },
      async pull(controller) {
        try {
          const page = await nextPage();
          options.onPage?.(page.count);
          if (cancelled) return;
          if (page.text) controller.enqueue(encoder.encode(page.text));
          cursor = page.next ?? undefined;
          if (page.next === null) controller.close();
        } catch (error) {
          if (cancelled) return;
          // The status line has gone out: all that is left is to end the download broken, and say why here.
          console.error("[export] reading interactions failed:", error instanceof Error ? error.message : String(error));
          controller.error(error);
        }
      },
      cancel() {
        cancelled = true;
      },
    },
    // One page queued ahead of the reader at most: `pull` runs again only once the reader has taken it.
    { highWaterMark: 1 },
  );
}
