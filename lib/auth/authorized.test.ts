import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { isAuthorized } from "./authorized";
import { issueSession, revokeSession, SESSION_COOKIE } from "./session";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());
afterEach(() => {
  delete process.env.API_TOKEN;
});

describe("isAuthorized (the gate's test)", () => {
  it("accepts a live session cookie and refuses it once the session ended", async () => {
    const token = await issueSession();
    const headers = new Headers({ cookie: `theme=dark; ${SESSION_COOKIE}=${token}` });
    expect(await isAuthorized(headers)).toBe(true);
    await revokeSession(token);
    expect(await isAuthorized(headers)).toBe(false);
  });

  it("accepts the API token, and nothing without credentials", async () => {
    process.env.API_TOKEN = "s3cret";
    expect(await isAuthorized(new Headers({ authorization: "Bearer s3cret" }))).toBe(true);
    expect(await isAuthorized(new Headers({ authorization: "Bearer nope" }))).toBe(false);
    expect(await isAuthorized(new Headers())).toBe(false);
  });
});
