import { HttpError } from "./errors";
import { MAX_BODY_BYTES, readLimitedBody } from "./read-limited";

/** Reads a JSON body within the size limit; every client mistake becomes a 4xx HttpError. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, "unsupported_media_type", "unsupportedMediaType");
  }
  const text = (await readLimitedBody(request, limit)).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, "invalid_json", "invalidJson", {}, { detail: error instanceof Error ? error.message : "parse error" });
  }
  checkStorable(value);
  return value;
}

/** Far deeper than any layout; deeper input would overflow the stack when stored. */
export const MAX_JSON_DEPTH = 64;

/**
 * Rejects what JSON allows but storage cannot take: nesting that overflows the
 * stack and strings with lone surrogates (not valid UTF-8). Iterative on purpose.
 */
function checkStorable(root: unknown): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (!value.isWellFormed()) throw new HttpError(400, "invalid_json", "malformedString");
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_JSON_DEPTH) throw new HttpError(400, "invalid_json", "tooDeep", { max: MAX_JSON_DEPTH });
      for (const [key, child] of Object.entries(value)) {
        if (!key.isWellFormed()) throw new HttpError(400, "invalid_json", "malformedString");
        stack.push([child, depth + 1]);
      }
    }
  }
}
