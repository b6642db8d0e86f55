import { isRecord } from "../../issues";

/** What one control reports: `value` (Text Input, Radio Group: string or null; Checkbox: boolean) or `values`. */
function answerOf(control: Record<string, unknown>): unknown {
  if (Array.isArray(control.values)) return control.values.filter((v) => typeof v === "string");
  const value = control.value;
  return typeof value === "string" || typeof value === "boolean" || value === null ? value : undefined;
}

/**
 * The values a MODAL_SUBMIT carries, by custom_id: each Label's `component` and each (deprecated) Action
 * Row's Text Inputs (receiving-and-responding.mdx, Modal Submit Data Structure). Entries that do not read
 * are skipped, so one odd component never costs the rest.
 */
export function submittedValues(components: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const take = (control: unknown) => {
    if (!isRecord(control) || typeof control.custom_id !== "string") return;
    const answer = answerOf(control);
    // defineProperty: a custom_id "__proto__" is a key like any other, not the object's prototype.
    if (answer !== undefined) Object.defineProperty(out, control.custom_id, { value: answer, enumerable: true, writable: true, configurable: true });
  };
  for (const entry of Array.isArray(components) ? components : []) {
    if (!isRecord(entry)) continue;
    take(entry.component);
    if (Array.isArray(entry.components)) entry.components.forEach(take);
  }
  return out;
}
