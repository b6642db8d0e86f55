// Inline Feishu markdown (card JSON 2.0) to a small AST, in one left-to-right scan.
// Nothing here uses a regular expression that can backtrack over the input: every construct
// is recognised by walking characters, closers are found through caches that never rescan,
// and nesting is capped, so a hostile 100 KB string costs a bounded number of steps per char.
// Anything not understood stays text; nothing here throws on odd input.

import { fontColor } from "./markdown-colors";
import type { DatetimeFormat } from "./markdown-datetime";
import { atom, decodeEntities, entityAt, safeHref } from "./markdown-tags";

export { safeHref } from "./markdown-tags";

export type Inline =
  | { type: "text"; text: string }
  | { type: "break" }
  | { type: "strong" | "em" | "strike"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; icon?: string; children: Inline[] }
  | { type: "image"; imageKey: string; alt: string }
  | { type: "font"; color?: string; children: Inline[] }
  | { type: "textTag"; color: string; children: Inline[] }
  | { type: "at"; all: boolean; id: string; name: string }
  | { type: "person"; id: string; showName: boolean; showAvatar: boolean; style: "normal" | "capsule" }
  | { type: "datetime"; ms: number | null; format: DatetimeFormat; href?: string }
  | { type: "numberTag"; value: number; background?: string; color?: string; href?: string };

/** Counts the parser's work, so tests can assert it stays linear in the input. */
export interface ParseStats {
  steps: number;
}

const MAX_FRAMES = 32; // open brackets and container tags at once; deeper ones read as text
const MAX_TAG = 2048; // characters one tag may span
const MAX_NEST = 48; // emphasis levels; a deeper tree would only strain rendering

const ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

const isSpace = (c: string) => c === "" || c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\u00a0";
const isPunct = (c: string) => c !== "" && /[\p{P}\p{S}]/u.test(c);
const isNameStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
const isNameChar = (c: string) => isNameStart(c) || (c >= "0" && c <= "9") || c === "_" || c === "-";
const isAttrChar = (c: string) => isNameChar(c) || c === ":" || c === ".";
const isAlnum = (c: string) => (c >= "0" && c <= "9") || isNameStart(c);
/**
 * Text without its trailing spaces and tabs. A loop, not `replace(/[ \t]+$/, "")`: that regex tries every
 * space of a long run that does not end the text, so 30 KB of spaces before a line break froze the preview.
 */
function trimTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  return end === text.length ? text : text.slice(0, end);
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Record<string, string>;
  end: number;
}

type Delim = { index: number; char: string; length: number };

interface Frame {
  kind: "root" | "bracket" | "tag";
  raw: string;
  children: Inline[];
  delims: Delim[];
  /** At least as deep as the deepest node in `children`. */
  depth: number;
  image?: boolean;
  tag?: Tag;
  linksAtOpen?: number;
}

const CONTAINERS = new Set(["font", "a", "link", "text_tag"]);
const ATOMS = new Set(["at", "person", "local_datetime", "number_tag", "raw"]);

class InlineParser {
  private frames: Frame[] = [{ kind: "root", raw: "", children: [], delims: [], depth: 0 }];
  private tagCount = new Map<string, number>();
  private brackets = 0;
  private links = 0;
  private textStart = 0;
  private backtickRuns: Map<number, number[]> | null = null;
  private backtickCursor = new Map<number, number>();
  private findCache = new Map<string, { from: number; at: number }>();

  constructor(
    private readonly s: string,
    private readonly stats: ParseStats,
  ) {}

