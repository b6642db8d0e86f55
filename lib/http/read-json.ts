import { HttpError } from "./errors";
import { MAX_JSON_DEPTH, storableProblem } from "./json-safety";
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

/** Rejects what JSON allows but storage cannot take (see json-safety.ts). */
function checkStorable(root: unknown): void {
  const problem = storableProblem(root);
  if (problem === "tooDeep") throw new HttpError(400, "invalid_json", "tooDeep", { max: MAX_JSON_DEPTH });
  if (problem) throw new HttpError(400, "invalid_json", "malformedString");
}
