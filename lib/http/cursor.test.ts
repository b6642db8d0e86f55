import { describe, expect, it } from "vitest";
import { encodeCursor, readCursor } from "./cursor";
import { HttpError } from "./errors";

const b64 = (text: string) => Buffer.from(text).toString("base64url");

describe("readCursor", () => {
  it("reads back what encodeCursor wrote", () => {
    const cursor = { at: new Date("2026-11-30T10:00:00.000Z"), id: "cmabc123" };
    expect(readCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(readCursor(undefined)).toBeUndefined();
  });

  it.each([
    ["a date past the database's range (issue 12)", b64("+010000-01-01T00:00:00.000Z|x")],
    ["a date before 1970", b64("-000001-01-01T00:00:00.000Z|x")],
    ["no id", b64("2026-11-30T10:00:00.000Z|")],
    ["not a date", b64("yesterday|x")],
    ["an id with odd characters", b64("2026-11-30T10:00:00.000Z|a b")],
    ["an extra part", b64("2026-11-30T10:00:00.000Z|x|y")],
    ["a huge cursor", "A".repeat(100_000)],
    ["a lone surrogate", b64("2026-11-30T10:00:00.000Z|\ud800")],
  ])("refuses %s with a 400", (_name, value) => {
    let caught: unknown;
    try {
      readCursor(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HttpError);
    expect((caught as HttpError).status).toBe(400);
    expect((caught as HttpError).code).toBe("invalid_cursor");
  });
});
