import { Fragment, type ReactNode } from "react";

// Feishu's named text colours (card markdown `<font color='…'>`); hex values pass through.
const FONT_COLORS: Record<string, string> = {
  red: "#f54a45", green: "#32a645", grey: "#8f959e", gray: "#8f959e", blue: "#3370ff", wathet: "#3d8fdf",
  turquoise: "#00a79d", yellow: "#dc9b04", orange: "#ed6d0c", carmine: "#d23b84", violet: "#7f3bf5",
  purple: "#a43bd8", indigo: "#4954e6", lime: "#8fb000", neutral: "#646a73", default: "inherit",
};

function fontColor(name: string): string | undefined {
  const base = name.toLowerCase().replace(/-(light|lighter|dark|darker)$/, "");
  if (FONT_COLORS[base]) return FONT_COLORS[base];
  return /^#[0-9a-f]{3,8}$/i.test(name) ? name : undefined;
}

const isHttp = (url: string) => /^https?:\/\//i.test(url);

// One alternation, earliest match wins: font, at, link, bold, strike, italic, code, <br>, bare URL.
const INLINE =
  /<font\s+color\s*=\s*(['"]?)([#\w-]+)\1\s*>([\s\S]*?)<\/font>|<at\s+(?:id|user_id|open_id|email)\s*=\s*(['"]?)([^'"\s>]+)\4\s*>([^<]*)<\/at>|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([\s\S]+?)\*\*|~~([\s\S]+?)~~|\*([^*\s](?:[^*]*[^*\s])?)\*|`([^`]+)`|<br\s*\/?>|(https?:\/\/[^\s<>()]+)/g;

export interface MarkdownLabels {
  /** How `<at id=all>` reads (@所有人 / @everyone). */
  atAll: string;
}

/** Inline Feishu markdown as React elements; anything not understood stays literal text. */
function inline(text: string, labels: MarkdownLabels, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) out.push(text.slice(last, at));
    const k = `${key}.${n++}`;
    const [whole, , color, fontBody, , atId, atName, linkText, linkUrl, bold, strike, italic, code, bare] = m;
    if (fontBody !== undefined && color !== undefined) {
      out.push(<span key={k} style={{ color: fontColor(color) }}>{inline(fontBody, labels, k)}</span>);
    } else if (atId !== undefined) {
      const label = atId === "all" ? labels.atAll : `@${atName?.trim() || atId}`;
      out.push(<span key={k} className="rounded px-0.5 text-[#3370ff]">{label}</span>);
    } else if (linkText !== undefined && linkUrl !== undefined) {
      out.push(isHttp(linkUrl) ? <a key={k} href={linkUrl} target="_blank" rel="noopener noreferrer" className="text-[#3370ff] hover:underline">{inline(linkText, labels, k)}</a> : <Fragment key={k}>{inline(linkText, labels, k)}</Fragment>);
    } else if (bold !== undefined) {
      out.push(<strong key={k} className="font-semibold">{inline(bold, labels, k)}</strong>);
    } else if (strike !== undefined) {
      out.push(<s key={k}>{inline(strike, labels, k)}</s>);
    } else if (italic !== undefined) {
      out.push(<em key={k}>{inline(italic, labels, k)}</em>);
    } else if (code !== undefined) {
      out.push(<code key={k} className="rounded bg-[#f2f3f5] px-1 font-mono text-[0.9em]">{code}</code>);
    } else if (bare !== undefined) {
      out.push(<a key={k} href={bare} target="_blank" rel="noopener noreferrer" className="text-[#3370ff] hover:underline">{bare}</a>);
    } else {
      out.push(<br key={k} />);
    }
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

type Block =
  | { kind: "p"; text: string }
  | { kind: "h"; level: number; text: string }
  | { kind: "li"; ordered: boolean; n: number; indent: number; text: string }
  | { kind: "quote"; text: string }
  | { kind: "code"; text: string }
  | { kind: "hr" }
  | { kind: "gap" };

function blocks(source: string): Block[] {
  const out: Block[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*```/.test(line)) {
      const body: string[] = [];
      while (++i < lines.length && !/^\s*```/.test(lines[i]!)) body.push(lines[i]!);
      out.push({ kind: "code", text: body.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
    const numbered = /^(\s*)(\d+)\.\s+(.*)$/.exec(line);
    if (heading) out.push({ kind: "h", level: heading[1]!.length, text: heading[2]! });
    else if (/^\s*(-{3,}|\*{3,}|<hr\s*\/?>)\s*$/.test(line)) out.push({ kind: "hr" });
    else if (bullet) out.push({ kind: "li", ordered: false, n: 0, indent: Math.floor(bullet[1]!.length / 2), text: bullet[2]! });
    else if (numbered) out.push({ kind: "li", ordered: true, n: Number(numbered[2]), indent: Math.floor(numbered[1]!.length / 2), text: numbered[3]! });
    else if (/^>\s?/.test(line)) out.push({ kind: "quote", text: line.replace(/^>\s?/, "") });
    else if (line.trim() === "") out.push({ kind: "gap" });
    else out.push({ kind: "p", text: line });
  }
  return out;
}

const HEADING_SIZE = ["text-xl", "text-lg", "text-base", "text-[15px]", "text-sm", "text-sm"];

/**
 * The markdown subset a Feishu card renders: headings, bold, italic, strikethrough, links
 * (http and https only), lists, quotes, code, `<font color>` and `<at>` mentions. It builds
 * React elements from the source and never injects HTML.
 */
export function FeishuMarkdown({ source, labels, align }: { source: string; labels: MarkdownLabels; align?: string }) {
  return (
    <div className="space-y-0.5 break-words" style={{ textAlign: align === "center" || align === "right" ? align : undefined }}>
      {blocks(source).map((block, i) => {
        const key = String(i);
        switch (block.kind) {
          case "h":
            return <div key={key} className={`font-semibold ${HEADING_SIZE[block.level - 1]}`}>{inline(block.text, labels, key)}</div>;
          case "li":
            return (
              <div key={key} className="flex gap-1.5" style={{ paddingLeft: `${block.indent * 1.25 + 0.25}rem` }}>
                <span aria-hidden className="shrink-0 text-[#646a73]">{block.ordered ? `${block.n}.` : "•"}</span>
                <span className="min-w-0">{inline(block.text, labels, key)}</span>
              </div>
            );
          case "quote":
            return <div key={key} className="border-l-2 border-[#dee0e3] pl-2 text-[#646a73]">{inline(block.text, labels, key)}</div>;
          case "code":
            return <pre key={key} className="overflow-x-auto rounded bg-[#f2f3f5] p-2 font-mono text-xs">{block.text}</pre>;
          case "hr":
            return <hr key={key} className="my-1 border-[#dee0e3]" />;
          case "gap":
            return <div key={key} className="h-2" />;
          case "p":
            return <div key={key}>{inline(block.text, labels, key)}</div>;
        }
      })}
    </div>
  );
}
