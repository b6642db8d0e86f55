import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { isValidSession, issueSession, revokeSession, SESSION_COOKIE, SESSION_TTL_MS, sessionTokenFrom } from "./session";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());
beforeEach(() => db.session.deleteMany());

describe("sessions", () => {
  const now = Date.now();

  it("are stored server-side by the hash of their id only, and validate", async () => {
    const token = await issueSession(now);
    expect(await isValidSession(token, now + 1000)).toBe(true);
    const rows = await db.session.findMany();
    expect(rows).toHaveLength(1);
    const id = token.split(".")[2]!;
    expect(rows[0]!.id).not.toContain(id);
    expect(rows[0]!.expiresAt.getTime()).toBe(now + SESSION_TTL_MS);
  });

  it("end at logout, for every copy of the cookie, and only that session", async () => {
    const mine = await issueSession(now);
    const other = await issueSession(now);
    const captured = `${mine}`;
    await revokeSession(mine, now);
    expect(await isValidSession(captured, now + 1000)).toBe(false);
    expect(await isValidSession(other, now + 1000)).toBe(true);
  });

  it("expire after the TTL, and expired rows are pruned at the next sign-in", async () => {
    const old = await issueSession(now - SESSION_TTL_MS - 1000);
    expect(await isValidSession(old, now)).toBe(false);
    expect(await db.session.count()).toBe(1);
    await issueSession(now);
    expect(await db.session.count()).toBe(1);
    expect(await isValidSession(old, now - SESSION_TTL_MS)).toBe(false);
  });

  it("are refused when the row is gone, even with a valid signature", async () => {
    const token = await issueSession(now);
    await db.session.deleteMany();
    expect(await isValidSession(token, now)).toBe(false);
  });

  it("refuse a forged expiry, a tampered signature and junk", async () => {
    const token = await issueSession(now);
    const [v, , id, mac] = token.split(".");
    expect(await isValidSession(`${v}.${now + 2 * SESSION_TTL_MS}.${id}.${mac}`, now)).toBe(false);
    expect(await isValidSession(`${token.slice(0, -2)}xx`, now)).toBe(false);
    for (const junk of ["", "abc", "v2.1.2", "v2..", `${token}.x`, "x".repeat(10_000), undefined]) {
      expect(await isValidSession(junk, now)).toBe(false);
    }
  });

  it("ignore a logout with a forged token", async () => {
    const token = await issueSession(now);
    await revokeSession(`${token.slice(0, -2)}xx`, now);
    await revokeSession(undefined, now);
    expect(await isValidSession(token, now)).toBe(true);
  });

  it.each([
    [`a=1; ${SESSION_COOKIE}=tok.en; b=2`, "tok.en"],
    [`${SESSION_COOKIE}=x`, "x"],
    [`x${SESSION_COOKIE}=y`, undefined],
    [null, undefined],
  ] as const)("reads the cookie from %j", (header, expected) => {
    expect(sessionTokenFrom(header)).toBe(expected);
  });
});
