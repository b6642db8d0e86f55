import { HttpError } from "./errors";

/** Request bodies above this are refused before parsing (layouts and callbacks are a few KiB). */
export const MAX_BODY_BYTES = 256 * 1024;

/** The body's bytes, streamed and cut off at the limit (a 413), so nothing larger is ever buffered. */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, "body_too_large", "bodyTooLarge", { limit });
}
