import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "./server-key";

const VERSION = "v1";

/** AES-256-GCM with a key derived from the server's root key: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export function sealSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey("secrets-at-rest"), iv);
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

export function openSecret(envelope: string): string {
  const [version, iv, tag, sealed] = envelope.split(".");
  if (version !== VERSION || !iv || !tag || sealed === undefined) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey("secrets-at-rest"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
