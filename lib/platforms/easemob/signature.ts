import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * `security` of a post-send callback: lowercase hex MD5(callId + secret + timestamp), as
 * commons-codec DigestUtils.md5Hex computes it over the UTF-8 string (callback_message_send.md, 公共参数).
 */
export function easemobSecurity(callId: string, secret: string, timestamp: string): string {
  return createHash("md5").update(callId + secret + timestamp, "utf8").digest("hex");
}

/** Constant-time comparison after a length check: the signature is a secret-derived token. */
export function verifyEasemobSecurity(callId: string, secret: string, timestamp: string, security: string): boolean {
  const expected = Buffer.from(easemobSecurity(callId, secret, timestamp), "utf8");
  const given = Buffer.from(security.toLowerCase(), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
