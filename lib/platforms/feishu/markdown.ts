// Feishu card markdown (the JSON 2.0 `markdown` component) to an AST the preview renders.
// Feishu follows CommonMark (minus HTML blocks) plus GFM tables and its own tags; the
// differences that matter here are from its rich-text component page: a single newline
// breaks the line, 4 spaces nest a list, and `<hr>` / `---` alone on a line is a rule.
// The block pass walks lines once per nesting level (capped), the inline pass is linear,
// so the whole parse stays linear in the input; nothing throws, odd input stays text.

import { parseInline, type Inline, type ParseStats } from "./markdown-inline";

export type { Inline, ParseStats } from "./markdown-inline";

export type Align = "left" | "center" | "right" | null;

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "quote"; children: Block[] }
  | { type: "code"; lang: string; text: string }
  | { type: "table"; align: Align[]; head: Inline[][]; rows: Inline[][][] }
  | { type: "hr" };

const MAX_DEPTH = 8; // nested quotes and lists; deeper markers read as text

const isBlank = (line: string) => line.trim() === "";

function indentOf(line: string): number {
  let i = 0;
  while (line[i] === " ") i++;
  return i;
}

/** Leading tabs count as 4 spaces, as CommonMark's tab stops do for indentation. */
function expandTabs(line: string): string {
  let i = 0;
  let prefix = "";
  for (; i < line.length && (line[i] === " " || line[i] === "\t"); i++) prefix += line[i] === "\t" ? " ".repeat(4 - (prefix.length % 4)) : " ";
  return prefix + line.slice(i);
}

/** `---`, `***`, `___` (spaces allowed between) or `<hr>` / `<hr/>` alone on the line. */
function isRule(text: string): boolean {
  const t = text.trim();
  if (/^<hr\s*\/?>$/i.test(t)) return true;
  const c = t[0];
  if (c !== "-" && c !== "*" && c !== "_") return false;
  let count = 0;
  for (const ch of t) {
    if (ch === c) count++;
    else if (ch !== " " && ch !== "\t") return false;
  }
  return count >= 3;
}

function atxHeading(text: string): { level: number; content: string } | null {
  let level = 0;
  while (text[level] === "#") level++;
  if (level === 0 || level > 6) return null;
  const after = text[level];
  if (after !== undefined && after !== " " && after !== "\t") return null;
  let content = text.slice(level).trim();
  // An optional closing run of #s, when set off by a space, is not content.
  let end = content.length;
  while (end > 0 && content[end - 1] === "#") end--;
  if (end === 0) content = "";
  else if (end < content.length && (content[end - 1] === " " || content[end - 1] === "\t")) content = content.slice(0, end).trimEnd();
  return { level, content };
}

function fenceOpen(text: string): { char: string; length: number; lang: string } | null {
  const char = text[0];
  if (char !== "`" && char !== "~") return null;
  let length = 0;
  while (text[length] === char) length++;
  if (length < 3) return null;
  const info = text.slice(length).trim();
  if (char === "`" && info.includes("`")) return null;
  return { char, length, lang: info.split(/\s/, 1)[0] ?? "" };
}

function isFenceClose(text: string, fence: { char: string; length: number }): boolean {
  let length = 0;
  while (text[length] === fence.char) length++;
  return length >= fence.length && text.slice(length).trim() === "";
}

interface Marker {
  indent: number;
  ordered: boolean;
  start: number;
  contentIndent: number;
  content: string;
}

/** A list item's marker (`-`, `*`, `+`, `1.`, `1)`) at the start of `line`, or null. */
function listMarker(line: string): Marker | null {
  const indent = indentOf(line);
  if (indent > 3) return null;
  let i = indent;
  let ordered = false;
  let start = 1;
  const c = line[i];
  if (c === "-" || c === "*" || c === "+") i++;
  else {
    while (i - indent < 9 && line[i]! >= "0" && line[i]! <= "9") i++;
    if (i === indent || (line[i] !== "." && line[i] !== ")")) return null;
    ordered = true;
    start = Number(line.slice(indent, i));
    i++;
  }
  const rest = line.slice(i);
  if (rest !== "" && rest[0] !== " ") return null;
  const spaces = indentOf(rest);
  const content = rest.slice(spaces);
  // Content more than 4 spaces in starts at one space (the rest is an indented code block).
  const contentIndent = content === "" || spaces > 4 ? i + 1 : i + spaces;
  return { indent, ordered, start, contentIndent, content: spaces > 4 ? rest.slice(1) : content };
}

