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
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime())) throw new HttpError(400, "invalid_cursor", "invalidCursor");
  return { at, id };
}
