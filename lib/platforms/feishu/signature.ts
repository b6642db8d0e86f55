import "server-only";
import { createHash } from "node:crypto";
import { secretsMatch } from "@/lib/crypto/constant-time";

/** Header names (oapi-sdk-go event/model.go). */
export const LARK_TIMESTAMP = "x-lark-request-timestamp";
export const LARK_NONCE = "x-lark-request-nonce";
export const LARK_SIGNATURE = "x-lark-signature";

/**
 * X-Lark-Signature of events and callbacks when an Encrypt Key is set: lowercase hex
 * SHA-256 of utf8(timestamp + nonce + encryptKey) followed by the body bytes as sent
 * (protocols.md §3.5; 接收事件, oapi-sdk-go larkevent.Signature).
 */
export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, body: Buffer | string): string {
  return createHash("sha256").update(timestamp + nonce + encryptKey, "utf8").update(body).digest("hex");
}

/**
 * The old card callback (card.action.trigger_v1): hex SHA-1 of timestamp + nonce +
 * Verification Token + body (oapi-sdk-go card/card.go Signature; node-sdk checkIsCardEventValidated).
 */
export function feishuLegacySignature(timestamp: string, nonce: string, verificationToken: string, body: Buffer | string): string {
  return createHash("sha1").update(timestamp + nonce + verificationToken, "utf8").update(body).digest("hex");
}

type Signer = (timestamp: string, nonce: string, secret: string, body: Buffer) => string;

function verifyWith(sign: Signer, headers: Headers, secret: string, body: Buffer): boolean {
  const timestamp = headers.get(LARK_TIMESTAMP);
  const nonce = headers.get(LARK_NONCE);
  const signature = headers.get(LARK_SIGNATURE);
  if (timestamp === null || nonce === null || !signature) return false;
  // Hex digests compare case-insensitively; secretsMatch hides where (and whether the length) differs.
  return secretsMatch(sign(timestamp, nonce, secret, body), signature.toLowerCase());
}

/** The SHA-256 check over the raw bytes received (never re-serialized JSON: node-sdk issue #46). */
export function verifyFeishu(headers: Headers, encryptKey: string, body: Buffer): boolean {
  return verifyWith(feishuSignature, headers, encryptKey, body);
}

export function verifyFeishuLegacy(headers: Headers, verificationToken: string, body: Buffer): boolean {
  return verifyWith(feishuLegacySignature, headers, verificationToken, body);
}

export function hasLarkSignature(headers: Headers): boolean {
  return headers.has(LARK_SIGNATURE) || headers.has(LARK_TIMESTAMP) || headers.has(LARK_NONCE);
}
