"use client";

import { ChevronLeft, ChevronRight, ImageIcon, Link2, User } from "lucide-react";
import { useMemo, useState, type ReactNode } from "react";
import { parseMarkdown, type Align, type Block, type Inline } from "@/lib/platforms/feishu/markdown";
import { textTagStyle } from "@/lib/platforms/feishu/markdown-colors";
import { formatLocalDatetime, type DatetimeFormat } from "@/lib/platforms/feishu/markdown-datetime";

export interface MarkdownLabels {
  /** The app's language, for `<local_datetime>` (else the browser's). */
  locale?: string;
  /** How `<at id=all>` reads (@所有人 / @everyone). */
  atAll: string;
  /** A `<person>` with no id, which Feishu draws as an unknown user (未知用户). */
  unknownUser?: string;
  /** The buttons that page a table (Feishu shows five rows at a time). */
  previousPage?: string;
  nextPage?: string;
}

// Feishu's own type scale for # … ###### in a card (rich-text component docs): 26 22 20 18 17 14 px.
const HEADING_SIZE = ["text-[26px]", "text-[22px]", "text-[20px]", "text-[18px]", "text-[17px]", "text-[14px]"];
const BULLETS = ["•", "◦", "▪"];
const TABLE_PAGE = 5;
const LINK = "text-[#3370ff] hover:underline";

interface Ctx {
  labels: MarkdownLabels;
  locale?: string;
  /** Inside a link: HTML cannot nest anchors, so inner links draw as their content. */
  inLink?: boolean;
}

/** `content` as a link to `href`, or as itself where a link cannot go. */
function anchor(key: number, href: string | undefined, ctx: Ctx, content: ReactNode, className?: string): ReactNode {
  if (!href || ctx.inLink) return content;
  return <a key={key} href={href} target="_blank" rel="noopener noreferrer" className={className}>{content}</a>;
}

function datetimeText(ms: number | null, format: DatetimeFormat, locale: string | undefined): string {
  const at = ms ?? Date.now(); // no millisecond: Feishu shows when the card was sent, here "now"
  try {
    return formatLocalDatetime(at, format, locale);
  } catch {
    return formatLocalDatetime(at, format); // an invalid locale tag falls back to the reader's own
  }
}

function Avatar() {
  return (
    <span aria-hidden className="inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full bg-[#bacefd] text-white">
      <User size={11} strokeWidth={2.5} />
    </span>
  );
}

function inlines(nodes: readonly Inline[], ctx: Ctx): ReactNode[] {
  return nodes.map((node, i) => inline(node, ctx, i));
}

/** One inline node as React elements: text is always a React text child, never HTML. */
function inline(node: Inline, ctx: Ctx, key: number): ReactNode {
  switch (node.type) {
    case "text":
      return node.text;
    case "break":
      return <br key={key} />;
    case "strong":
      return <strong key={key} className="font-semibold">{inlines(node.children, ctx)}</strong>;
    case "em":
      return <em key={key}>{inlines(node.children, ctx)}</em>;
    case "strike":
      return <s key={key}>{inlines(node.children, ctx)}</s>;
    case "code":
      return <code key={key} className="rounded bg-[#f2f3f5] px-1 font-mono text-[0.9em]">{node.text}</code>;
    case "link": {
      const content = (
        <span key={key}>
          {node.icon && <Link2 aria-hidden size={14} className="mr-0.5 inline align-[-2px]" />}
          {inlines(node.children, { ...ctx, inLink: true })}
        </span>
      );
      return anchor(key, node.href, ctx, content, LINK);
    }
    case "image":
      // Card images are Feishu image keys, not URLs: a placeholder, and nothing is fetched.
      return (
        <span key={key} title={node.alt || undefined} className="my-1 flex h-20 w-full flex-col items-center justify-center gap-1 rounded bg-[#f2f3f5] text-xs text-[#8f959e]">
          <ImageIcon aria-hidden size={18} />
          <span className="max-w-full truncate px-2">{node.alt || node.imageKey}</span>
        </span>
      );
    case "font":
      return <span key={key} style={node.color ? { color: node.color } : undefined}>{inlines(node.children, ctx)}</span>;
    case "textTag":
      return (
        <span key={key} className="mx-0.5 inline-block rounded px-1.5 align-middle text-xs leading-5 font-medium" style={textTagStyle(node.color)}>
          {inlines(node.children, ctx)}
        </span>
      );
    case "at":
      return (
        <span key={key} className="rounded-full px-0.5 text-[#3370ff]">
          {node.all ? ctx.labels.atAll : `@${node.name || node.id}`}
        </span>
      );
    case "person": {
      const name = node.id || ctx.labels.unknownUser || "?";
      const showName = node.showName || !node.showAvatar;
      return (
        <span
          key={key}
          title={node.id || undefined}
          className={`mx-0.5 inline-flex max-w-full items-center gap-1 align-middle ${node.style === "capsule" ? "rounded-full bg-[#f2f3f5] py-0.5 pr-2 pl-0.5" : ""}`}
        >
          {node.showAvatar && <Avatar />}
          {showName && <span className="truncate">{name}</span>}
        </span>
      );
    }
    case "datetime": {
      const text = datetimeText(node.ms, node.format, ctx.locale);
      const time = (
        <time key={key} suppressHydrationWarning dateTime={new Date(node.ms ?? Date.now()).toISOString()}>
          {text}
        </time>
      );
      return anchor(key, node.href, ctx, time, LINK);
    }
    case "numberTag": {
      const badge = (
        <span
          key={key}
          className="mx-0.5 inline-flex h-4 min-w-4 items-center justify-center rounded-full px-1 align-middle text-[10px] leading-none font-medium"
          style={{ background: node.background ?? "#3370ff", color: node.color ?? "#ffffff" }}
        >
          {node.value}
        </span>
      );
      return anchor(key, node.href, ctx, badge);
    }
  }
}

