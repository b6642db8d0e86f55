import { Fragment, type ReactNode } from "react";

// The markdown subset Discord renders in messages and Text Displays (support.discord.com "Markdown Text 101"):
// headings #/##/###, -# subtext, lists, > quotes, ``` blocks, and inline bold, italic, underline, strike,
// code, spoilers and [links](url). Anything not understood stays literal text.

// Earliest match wins: code, bold, underline, italic (* or _), strike, spoiler, masked link, bare URL.
const INLINE = /`([^`]+)`|\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|_([^_\s](?:[^_]*[^_\s])?)_|~~([\s\S]+?)~~|\|\|([\s\S]+?)\|\||\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s<>()]+)/g;

function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}.${n++}`;
    const [, code, bold, underline, italic, italic2, strike, spoiler, linkText, linkUrl, bare] = m;
    if (code !== undefined) out.push(<code key={k} className="rounded bg-[#2b2d31] px-1 py-0.5 font-mono text-[0.85em]">{code}</code>);
    else if (bold !== undefined) out.push(<strong key={k} className="font-bold">{inline(bold, k)}</strong>);
    else if (underline !== undefined) out.push(<u key={k}>{inline(underline, k)}</u>);
    else if (italic !== undefined || italic2 !== undefined) out.push(<em key={k}>{inline(italic ?? italic2 ?? "", k)}</em>);
    else if (strike !== undefined) out.push(<s key={k}>{inline(strike, k)}</s>);
    else if (spoiler !== undefined) out.push(<span key={k} className="rounded bg-[#1e1f22] px-0.5 text-transparent transition-colors hover:bg-[#404249] hover:text-inherit">{inline(spoiler, k)}</span>);
    else if (linkText !== undefined && linkUrl !== undefined) out.push(<a key={k} href={linkUrl} target="_blank" rel="noreferrer noopener" className="text-[#00a8fc] hover:underline">{inline(linkText, k)}</a>);
    else if (bare !== undefined) out.push(<a key={k} href={bare} target="_blank" rel="noreferrer noopener" className="text-[#00a8fc] hover:underline">{bare}</a>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const HEADINGS: Record<number, string> = { 1: "text-2xl font-bold leading-tight mt-2", 2: "text-xl font-bold leading-tight mt-2", 3: "text-base font-bold mt-1" };

/** A Discord markdown text as React elements, in the dark theme's colours (inherits the text colour). */
export function DiscordMarkdown({ source }: { source: string }) {
  const lines = source.split("\n");
  const blocks: ReactNode[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const key = String(i);
    if (line.startsWith("```")) {
      // A fenced block runs to the next fence (or the end); its first line may name a language.
      const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
      const body = lines.slice(i + 1, end === -1 ? lines.length : end).join("\n");
      blocks.push(<pre key={key} className="my-1 overflow-x-auto rounded border border-[#1e1f22] bg-[#2b2d31] p-2 font-mono text-xs whitespace-pre-wrap">{body}</pre>);
      i = end === -1 ? lines.length : end;
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const subtext = /^-#\s+(.*)$/.exec(line);
    const bullet = /^(\s*)[-*]\s+(.*)$/.exec(line);
    const numbered = /^(\s*)(\d+)\.\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (heading) blocks.push(<div key={key} role="heading" aria-level={heading[1]!.length} className={HEADINGS[heading[1]!.length]}>{inline(heading[2]!, key)}</div>);
    else if (subtext) blocks.push(<div key={key} className="text-xs text-[#949ba4]">{inline(subtext[1]!, key)}</div>);
    else if (bullet) blocks.push(<div key={key} className="flex gap-2" style={{ paddingLeft: `${bullet[1]!.length * 0.5 + 0.25}rem` }}><span aria-hidden>{"•"}</span><span className="min-w-0">{inline(bullet[2]!, key)}</span></div>);
    else if (numbered) blocks.push(<div key={key} className="flex gap-1.5" style={{ paddingLeft: `${numbered[1]!.length * 0.5 + 0.25}rem` }}><span>{`${numbered[2]}.`}</span><span className="min-w-0">{inline(numbered[3]!, key)}</span></div>);
    else if (quote) blocks.push(<div key={key} className="border-l-4 border-[#4e5058] pl-3">{inline(quote[1]!, key)}</div>);
    else blocks.push(<div key={key} className="min-h-[1.375rem] break-words">{inline(line, key)}</div>);
  }
  return <Fragment>{blocks}</Fragment>;
}
