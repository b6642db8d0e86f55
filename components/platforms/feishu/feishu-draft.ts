"use client";

import { useState } from "react";

/**
 * Text typed for a structured value (a JSON object, a list). The value can change elsewhere
 * (undo, the JSON tab): the draft follows it unless the draft already says the same, so a
 * half-typed line is never replaced by its own parse.
 */
export function useDraft<T>(value: T, format: (value: T) => string, says: (draft: string, value: T) => boolean) {
  const [draft, setDraft] = useState(() => format(value));
  const key = JSON.stringify(value) ?? "";
  const [seen, setSeen] = useState(key);
  if (key !== seen) {
    setSeen(key);
    if (!says(draft, value)) setDraft(format(value));
  }
  return [draft, setDraft] as const;
}
