/** Valid modal parts for tests; each overrides one field at a time. */

export function textInput(customId: string, patch: Record<string, unknown> = {}) {
  return { type: 4, custom_id: customId, style: 1, ...patch };
}

export function label(component: unknown, patch: Record<string, unknown> = {}) {
  return { type: 18, label: "Question", component, ...patch };
}

export const choices = (n: number, patch: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ label: `Option ${i}`, value: `v${i}`, ...patch(i) }));

export function modal(components: unknown[], patch: Record<string, unknown> = {}) {
  return { title: "Feedback", custom_id: "feedback", components, ...patch };
}

/** A modal of one Label holding `component`. */
export const withControl = (component: unknown) => modal([label(component)]);

/** n Labels with distinct short Text Inputs. */
export const labels = (n: number) => modal(Array.from({ length: n }, (_, i) => label(textInput(`t${i}`))));
