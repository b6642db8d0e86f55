"use client";

import { Field, smallInput } from "@/components/ui/field";
import { useDraft } from "./feishu-draft";

/** One entry a line; blank lines are dropped from the value but kept while typing. */
export function parseLines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter(Boolean);
}

/** A list of strings edited one a line (user ids, preselected values, image keys). */
export function ListField({ id, label, help, error, values, onChange }: { id: string; label: string; help?: string; error?: string; values: string[]; onChange: (values: string[]) => void }) {
  const [draft, setDraft] = useDraft(values, (v) => v.join("\n"), (d, v) => JSON.stringify(parseLines(d)) === JSON.stringify(v));
  return (
    <Field id={id} label={label} help={help} error={error}>
      <textarea
        id={id}
        rows={Math.min(Math.max(values.length + 1, 2), 6)}
        className={`${smallInput} font-mono text-xs`}
        value={draft}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(parseLines(e.target.value));
        }}
      />
    </Field>
  );
}
