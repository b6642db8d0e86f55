import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/lib/crypto/server-key";

export const SESSION_COOKIE = "bs_session";
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function sign(payload: string): string {
  return createHmac("sha256", deriveKey("session")).update(payload).digest("base64url");
}

/** A stateless session token: `v1.<expiresAtMs>.<nonce>.<hmac>`. */
export function issueSessionToken(now = Date.now()): string {
  const payload = `v1.${now + SESSION_TTL_MS}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${sign(payload)}`;
}

export function isValidSessionToken(token: string | undefined, now = Date.now()): boolean {
  if (!token) return false;
  const cut = token.lastIndexOf(".");
  if (cut < 0) return false;
  const payload = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(sign(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const [version, expiresAt] = payload.split(".");
  return version === "v1" && Number(expiresAt) > now;
}
