import { z } from "zod";
import { remember } from "@/lib/process/remember";
import type { Db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { checkAdminPassword } from "./admin-password";
import { loginWaitMs, recordLoginResult } from "./login-throttle";
import { issueSession, SESSION_COOKIE, SESSION_TTL_MS } from "./session";

export const loginInput = z.object({ password: z.string().min(1).max(1024) });

/**
 * Password checks (scrypt) run on the thread pool that also verifies the platforms' Ed25519 signatures:
 * anyone can ask for one, from as many addresses as they like, so only this many run at once; the rest
 * are told to try again in a second rather than queueing behind each other and the callbacks.
 */
const MAX_CONCURRENT_CHECKS = 2;
const checking = remember("login-checks-in-flight", () => ({ count: 0 }));

/** Checks the admin password (throttled per client) and returns the Set-Cookie value for a new session. */
export async function logIn(db: Db, password: string, secure: boolean, client: string): Promise<string> {
  const wait = loginWaitMs(client);
  if (wait > 0) throw new HttpError(429, "too_many_attempts", "tooManyAttempts", { seconds: Math.ceil(wait / 1000) });
  if (checking.count >= MAX_CONCURRENT_CHECKS) throw new HttpError(429, "too_many_attempts", "tooManyAttempts", { seconds: 1 });
  checking.count++;
  let ok: boolean;
  try {
    ok = await checkAdminPassword(db, password);
  } finally {
    checking.count--;
  }
  recordLoginResult(client, ok);
  if (!ok) throw new HttpError(401, "invalid_credentials", "invalidCredentials");
  return sessionCookie(await issueSession(), SESSION_TTL_MS / 1000, secure);
}

export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}
