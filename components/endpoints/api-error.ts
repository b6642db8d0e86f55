/**
 * An endpoints API refusal split for a form: what to show at a field (issues naming it, such as `relayTarget`)
 * and what to show above the buttons (the message and every other issue).
 */
export interface FormError {
  message: string;
  fields: Record<string, string[]>;
}

/** `atField`: the fields this form shows errors beside; issues on other paths stay in the general message. */
export function readFormError(body: unknown, fallback: string, atField: readonly string[]): FormError {
  const error = (body as { error?: { message?: unknown; issues?: unknown } } | null)?.error;
  const issues = Array.isArray(error?.issues) ? (error.issues as { path?: unknown; message?: unknown }[]) : [];
  const fields: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const path = typeof issue.path === "string" ? issue.path : "";
    const message = typeof issue.message === "string" ? issue.message : "";
    const field = atField.find((name) => path === name || path.startsWith(`${name}.`));
    // A union (URL or tunnel) may name the field once per branch with the same words: said once.
    if (field) fields[field] = [...new Set([...(fields[field] ?? []), message])];
    else rest.push(`${path}: ${message}`);
  }
  const head = typeof error?.message === "string" ? error.message : fallback;
  return { message: [head, ...rest].join(" "), fields };
}
