import { HttpError } from "./errors";

/** Position in a list ordered by (time desc, id desc): stable while rows are added. */
export interface Cursor {
  at: Date;
  id: string;
}

/** Opaque to clients: base64url of "<iso time>|<id>". */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

/** The cursor a client sent back, if any; a forged or damaged one is a 400. */
export function readCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  const [iso, id, ...rest] = (value.length <= MAX_CURSOR_LENGTH ? Buffer.from(value, "base64url").toString("utf8") : "").split("|");
  const at = new Date(iso ?? "");
  const time = at.getTime();
  // Only times a row can have: the database cannot compare a date past year 9999 (a 500 before this check).
  const inRange = !Number.isNaN(time) && time >= EARLIEST_MS && time <= LATEST_MS;
  if (!id || rest.length > 0 || !inRange || !ID_PATTERN.test(id)) throw new HttpError(400, "invalid_cursor", "invalidCursor");
  return { at, id };
}

/** Ids are cuids or UUIDs; a cursor is a few dozen characters. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_CURSOR_LENGTH = 256;
const EARLIEST_MS = Date.UTC(1970, 0, 1);
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
