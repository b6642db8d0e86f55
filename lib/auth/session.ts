import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/lib/crypto/server-key";
import { remember } from "@/lib/process/remember";
import { sessionStore } from "./session-store";

export const SESSION_COOKIE = "bs_session";
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const VERSION = "v2";
/** A real token is ~110 characters; anything much longer is not one, and is not worth hashing. */
const MAX_TOKEN_LENGTH = 256;

/**
 * Sessions live server-side so logout and a password change can end them: the cookie is
 * `v2.<expiresAtMs>.<id>.<hmac>`, the Session table holds only SHA-256(id). The HMAC lets the
 * gate refuse forged cookies without touching the database; the row lookup is one prepared
 * primary-key read (session-store.ts), cheap enough for proxy.ts to run on every request.
 */
function sign(payload: string): string {
  return createHmac("sha256", remember("session-key", () => deriveKey("session")))
    .update(payload)
    .digest("base64url");
}

function storedId(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}

/** The random id inside a correctly signed, unexpired token, or null. Touches no database. */
function verifiedId(token: string | undefined, now: number): string | null {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const cut = token.lastIndexOf(".");
  if (cut < 0) return null;
  const payload = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(sign(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [version, expiresAt, id, extra] = payload.split(".");
  if (version !== VERSION || !id || extra !== undefined || !(Number(expiresAt) > now)) return null;
  return id;
}

/** Starts a session: stores it and returns the cookie value. Expired rows are pruned here, once per sign-in. */
export async function issueSession(now = Date.now()): Promise<string> {
  const store = sessionStore();
  const id = randomBytes(32).toString("base64url");
  const expiresAt = now + SESSION_TTL_MS;
  await store.prune(new Date(now));
  await store.insert(storedId(id), new Date(now), new Date(expiresAt));
  const payload = `${VERSION}.${expiresAt}.${id}`;
  return `${payload}.${sign(payload)}`;
}

/** True for a signed, unexpired token whose session has not been ended. */
export async function isValidSession(token: string | undefined, now = Date.now()): Promise<boolean> {
  const id = verifiedId(token, now);
  return id !== null && (await sessionStore().live(storedId(id), new Date(now)));
}

/** Logout: ends this one session. A forged or already-ended token is a no-op. */
export async function revokeSession(token: string | undefined, now = Date.now()): Promise<void> {
  const id = verifiedId(token, now);
  if (id !== null) await sessionStore().remove(storedId(id));
}

/** The session cookie's value from a Cookie header (route handlers get a plain Request). */
export function sessionTokenFrom(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
