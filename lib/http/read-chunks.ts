/**
 * Reads a request body from its chunks, keeping at most `limit` bytes. Past the limit the rest is
 * read and discarded (so the client, still sending, gets the 413 instead of a connection reset),
 * up to `drainLimit` bytes; beyond that reading stops and the caller closes the connection.
 */
export async function readChunks(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  drainLimit: number,
): Promise<{ ok: true; body: Buffer } | { ok: false; drained: boolean }> {
  const kept: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > drainLimit) return { ok: false, drained: false };
    if (size <= limit) kept.push(chunk);
  }
  return size > limit ? { ok: false, drained: true } : { ok: true, body: Buffer.concat(kept) };
}
