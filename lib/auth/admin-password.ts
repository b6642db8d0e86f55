import type { Db } from "@/lib/db";
import { secretsMatch } from "@/lib/crypto/constant-time";
import { generatePassword, hashPassword, verifyPassword } from "./password";

export const ADMIN_PASSWORD_SETTING = "admin_password_hash";

export type AdminPasswordSource = "env" | "generated";

export function adminPasswordSource(): AdminPasswordSource {
  return process.env.ADMIN_PASSWORD ? "env" : "generated";
}

/** Which password the stored sessions were signed in with (see endSessionsOfOldPassword). */
export const SESSIONS_PASSWORD_SETTING = "sessions_password_hash";

/**
 * Once per server start (lib/boot/bootstrap.ts). Without ADMIN_PASSWORD, the first start
 * generates a password, stores only its hash and returns it so the caller can print it once
 * (like Jupyter's token); returns null when nothing was generated. Then, if the password in
 * force is not the one the stored sessions were signed in with (ADMIN_PASSWORD changed, set or
 * unset, or the generated one was reset by deleting its row), every session ends.
 */
export async function ensureAdminPassword(db: Db): Promise<string | null> {
  const generated = await generateIfMissing(db);
  await endSessionsOfOldPassword(db);
  return generated;
}

async function generateIfMissing(db: Db): Promise<string | null> {
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

/**
 * The sessions' password is remembered as a scrypt hash: for ADMIN_PASSWORD a hash of its own
 * (never the password, which would sit next to the key in data/), for a generated password its
 * stored hash itself. A different password in force ends every session: a password change must
 * lock out whoever signed in with the old one.
 */
async function endSessionsOfOldPassword(db: Db): Promise<void> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  const generated = fromEnv ? null : (await db.setting.findUnique({ where: { key: ADMIN_PASSWORD_SETTING } }))?.value;
  const recorded = (await db.setting.findUnique({ where: { key: SESSIONS_PASSWORD_SETTING } }))?.value;
  const same = recorded !== undefined && (fromEnv ? await verifyPassword(fromEnv, recorded) : recorded === generated);
  if (same) return;
  const value = fromEnv ? await hashPassword(fromEnv) : (generated ?? "");
  await db.$transaction([
    db.session.deleteMany(),
    db.setting.upsert({ where: { key: SESSIONS_PASSWORD_SETTING }, create: { key: SESSIONS_PASSWORD_SETTING, value }, update: { value } }),
  ]);
}
