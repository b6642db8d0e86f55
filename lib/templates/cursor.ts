/** Opaque page cursor over (updatedAt desc, id desc): stable while rows are inserted. */
export interface TemplateCursor {
  updatedAt: Date;
  id: string;
}

export function encodeCursor(cursor: TemplateCursor): string {
  return Buffer.from(`${cursor.updatedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string): TemplateCursor | null {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(iso ?? "");
  return id && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id } : null;
}
