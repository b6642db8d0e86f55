import { Fragment } from "react";

/**
 * Text with each occurrence of `query` marked (case-insensitive, as the search matches), so a search hit can be
 * found in a long body. Matching is on the text as shown; a query the server matched elsewhere marks nothing.
 */
export function Highlight({ text, query }: { text: string; query?: string }) {
  const parts = highlightParts(text, query);
  return parts.map((part, i) => (part.match ? <mark key={i} data-testid="search-match" className="rounded-sm bg-amber-300 text-slate-900">{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>));
}

export function highlightParts(text: string, query?: string): { text: string; match: boolean }[] {
  const needle = query?.trim().toLocaleLowerCase();
  if (!needle) return [{ text, match: false }];
  const haystack = text.toLocaleLowerCase();
  // Lower-casing can change a string's length (İ): then the offsets would not line up, so nothing is marked.
  if (haystack.length !== text.length) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from), match: false });
  return parts;
}
