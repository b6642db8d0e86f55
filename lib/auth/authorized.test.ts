import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { isAuthorized } from "./authorized";
import { issueSession, revokeSession, SESSION_COOKIE } from "./session";

const db = createTestDb();
afterAll(() => db.$disconnect());
afterEach(() => {
  delete process.env.API_TOKEN;
});

describe("isAuthorized (the gate's test)", () => {
  it("accepts a live session cookie and refuses it once the session ended", () => {
    const token = issueSession();
    const headers = new Headers({ cookie: `theme=dark; ${SESSION_COOKIE}=${token}` });
    expect(isAuthorized(headers)).toBe(true);
    revokeSession(token);
    expect(isAuthorized(headers)).toBe(false);
  });

  it("accepts the API token, and nothing without credentials", () => {
    process.env.API_TOKEN = "s3cret";
    expect(isAuthorized(new Headers({ authorization: "Bearer s3cret" }))).toBe(true);
    expect(isAuthorized(new Headers({ authorization: "Bearer nope" }))).toBe(false);
    expect(isAuthorized(new Headers())).toBe(false);
  });
});
