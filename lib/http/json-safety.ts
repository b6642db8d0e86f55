/** Far deeper than any layout or platform payload; deeper input would overflow the stack when serialized. */
export const MAX_JSON_DEPTH = 64;

export type JsonProblem = "invalidJson" | "tooDeep" | "malformedString";

/**
 * What JSON allows but storage and serialization cannot take: nesting that overflows the stack
 * (JSON.stringify is recursive) and strings with lone surrogates (not valid UTF-8, and
 * encodeURIComponent throws on them). Iterative on purpose.
 */
export function storableProblem(root: unknown): JsonProblem | null {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (!value.isWellFormed()) return "malformedString";
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_JSON_DEPTH) return "tooDeep";
      for (const [key, child] of Object.entries(value)) {
        if (!key.isWellFormed()) return "malformedString";
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** Nesting depth of JSON text, counted without parsing (strings skipped), so a 5,000-deep body costs one pass. */
function textDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** JSON.parse that never throws and refuses what cannot be stored or serialized safely. */
export function parseStorableJson(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  if (textDepthExceeds(text, MAX_JSON_DEPTH)) return { ok: false, problem: "tooDeep" };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, problem: "invalidJson" };
  }
  const problem = storableProblem(value);
  return problem ? { ok: false, problem } : { ok: true, value };
}
