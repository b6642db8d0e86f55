import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

// DER prefixes that wrap a raw 32-byte Ed25519 seed (PKCS#8) or public key (SPKI) for node:crypto.
const PKCS8_SEED_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export function privateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error("an Ed25519 seed has 32 bytes");
  return createPrivateKey({ key: Buffer.concat([PKCS8_SEED_PREFIX, seed]), format: "der", type: "pkcs8" });
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error("an Ed25519 public key has 32 bytes");
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

export function rawPublicKey(key: KeyObject): Buffer {
  return createPublicKey(key).export({ format: "der", type: "spki" }).subarray(SPKI_PREFIX.length);
}

export function signEd25519(privateKey: KeyObject, message: Buffer): Buffer {
  return sign(null, message, privateKey);
}

/** False (never a throw) for a signature of the wrong size: a client's mistake is a 401, not a 500. */
export function verifyEd25519(publicKey: KeyObject, message: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  return verify(null, message, publicKey, signature);
}

/**
 * The same check off the main thread: Node runs callback-style crypto.verify on its
 * thread pool, so verification uses the other cores while the event loop keeps serving.
 */
export function verifyEd25519Async(publicKey: KeyObject, message: Buffer, signature: Buffer): Promise<boolean> {
  if (signature.length !== 64) return Promise.resolve(false);
  return new Promise((resolve) => verify(null, message, publicKey, signature, (error, ok) => resolve(!error && ok)));
}

/** Strict lowercase/uppercase hex of an exact byte length, or null. */
export function decodeHex(value: string | null | undefined, bytes: number): Buffer | null {
  if (!value || value.length !== bytes * 2 || !/^[0-9a-f]+$/i.test(value)) return null;
  return Buffer.from(value, "hex");
}
