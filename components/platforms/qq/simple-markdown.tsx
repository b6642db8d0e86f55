import { Fragment, type ReactNode } from "react";

/** Renders the markdown subset people put above keyboards (headings, bold, italic); everything else stays text. */
export function SimpleMarkdown({ source }: { source: string }) {
  return (
    <>
      {source.split("\n").map((line, i) => {
        const heading = /^(#{1,6})\s+(.*)$/.exec(line);
        if (heading) return <div key={i} className="font-semibold">{inline(heading[2] ?? "")}</div>;
        return <div key={i} className="min-h-[1em] break-words">{inline(line)}</div>;
      })}
    </>
  );
}

function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/g).map((part, i) => {
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (/^\*[^*]+\*$/.test(part)) return <em key={i}>{part.slice(1, -1)}</em>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}
