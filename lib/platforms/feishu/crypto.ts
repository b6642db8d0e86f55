import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const IV_BYTES = 16;
const BLOCK_BYTES = 16;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** AES-256 key: SHA-256 of the Encrypt Key's UTF-8 bytes (protocols.md §3.4; node-sdk AESCipher). */
export function feishuAesKey(encryptKey: string): Buffer {
  return createHash("sha256").update(encryptKey, "utf8").digest();
}

/**
 * The plaintext of an `{"encrypt": …}` body: base64 → IV (first 16 bytes) ‖ AES-256-CBC
 * ciphertext, PKCS#7 checked (Node's auto padding), strict UTF-8. Null for anything malformed,
 * so a forged body can never throw on the callback path.
 */
export function decryptFeishu(encrypted: string, encryptKey: string): string | null {
  // Buffer.from(…, "base64") skips characters it does not know; only canonical base64 is accepted.
  if (!BASE64.test(encrypted)) return null;
  const bytes = Buffer.from(encrypted, "base64");
  if (bytes.length < IV_BYTES + BLOCK_BYTES || (bytes.length - IV_BYTES) % BLOCK_BYTES !== 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-cbc", feishuAesKey(encryptKey), bytes.subarray(0, IV_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES)), decipher.final()]);
    return new TextDecoder("utf-8", { fatal: true }).decode(plain);
  } catch {
    return null;
  }
}

/** The simulator's side: base64(iv ‖ AES-256-CBC(plaintext)), a fresh IV unless one is given (tests). */
export function encryptFeishu(plaintext: string, encryptKey: string, iv: Buffer = randomBytes(IV_BYTES)): string {
  const cipher = createCipheriv("aes-256-cbc", feishuAesKey(encryptKey), iv);
  return Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}
