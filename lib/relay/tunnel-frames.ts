import { z } from "zod";

/**
 * The tunnel's frames: JSON text over the WebSocket at TUNNEL_PATH. bin/button-studio.mjs (plain Node, no
 * TypeScript) writes the same shapes by hand; docs/architecture.md describes them for other clients.
 *
 * Server → CLI, one per forwarded callback: `{type: "callback", id, platform, control?, headers, body, budgetMs,
 * limitBytes}` — `id` the interaction id (made unique while a copy is still awaited: `<id>.2`), `headers` the
 * request headers to send as they are, `body` the exact bytes in base64, `budgetMs` how long the bot has,
 * `limitBytes` how much of its answer to read (one byte more tells the server it was larger).
 *
 * CLI → server: `{type: "answer", id, status, body, ms?}` with the bot's body in base64 (bytes, so the server
 * cuts and decodes it exactly as a direct forward would), or `{type: "answer", id, error: "timeout" |
 * "unreachable", ms?}`. `ms` is the CLI's own timing, informational.
 */
export const TUNNEL_PATH = "/api/relay/tunnel";

/**
 * The largest frame a CLI may send: an answer at TUNNEL_LIMIT_MAX_BYTES in base64 (4/3) and its framing. No more:
 * each frame is parsed on the loop every callback shares, so a 1 MiB frame (~8 ms) would be a lever on deadlines.
 */
export const TUNNEL_MAX_FRAME_BYTES = 96 * 1024;

/** A forward's limit is capped so that its answer, base64 and framed, still fits TUNNEL_MAX_FRAME_BYTES. */
export const TUNNEL_LIMIT_MAX_BYTES = 64 * 1024;

export interface CallbackFrame {
  type: "callback";
  id: string;
  platform: string;
  control?: string;
  headers: Record<string, string>;
  body: string;
  budgetMs: number;
  limitBytes: number;
}

const id = z.string().min(1).max(128);
const ms = z.number().nonnegative().optional();
const answerFrameSchema = z.union([
  z.object({ type: z.literal("answer"), id, status: z.number().int().min(100).max(599), body: z.base64(), ms }),
  z.object({ type: z.literal("answer"), id, error: z.enum(["timeout", "unreachable"]), ms }),
]);
export type AnswerFrame = z.infer<typeof answerFrameSchema>;

/** A CLI's frame, or null when it is not one (the server then closes the socket with 1008). */
export function parseAnswerFrame(text: string): AnswerFrame | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = answerFrameSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
