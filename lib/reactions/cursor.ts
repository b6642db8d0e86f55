import "server-only";
import { encodeCursor, readCursor, type Cursor } from "@/lib/http/cursor";
import { HttpError } from "@/lib/http/errors";

/** Message ids are the platform's and may hold any character: they travel base64url-encoded after the time part. */
const MAX_MESSAGE_ID_CHARS = 4096;

const invalid = () => new HttpError(400, "invalid_cursor", "invalidCursor");

/** A board position, (updatedAt, messageId): lib/http/cursor.ts's time part, a dot, then the message id. */
export function encodeBoardCursor(at: Date, messageId: string): string {
  return `${encodeCursor({ at, id: "m" })}.${Buffer.from(messageId, "utf8").toString("base64url")}`;
}

/** The position a client sent back; a forged, damaged or out-of-range one is a 400 (readCursor checks the time). */
export function readBoardCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  const dot = value.indexOf(".");
  if (dot <= 0) throw invalid();
  const time = readCursor(value.slice(0, dot));
  const encoded = value.slice(dot + 1);
  if (!time || !/^[A-Za-z0-9_-]+$/.test(encoded) || encoded.length > (MAX_MESSAGE_ID_CHARS * 4) / 3 + 4) throw invalid();
  const id = Buffer.from(encoded, "base64url").toString("utf8");
  if (!id || !id.isWellFormed() || id.includes("\uFFFD")) throw invalid();
  return { at: time.at, id };
}
