import { HttpError } from "./errors";
import { MAX_JSON_BODY_BYTES } from "./read-json";

/** The raw body bytes within the size limit: callback signatures cover bytes, not parsed JSON. */
export async function readRawBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw new HttpError(413, "body_too_large", "bodyTooLarge", { limit });
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > limit) throw new HttpError(413, "body_too_large", "bodyTooLarge", { limit });
  return body;
}