const ALIGN_CLASS: Record<string, string> = { left: "text-left", center: "text-center", right: "text-right" };
const alignClass = (align: Align) => (align ? ALIGN_CLASS[align] : "text-left");

/** A GFM table as Feishu draws it: the header, then five rows a page. */
function Table({ block, ctx }: { block: Extract<Block, { type: "table" }>; ctx: Ctx }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(block.rows.length / TABLE_PAGE));
  const shown = Math.min(page, pages - 1);
  const rows = block.rows.slice(shown * TABLE_PAGE, shown * TABLE_PAGE + TABLE_PAGE);
  return (
    <div className="my-1">
      <div className="overflow-x-auto rounded border border-[#dee0e3]">
        <table className="w-full border-collapse text-left">
          <thead className="bg-[#f5f6f7] font-semibold">
            <tr>
              {block.head.map((cell, c) => (
                <th key={c} className={`border-b border-[#dee0e3] px-2 py-1.5 ${alignClass(block.align[c] ?? null)}`}>{inlines(cell, ctx)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className="border-b border-[#dee0e3] last:border-b-0">
                {row.map((cell, c) => (
                  <td key={c} className={`px-2 py-1.5 ${alignClass(block.align[c] ?? null)}`}>{inlines(cell, ctx)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="mt-1 flex items-center justify-end gap-1 text-xs text-[#646a73]">
          <button type="button" aria-label={ctx.labels.previousPage} title={ctx.labels.previousPage} disabled={shown === 0} className="rounded p-0.5 hover:bg-[#f2f3f5] disabled:opacity-40" onClick={() => setPage(shown - 1)}>
            <ChevronLeft aria-hidden size={14} />
          </button>
          <span>{shown + 1}/{pages}</span>
          <button type="button" aria-label={ctx.labels.nextPage} title={ctx.labels.nextPage} disabled={shown === pages - 1} className="rounded p-0.5 hover:bg-[#f2f3f5] disabled:opacity-40" onClick={() => setPage(shown + 1)}>
            <ChevronRight aria-hidden size={14} />
          </button>
        </div>
      )}
    </div>
  );
}

function blocks(list: readonly Block[], ctx: Ctx, level: number): ReactNode[] {
  return list.map((block, i) => {
    switch (block.type) {
      case "paragraph":
        return <div key={i}>{inlines(block.children, ctx)}</div>;
      case "heading":
        return <div key={i} className={`leading-snug font-semibold ${HEADING_SIZE[block.level - 1]}`}>{inlines(block.children, ctx)}</div>;
      case "list":
        return (
          <div key={i} role="list" className="space-y-0.5">
            {block.items.map((item, n) => (
              <div key={n} role="listitem" className="flex gap-1.5">
                <span aria-hidden className="shrink-0 text-[#646a73] tabular-nums">{block.ordered ? `${block.start + n}.` : BULLETS[level % BULLETS.length]}</span>
                <div className="min-w-0 flex-1 space-y-0.5">{blocks(item, ctx, level + 1)}</div>
              </div>
            ))}
          </div>
        );
      case "quote":
        return <div key={i} className="space-y-1 border-l-2 border-[#dee0e3] pl-2 text-[#646a73]">{blocks(block.children, ctx, level)}</div>;
      case "code":
        return <pre key={i} className="overflow-x-auto rounded bg-[#f2f3f5] p-2 font-mono text-xs whitespace-pre">{block.text}</pre>;
      case "table":
        return <Table key={i} block={block} ctx={ctx} />;
      case "hr":
        return <hr key={i} className="my-1 border-[#dee0e3]" />;
    }
  });
}

/**
 * A Feishu card `markdown` component (JSON 2.0) as the client draws it: headings, emphasis,
 * code, lists, quotes, tables, links (http, https and Feishu app links only), image
 * placeholders, rules, and Feishu's tags (`<font>`, `<at>`, `<link>`, `<text_tag>`,
 * `<local_datetime>`, `<number_tag>`, `<person>`). Everything is built as React elements
 * from a parsed tree, so card text can never inject HTML.
 */
export function FeishuMarkdown({ source, labels, align, locale }: { source: string; labels: MarkdownLabels; align?: string; locale?: string }) {
  const tree = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="space-y-1.5 break-words" style={{ textAlign: align === "center" || align === "right" ? align : undefined }}>
      {blocks(tree, { labels, locale: locale ?? labels.locale }, 0)}
    </div>
  );
}
