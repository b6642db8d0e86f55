import "server-only";
import type { KeyObject } from "node:crypto";
import { createPublicKey } from "node:crypto";
import { decodeHex, privateKeyFromSeed, signEd25519, verifyEd25519, verifyEd25519Async } from "@/lib/crypto/ed25519";
import { remember } from "@/lib/process/remember";

/** Ed25519 seed from the bot secret: its UTF-8 bytes repeated to 32 bytes (botgo getSeed; sign.md). */
export function qqSeed(botSecret: string): Buffer {
  const bytes = Buffer.from(botSecret, "utf8");
  if (bytes.length === 0) throw new Error("empty bot secret");
  const seed = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) seed[i] = bytes[i % bytes.length]!;
  return seed;
}

// Parsing a key costs as much as a verification; secrets change rarely, so keys are cached.
const keys = remember("qq.private-keys", () => new Map<string, KeyObject>());

export function qqPrivateKey(botSecret: string): KeyObject {
  let key = keys.get(botSecret);
  if (!key) {
    key = privateKeyFromSeed(qqSeed(botSecret));
    keys.set(botSecret, key);
  }
  return key;
}

/** Hex signature over timestamp + body, as QQ signs callbacks (and op 13 answers sign event_ts + plain_token). */
export function signQq(botSecret: string, timestamp: string, body: Buffer | string): string {
  return signEd25519(qqPrivateKey(botSecret), Buffer.concat([Buffer.from(timestamp), Buffer.from(body)])).toString("hex");
}

/**
 * X-Signature-Ed25519 over X-Signature-Timestamp + raw body. The pre-check (64 bytes,
 * sig[63] & 224 == 0) is botgo's decodeSigBuffer.
 */
export function verifyQq(botSecret: string, timestamp: string | null, body: Buffer, signatureHex: string | null): boolean {
  const signature = decodeHex(signatureHex, 64);
  if (!timestamp || !signature || (signature[63]! & 224) !== 0) return false;
  return verifyEd25519(qqPrivateKey(botSecret), Buffer.concat([Buffer.from(timestamp), body]), signature);
}

/** verifyQq on the thread pool, for the callback path. */
export function verifyQqAsync(botSecret: string, timestamp: string | null, body: Buffer, signatureHex: string | null): Promise<boolean> {
  const signature = decodeHex(signatureHex, 64);
  if (!timestamp || !signature || (signature[63]! & 224) !== 0) return Promise.resolve(false);
  return verifyEd25519Async(qqPublicKey(botSecret), Buffer.concat([Buffer.from(timestamp), body]), signature);
}

const publicKeys = new Map<string, KeyObject>();

function qqPublicKey(botSecret: string): KeyObject {
  let key = publicKeys.get(botSecret);
  if (!key) {
    key = createPublicKey(qqPrivateKey(botSecret));
    publicKeys.set(botSecret, key);
  }
  return key;
}

/** The op 13 validation answer: {plain_token, signature: hex(Ed25519(event_ts + plain_token))}. */
export function qqValidationAnswer(botSecret: string, plainToken: string, eventTs: string) {
  return { plain_token: plainToken, signature: signQq(botSecret, eventTs, plainToken) };
}