  private get frame(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private text(text: string, into: Frame = this.frame) {
    if (text) into.children.push({ type: "text", text });
  }

  private flush(i: number) {
    if (i > this.textStart) this.text(this.s.slice(this.textStart, i));
  }

  parse(): Inline[] {
    const s = this.s;
    let i = 0;
    while (i < s.length) {
      this.stats.steps++;
      const c = s[i]!;
      const next = this.special(c, i);
      if (next === null) {
        i++;
        continue;
      }
      i = next;
      this.textStart = i;
    }
    this.flush(s.length);
    while (this.frames.length > 1) this.literalize();
    return normalizeDeep(this.frames[0]!.children);
  }

  /** Handles a special character at `i` and returns where scanning resumes, or null for plain text. */
  private special(c: string, i: number): number | null {
    const s = this.s;
    switch (c) {
      case "\\": {
        const n = s[i + 1] ?? "";
        if (n === "\n") return this.emit(i, { type: "break" }, i + 2, true);
        if (n && ASCII_PUNCT.includes(n)) return this.emitText(i, n, i + 2);
        return null;
      }
      case "\n": {
        let j = i + 1;
        while (s[j] === " " || s[j] === "\t") j++;
        this.flush(i);
        // Trailing spaces before a line break are not content.
        const last = this.frame.children[this.frame.children.length - 1];
        if (last?.type === "text") last.text = trimTrailingBlanks(last.text);
        this.frame.children.push({ type: "break" });
        return j;
      }
      case "`":
        return this.codeSpan(i);
      case "*":
      case "_":
      case "~":
        return this.delimiterRun(c, i);
      case "!":
        return s[i + 1] === "[" ? this.openBracket(i, true) : null;
      case "[":
        return this.openBracket(i, false);
      case "]":
        return this.closeBracket(i);
      case "<":
        return this.angle(i);
      case "&": {
        const entity = entityAt(s, i);
        return entity ? this.emitText(i, entity.text, entity.end) : null;
      }
      case "h":
        return this.bareUrl(i);
      default:
        return null;
    }
  }

  private emit(i: number, node: Inline, end: number, trimBefore = false): number {
    this.flush(i);
    if (trimBefore) {
      const last = this.frame.children[this.frame.children.length - 1];
      if (last?.type === "text") last.text = trimTrailingBlanks(last.text);
    }
    this.frame.children.push(node);
    return end;
  }

  private emitText(i: number, text: string, end: number): number {
    this.flush(i);
    this.text(text);
    return end;
  }

  // ── code spans ────────────────────────────────────────────────────────────

  private codeSpan(i: number): number {
    const s = this.s;
    let j = i;
    while (s[j] === "`") j++;
    const length = j - i;
    const close = this.nextBacktickRun(length, j);
    if (close < 0) return this.emitText(i, s.slice(i, j), j);
    let body = s.slice(j, close).replace(/\n/g, " ");
    this.stats.steps += close - j;
    if (body.length > 2 && body.startsWith(" ") && body.endsWith(" ") && body.trim()) body = body.slice(1, -1);
    return this.emit(i, { type: "code", text: body }, close + length);
  }

  /** The start of the next run of exactly `length` backticks at or after `from`, or -1. */
  private nextBacktickRun(length: number, from: number): number {
    if (!this.backtickRuns) {
      // One pass over the input lists every run; each length then keeps a forward-only cursor.
      const runs = new Map<number, number[]>();
      const s = this.s;
      for (let k = 0; k < s.length; k++) {
        if (s[k] !== "`") continue;
        let e = k;
        while (s[e] === "`") e++;
        const list = runs.get(e - k) ?? [];
        list.push(k);
        runs.set(e - k, list);
        this.stats.steps += e - k;
        k = e - 1;
      }
      this.backtickRuns = runs;
    }
    const list = this.backtickRuns.get(length);
    if (!list) return -1;
    let cursor = this.backtickCursor.get(length) ?? 0;
    while (cursor < list.length && list[cursor]! < from) {
      cursor++;
      this.stats.steps++;
    }
    this.backtickCursor.set(length, cursor);
    return cursor < list.length ? list[cursor]! : -1;
  }

  // ── emphasis ──────────────────────────────────────────────────────────────

  private delimiterRun(c: string, i: number): number {
    const s = this.s;
    let j = i;
    while (s[j] === c) j++;
    const length = j - i;
    this.stats.steps += length;
    // Feishu strikes through with exactly two tildes; other runs are text.
    if (c === "~" && length !== 2) return this.emitText(i, s.slice(i, j), j);
    const before = i > 0 ? s[i - 1]! : "";
    const after = s[j] ?? "";
    const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
    const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
    const canOpen = c === "_" ? left && (!right || isPunct(before)) : left;
    const canClose = c === "_" ? right && (!left || isPunct(after)) : right;
    this.flush(i);
    const frame = this.frame;
    let remaining = length;
    while (canClose && remaining > 0) {
      const at = findOpener(frame.delims, c);
      if (at < 0) break;
      const opener = frame.delims[at]!;
      // The frame's deepest node bounds the new node's depth: O(1) and never rescanning.
      if (frame.depth + 1 > MAX_NEST) break;
      frame.delims.length = at + 1; // openers above the match can no longer match
      const use = c === "~" ? 2 : opener.length >= 2 && remaining >= 2 ? 2 : 1;
      opener.length -= use;
      remaining -= use;
      const inner = frame.children.splice(opener.index + 1);
      const type = c === "~" ? "strike" : use === 2 ? "strong" : "em";
      const openerNode = frame.children[opener.index];
      if (openerNode?.type === "text") openerNode.text = openerNode.text.slice(use);
      if (opener.length === 0) {
        frame.delims.pop();
        frame.children.pop();
      }
      frame.children.push({ type, children: inner });
      frame.depth++;
      this.stats.steps += inner.length;
    }
    if (remaining > 0) {
      frame.children.push({ type: "text", text: c.repeat(remaining) });
      if (canOpen) frame.delims.push({ index: frame.children.length - 1, char: c, length: remaining });
    }
    return j;
  }

  // ── links and images ──────────────────────────────────────────────────────

  private openBracket(i: number, image: boolean): number | null {
    if (this.frames.length >= MAX_FRAMES) return null;
    this.flush(i);
    this.frames.push({ kind: "bracket", raw: image ? "![" : "[", children: [], delims: [], depth: 0, image, linksAtOpen: this.links });
    this.brackets++;
    return i + (image ? 2 : 1);
  }

  private closeBracket(i: number): number | null {
    if (this.brackets === 0) return null;
    this.flush(i);
    while (this.frame.kind !== "bracket") this.literalize();
    const frame = this.frame;
    const dest = this.destination(i + 1);
    // A link inside this one wins (CommonMark): the outer brackets read as text.
    const nested = !frame.image && this.links > (frame.linksAtOpen ?? 0);
    if (!dest || nested) {
      this.literalize();
      this.text("]");
      return i + 1;
    }
    this.frames.pop();
    this.brackets--;
    const parent = this.frame;
    parent.depth = Math.max(parent.depth, frame.depth + 1);
    if (frame.image) {
      parent.children.push({ type: "image", imageKey: dest.url, alt: plainText(frame.children) });
    } else {
      const href = safeHref(dest.url);
      if (href) {
        this.links++;
        parent.children.push({ type: "link", href, children: normalize(frame.children) });
      } else {
        // An unsafe target (javascript:, data:…) keeps its words and loses the link.
        for (const child of frame.children) parent.children.push(child);
      }
    }
    return dest.end;
  }

  /** `(url "title")` right after a `]`: the url and where the construct ends. */
  private destination(i: number): { url: string; end: number } | null {
    const s = this.s;
    if (s[i] !== "(") return null;
    let j = i + 1;
    while (s[j] === " ") j++;
    const start = j;
    let depth = 0;
    while (j < s.length && j - start < MAX_TAG) {
      const c = s[j]!;
      if (c === " " || c === "\n" || c === "\t" || c === "<" || c === "[" || c === "]") break;
      if (c === "(") depth++;
      if (c === ")") {
        if (depth === 0) break;
        depth--;
      }
      j++;
    }
    this.stats.steps += j - i;
    const url = s.slice(start, j);
    while (s[j] === " ") j++;
    if (s[j] === '"' || s[j] === "'") {
      const close = this.find(s[j]!, j + 1);
      if (close < 0 || close - j > MAX_TAG) return null;
      j = close + 1;
      while (s[j] === " ") j++;
    }
    if (s[j] !== ")") return null;
    return { url: decodeEntities(url), end: j + 1 };
  }

  private bareUrl(i: number): number | null {
    const s = this.s;
    if (!(s.startsWith("http://", i) || s.startsWith("https://", i))) return null;
    if (i > 0 && isAlnum(s[i - 1]!)) return null;
    if (this.frames.some((f) => f.kind === "bracket" || f.tag?.name === "a" || f.tag?.name === "link")) return null;
    let j = i;
    while (j < s.length && !isSpace(s[j]!) && s[j] !== "<" && s[j] !== ">" && s[j] !== '"' && s[j] !== "`") j++;
    this.stats.steps += j - i;
    while (j > i && ".,:;!?)]'*_~".includes(s[j - 1]!)) j--;
    const url = s.slice(i, j);
    if (url.length <= 8) return null;
    return this.emit(i, { type: "link", href: url, children: [{ type: "text", text: url }] }, j);
  }

  // ── tags ──────────────────────────────────────────────────────────────────

  private angle(i: number): number | null {
    const tag = this.lexTag(i);
    if (!tag) return this.autolink(i);
    const raw = this.s.slice(i, tag.end);
    const name = tag.name;
    if (tag.closing) {
      if (!CONTAINERS.has(name) || !this.tagCount.get(name)) return null;
      this.flush(i);
      while (this.frame.tag?.name !== name) this.literalize();
      this.closeTag();
      return tag.end;
    }
    if (name === "br") return this.emit(i, { type: "break" }, tag.end, true);
    if (CONTAINERS.has(name) && !tag.selfClosing) {
      if (this.frames.length >= MAX_FRAMES) return null;
      this.flush(i);
      this.frames.push({ kind: "tag", raw, children: [], delims: [], depth: 0, tag });
      this.tagCount.set(name, (this.tagCount.get(name) ?? 0) + 1);
      return tag.end;
    }
    if (ATOMS.has(name)) {
      let body = "";
      let end = tag.end;
      if (!tag.selfClosing) {
        const close = this.find(`</${name}>`, tag.end);
        if (close < 0) return null;
        body = this.s.slice(tag.end, close);
        end = close + name.length + 3;
      }
      const nodes: Inline[] | null = name === "raw" ? [{ type: "text", text: body }] : atom(name, tag.attrs, body);
      if (!nodes) return this.emitText(i, this.s.slice(i, end), end);
      this.flush(i);
      for (const node of nodes) this.frame.children.push(node);
      return end;
    }
    return null;
  }

  /** `<https://…>`: CommonMark's autolink. */
  private autolink(i: number): number | null {
    const close = this.find(">", i);
    if (close < 0 || close - i > MAX_TAG) return null;
    const href = safeHref(this.s.slice(i + 1, close));
    return href ? this.emit(i, { type: "link", href, children: [{ type: "text", text: href }] }, close + 1) : null;
  }

  /**
   * The next `needle` at or after `from`, or -1. It remembers the last answer per needle, so
   * successive searches cover disjoint stretches of the input and never rescan it.
   */
  private find(needle: string, from: number): number {
    const cached = this.findCache.get(needle);
    if (cached && from >= cached.from && (cached.at < 0 || from <= cached.at)) return cached.at;
    const at = this.s.indexOf(needle, from);
    this.stats.steps += (at < 0 ? this.s.length : at) - from;
    this.findCache.set(needle, { from, at });
    return at;
  }

  /** Reads `<name attr='v' attr=v attr>` / `</name>` at `i` without backtracking, or null. */
  private lexTag(i: number): Tag | null {
    const s = this.s;
    let j = i + 1;
    const closing = s[j] === "/";
    if (closing) j++;
    if (!isNameStart(s[j] ?? "")) return null;
    const nameStart = j;
    while (isNameChar(s[j] ?? "")) j++;
    const name = s.slice(nameStart, j).toLowerCase();
    const attrs: Record<string, string> = {};
    const limit = Math.min(s.length, i + MAX_TAG);
    for (;;) {
      this.stats.steps++;
      while (j < limit && isSpace(s[j]!)) j++;
      if (j >= limit) return null;
      if (s[j] === ">") return { name, closing, selfClosing: false, attrs, end: j + 1 };
      if (s[j] === "/" && s[j + 1] === ">") return { name, closing, selfClosing: true, attrs, end: j + 2 };
      if (closing || !isAttrChar(s[j]!)) return null;
      const attrStart = j;
      while (j < limit && isAttrChar(s[j]!)) j++;
      const attr = s.slice(attrStart, j).toLowerCase();
      let k = j;
      while (k < limit && isSpace(s[k]!)) k++;
      if (s[k] !== "=") {
        attrs[attr] = "";
        continue;
      }
      k++;
      while (k < limit && isSpace(s[k]!)) k++;
      const quote = s[k];
      if (quote === "'" || quote === '"') {
        const close = this.find(quote, k + 1);
        if (close < 0 || close >= limit) return null;
        attrs[attr] = decodeEntities(s.slice(k + 1, close));
        j = close + 1;
      } else {
        const valueStart = k;
        while (k < limit && !isSpace(s[k]!) && s[k] !== ">" && !(s[k] === "/" && s[k + 1] === ">") && s[k] !== "'" && s[k] !== '"' && s[k] !== "<") k++;
        if (k === valueStart) return null;
        attrs[attr] = decodeEntities(s.slice(valueStart, k));
        j = k;
      }
    }
  }

  private closeTag() {
    const frame = this.frames.pop()!;
    const tag = frame.tag!;
    this.tagCount.set(tag.name, (this.tagCount.get(tag.name) ?? 1) - 1);
    const children = normalize(frame.children);
    const parent = this.frame;
    parent.depth = Math.max(parent.depth, frame.depth + 1);
    const a = tag.attrs;
    switch (tag.name) {
      case "font":
        parent.children.push({ type: "font", color: fontColor(a.color ?? ""), children });
        return;
      case "text_tag":
        parent.children.push({ type: "textTag", color: (a.color ?? "neutral").trim().toLowerCase(), children });
        return;
      case "a":
      case "link": {
        // The preview is the desktop client: pc_url wins over url, as Feishu's PC client does.
        const href = tag.name === "a" ? safeHref(a.href ?? "") : (safeHref(a.pc_url ?? "") ?? safeHref(a.url ?? ""));
        const shown = children.length ? children : [{ type: "text", text: tag.name === "a" ? (a.href ?? "") : (a.url ?? "") } as const];
        if (href) {
          this.links++;
          parent.children.push({ type: "link", href, icon: tag.name === "link" && a.icon ? a.icon : undefined, children: shown });
        } else for (const child of shown) parent.children.push(child);
        return;
      }
    }
  }

  /** An unclosed bracket or tag: its opener and content go back to the parent as they were written. */
  private literalize() {
    const frame = this.frames.pop()!;
    if (frame.kind === "bracket") this.brackets--;
    if (frame.tag) this.tagCount.set(frame.tag.name, (this.tagCount.get(frame.tag.name) ?? 1) - 1);
    const parent = this.frame;
    parent.depth = Math.max(parent.depth, frame.depth);
    this.text(frame.raw, parent);
    for (const child of frame.children) parent.children.push(child);
    this.stats.steps += frame.children.length;
  }
}

function findOpener(delims: Delim[], c: string): number {
  for (let k = delims.length - 1; k >= 0; k--) if (delims[k]!.char === c) return k;
  return -1;
}

/** The words of some inline nodes, for an image's alt text. */
export function plainText(nodes: readonly Inline[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text" || node.type === "code") out += node.text;
    else if (node.type === "break") out += " ";
    else if ("children" in node) out += plainText(node.children);
  }
  return out;
}

/** Joins neighbouring text nodes and drops empty ones. */
function normalize(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === "text") {
      if (!node.text) continue;
      const last = out[out.length - 1];
      if (last?.type === "text") {
        out[out.length - 1] = { type: "text", text: last.text + node.text };
        continue;
      }
    }
    out.push(node);
  }
  return out;
}

/** `normalize` through the whole tree (nesting is capped, so the recursion is shallow). */
function normalizeDeep(nodes: Inline[]): Inline[] {
  return normalize(nodes).map((node) => ("children" in node ? { ...node, children: normalizeDeep(node.children) } : node));
}

/** Parses one run of inline markdown (a paragraph, a heading, a table cell). */
export function parseInline(source: string, stats: ParseStats = { steps: 0 }): Inline[] {
  return new InlineParser(source, stats).parse();
}
