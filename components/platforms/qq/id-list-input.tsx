"use client";

import { useState } from "react";
import { Field, smallInput } from "@/components/ui/field";

/** One id per line; the draft text is kept while typing so blank lines do not vanish under the cursor. */
export function IdListInput({ id, label, help, error, value, onChange }: { id: string; label: string; help: string; error?: string; value: unknown; onChange: (ids: string[]) => void }) {
  const ids = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  const [draft, setDraft] = useState(ids.join("\n"));
  const parsed = draft.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  const shown = parsed.join("\n") === ids.join("\n") ? draft : ids.join("\n");
  return (
    <Field id={id} label={label} help={help} error={error}>
      <textarea
        id={id}
        rows={3}
        className={`${smallInput} font-mono`}
        value={shown}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(e.target.value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean));
        }}
      />
    </Field>
  );
}
