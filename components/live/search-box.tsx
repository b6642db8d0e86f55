"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Typing pauses this long before the server is asked: one search per pause, not per keystroke. */
const SEARCH_DEBOUNCE_MS = 300;
/** The API's own bound on `q`; the box stops there rather than earn a 400. */
const SEARCH_MAX = 200;

/** /live's search (issue 17): control, data, actor, summary and the body, combined with the filters beside it. */
export function SearchBox({ onSearch }: { onSearch: (q: string) => void }) {
  const t = useTranslations("live.search");
  const [text, setText] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // onSearch is a new function each render of the parent; the text alone decides when to search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return (
    <label className="relative flex min-w-48 flex-1 items-center sm:max-w-72">
      <Search aria-hidden className="pointer-events-none absolute left-2.5 size-4 text-slate-400" />
      <input
        type="search"
        aria-label={t("label")}
        placeholder={t("placeholder")}
        maxLength={SEARCH_MAX}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-2 pl-8 text-sm"
      />
    </label>
  );
}