/** Splits a GFM table row on unescaped pipes, dropping the optional outer ones. */
function splitRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith("|")) t = t.slice(1);
  if (t.endsWith("|") && !t.endsWith("\\|")) t = t.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < t.length; i++) {
    if (t[i] === "\\" && t[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (t[i] === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += t[i];
  }
  cells.push(cell.trim());
  return cells;
}

function delimiterRow(line: string): Align[] | null {
  if (!line.includes("-")) return null;
  const cells = splitRow(line);
  const align: Align[] = [];
  for (const cell of cells) {
    if (!/^:?-+:?$/.test(cell)) return null;
    const left = cell.startsWith(":");
    const right = cell.endsWith(":");
    align.push(left && right ? "center" : right ? "right" : left ? "left" : null);
  }
  return align;
}

class BlockParser {
  constructor(private readonly stats: ParseStats) {}

  private startsBlock(line: string, depth: number): boolean {
    const text = line.trimStart();
    if (indentOf(line) > 3) return false;
    return atxHeading(text) !== null || fenceOpen(text) !== null || isRule(text) || (depth < MAX_DEPTH && (text.startsWith(">") || listMarker(line) !== null));
  }

  parse(lines: string[], depth: number): Block[] {
    const blocks: Block[] = [];
    let paragraph: string[] | null = null;
    const endParagraph = () => {
      if (paragraph) blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n"), this.stats) });
      paragraph = null;
    };
    let i = 0;
    while (i < lines.length) {
      this.stats.steps++;
      const line = lines[i]!;
      if (isBlank(line)) {
        endParagraph();
        i++;
        continue;
      }
      const indent = indentOf(line);
      const text = line.slice(indent);
      if (indent >= 4) {
        // Four spaces start a code block (Feishu documents this) unless they continue a paragraph.
        if (paragraph) {
          (paragraph as string[]).push(text.trimEnd());
          i++;
        } else i = this.indentedCode(lines, i, blocks);
        continue;
      }
      const fence = fenceOpen(text);
      if (fence) {
        endParagraph();
        i = this.fenced(lines, i, indent, fence, blocks);
        continue;
      }
      const heading = atxHeading(text);
      if (heading) {
        endParagraph();
        blocks.push({ type: "heading", level: heading.level, children: parseInline(heading.content, this.stats) });
        i++;
        continue;
      }
      // `Title` over `===` / `---` is a heading (CommonMark's setext form), not a rule.
      if (paragraph && (/^=+\s*$/.test(text) || /^-+\s*$/.test(text))) {
        const p: string[] = paragraph;
        blocks.push({ type: "heading", level: text[0] === "=" ? 1 : 2, children: parseInline(p.join("\n"), this.stats) });
        paragraph = null;
        i++;
        continue;
      }
      if (isRule(text)) {
        endParagraph();
        blocks.push({ type: "hr" });
        i++;
        continue;
      }
      if (depth < MAX_DEPTH && text.startsWith(">")) {
        endParagraph();
        i = this.quote(lines, i, depth, blocks);
        continue;
      }
      const marker = depth < MAX_DEPTH ? listMarker(line) : null;
      // Only a bullet or an ordered list starting at 1 may interrupt a paragraph (CommonMark).
      if (marker && (!paragraph || (marker.content !== "" && (!marker.ordered || marker.start === 1)))) {
        endParagraph();
        i = this.list(lines, i, marker, depth, blocks);
        continue;
      }
      const align = text.includes("|") && i + 1 < lines.length ? delimiterRow(lines[i + 1]!) : null;
      if (align && splitRow(text).length === align.length) {
        endParagraph();
        i = this.table(lines, i, align, depth, blocks);
        continue;
      }
      paragraph ??= [];
      (paragraph as string[]).push(text.trimEnd());
      i++;
    }
    endParagraph();
    return blocks;
  }

  private indentedCode(lines: string[], i: number, blocks: Block[]): number {
    const body: string[] = [];
    while (i < lines.length && (isBlank(lines[i]!) || indentOf(lines[i]!) >= 4)) {
      this.stats.steps++;
      body.push(lines[i]!.slice(4));
      i++;
    }
    while (body.length && isBlank(body[body.length - 1]!)) body.pop();
    blocks.push({ type: "code", lang: "", text: body.join("\n") });
    return i;
  }

  private fenced(lines: string[], i: number, indent: number, fence: { char: string; length: number; lang: string }, blocks: Block[]): number {
    const body: string[] = [];
    i++;
    // An unclosed fence runs to the end of its container, as in CommonMark.
    while (i < lines.length) {
      this.stats.steps++;
      const line = lines[i]!;
      if (indentOf(line) <= 3 && isFenceClose(line.trimStart(), fence)) {
        i++;
        break;
      }
      body.push(line.slice(Math.min(indent, indentOf(line))));
      i++;
    }
    blocks.push({ type: "code", lang: fence.lang, text: body.join("\n") });
    return i;
  }

  private quote(lines: string[], i: number, depth: number, blocks: Block[]): number {
    const inner: string[] = [];
    let lazyOk = false;
    while (i < lines.length) {
      this.stats.steps++;
      const line = lines[i]!;
      const text = line.trimStart();
      if (indentOf(line) <= 3 && text.startsWith(">")) {
        const rest = text.slice(1);
        inner.push(rest.startsWith(" ") ? rest.slice(1) : rest);
        lazyOk = !isBlank(rest);
      } else if (lazyOk && !isBlank(line) && !this.startsBlock(line, depth)) {
        // A lazy continuation line: Feishu's own example `> quote\nmore` keeps `more` in the quote.
        inner.push(text);
      } else break;
      i++;
    }
    blocks.push({ type: "quote", children: this.parse(inner, depth + 1) });
    return i;
  }

  private list(lines: string[], i: number, first: Marker, depth: number, blocks: Block[]): number {
    const items: string[][] = [];
    let item = [first.content];
    let contentIndent = first.contentIndent;
    let lastBlank = false;
    i++;
    while (i < lines.length) {
      this.stats.steps++;
      const line = lines[i]!;
      if (isBlank(line)) {
        item.push("");
        lastBlank = true;
      } else if (indentOf(line) >= contentIndent) {
        item.push(line.slice(contentIndent));
        lastBlank = false;
      } else {
        const marker = isRule(line) ? null : listMarker(line);
        if (marker && marker.ordered === first.ordered) {
          items.push(item);
          item = [marker.content];
          contentIndent = marker.contentIndent;
        } else if (!lastBlank && !this.startsBlock(line, depth)) item.push(line.trim());
        else break;
        lastBlank = false;
      }
      i++;
    }
    items.push(item);
    // Blank lines after the last item belong to what follows the list.
    while (item.length > 1 && isBlank(item[item.length - 1]!)) item.pop();
    blocks.push({ type: "list", ordered: first.ordered, start: first.start, items: items.map((lines) => this.parse(lines, depth + 1)) });
    return i;
  }

  private table(lines: string[], i: number, align: Align[], depth: number, blocks: Block[]): number {
    const width = align.length;
    const cells = (line: string) => {
      const row = splitRow(line).slice(0, width);
      while (row.length < width) row.push("");
      return row.map((cell) => parseInline(cell, this.stats));
    };
    const head = cells(lines[i]!);
    const rows: Inline[][][] = [];
    i += 2;
    while (i < lines.length && !isBlank(lines[i]!) && !this.startsBlock(lines[i]!, depth)) {
      this.stats.steps++;
      rows.push(cells(lines[i]!));
      i++;
    }
    blocks.push({ type: "table", align, head, rows });
    return i;
  }
}

/** Parses a Feishu markdown component's `content`. `stats`, when given, counts the work done. */
export function parseMarkdown(source: string, stats: ParseStats = { steps: 0 }): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n").map(expandTabs);
  return new BlockParser(stats).parse(lines, 0);
}
