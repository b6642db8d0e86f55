import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { ADMIN_PASSWORD_SETTING, checkAdminPassword, ensureAdminPassword } from "./admin-password";

const db = createTestDb();
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
    expect(await db.setting.count()).toBe(0);
    expect(await checkAdminPassword(db, "correct horse")).toBe(true);
    expect(await checkAdminPassword(db, "correct hors")).toBe(false);
  });
});
