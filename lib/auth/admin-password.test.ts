import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { ADMIN_PASSWORD_SETTING, checkAdminPassword, ensureAdminPassword, SESSIONS_PASSWORD_SETTING } from "./admin-password";
import { isValidSession, issueSession } from "./session";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());
afterEach(() => {
  delete process.env.ADMIN_PASSWORD;
});

describe("admin password", () => {
  it("is generated once, stored only as a hash, and checks", async () => {
    const password = await ensureAdminPassword(db);
    expect(password).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(await ensureAdminPassword(db)).toBeNull();
    const stored = await db.setting.findUniqueOrThrow({ where: { key: ADMIN_PASSWORD_SETTING } });
    expect(stored.value).not.toContain(password!);
    expect(stored.value).toMatch(/^scrypt\$/);
    expect(await checkAdminPassword(db, password!)).toBe(true);
    expect(await checkAdminPassword(db, `${password}x`)).toBe(false);
  });

  it("uses ADMIN_PASSWORD when set, and generates nothing", async () => {
    process.env.ADMIN_PASSWORD = "correct horse";
    await db.setting.deleteMany();
    expect(await ensureAdminPassword(db)).toBeNull();
    expect(await db.setting.findUnique({ where: { key: ADMIN_PASSWORD_SETTING } })).toBeNull();
    const recorded = await db.setting.findUniqueOrThrow({ where: { key: SESSIONS_PASSWORD_SETTING } });
    expect(recorded.value).not.toContain("correct horse");
    expect(await checkAdminPassword(db, "correct horse")).toBe(true);
    expect(await checkAdminPassword(db, "correct hors")).toBe(false);
  });

  describe("a password change ends every session at the next start", () => {
    async function signedInUnder(env: string | undefined): Promise<string[]> {
      if (env === undefined) delete process.env.ADMIN_PASSWORD;
      else process.env.ADMIN_PASSWORD = env;
      await ensureAdminPassword(db);
      return [await issueSession(), await issueSession()];
    }
    const alive = (tokens: string[]) => Promise.all(tokens.map((t) => isValidSession(t)));

    it("keeps sessions when ADMIN_PASSWORD is unchanged", async () => {
      const tokens = await signedInUnder("first password");
      await ensureAdminPassword(db);
      expect(await alive(tokens)).toEqual([true, true]);
    });

    it("ends them when ADMIN_PASSWORD changes", async () => {
      const tokens = await signedInUnder("first password");
      process.env.ADMIN_PASSWORD = "second password";
      await ensureAdminPassword(db);
      expect(await alive(tokens)).toEqual([false, false]);
    });

    it("ends them when ADMIN_PASSWORD is unset (the generated password takes over) and set again", async () => {
      const underEnv = await signedInUnder("first password");
      const underGenerated = await signedInUnder(undefined);
      expect(await alive(underEnv)).toEqual([false, false]);
      await ensureAdminPassword(db);
      expect(await alive(underGenerated)).toEqual([true, true]);
      process.env.ADMIN_PASSWORD = "first password";
      await ensureAdminPassword(db);
      expect(await alive(underGenerated)).toEqual([false, false]);
    });

    it("ends them when the generated password is reset (its row deleted, a new one generated)", async () => {
      const tokens = await signedInUnder(undefined);
      await db.setting.delete({ where: { key: ADMIN_PASSWORD_SETTING } });
      expect(await ensureAdminPassword(db)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(await alive(tokens)).toEqual([false, false]);
    });
  });
});
