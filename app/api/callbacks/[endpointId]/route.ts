import { serveCallback } from "@/lib/interactions/callback-http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_BODY: AsyncIterable<Uint8Array> = { async *[Symbol.asyncIterator]() {} };

/**
 * The public URL a platform calls, for `next dev`; `npm start` serves it from the lane
 * (server/lane.ts) with the same handler. Every request is signature-checked before anything else.
 */
export async function POST(request: Request, segment: { params: Promise<{ endpointId: string }> }): Promise<Response> {
  const arrivedAt = new Date();
  const { endpointId } = await segment.params;
  const chunks = (request.body as AsyncIterable<Uint8Array> | null) ?? NO_BODY;
  const answer = await serveCallback({ endpointId, headers: request.headers, chunks, arrivedAt });
  return Response.json(answer.body, { status: answer.status, headers: answer.close ? { connection: "close" } : {} });
}
