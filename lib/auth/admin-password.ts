import type { Db } from "@/lib/db";
import { secretsMatch } from "@/lib/crypto/constant-time";
import { generatePassword, hashPassword, verifyPassword } from "./password";

export const ADMIN_PASSWORD_SETTING = "admin_password_hash";

export type AdminPasswordSource = "env" | "generated";

export function adminPasswordSource(): AdminPasswordSource {
  return process.env.ADMIN_PASSWORD ? "env" : "generated";
}

/**
 * Without ADMIN_PASSWORD, the first start generates a password, stores only its
 * hash and returns it so the caller can print it once (like Jupyter's token).
 * Returns null when nothing was generated.
 */
export async function ensureAdminPassword(db: Db): Promise<string | null> {
  if (process.env.ADMIN_PASSWORD) return null;
  const existing = await db.setting.findUnique({ where: { key: ADMIN_PASSWORD_SETTING } });
  if (existing) return null;
  const password = generatePassword();
  const value = await hashPassword(password);
  // A concurrent first start may have won the race; its password stands.
  const created = await db.setting.createMany({ data: [{ key: ADMIN_PASSWORD_SETTING, value }] }).catch(() => ({ count: 0 }));
  return created.count === 1 ? password : null;
}

export async function checkAdminPassword(db: Db, candidate: string): Promise<boolean> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return secretsMatch(candidate, fromEnv);
  const stored = await db.setting.findUnique({ where: { key: ADMIN_PASSWORD_SETTING } });
  return stored ? verifyPassword(candidate, stored.value) : false;
}
