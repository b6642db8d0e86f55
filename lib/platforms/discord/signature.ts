import "server-only";
import type { KeyObject } from "node:crypto";
import { decodeHex, privateKeyFromSeed, publicKeyFromRaw, signEd25519, verifyEd25519, verifyEd25519Async } from "@/lib/crypto/ed25519";
import { remember } from "@/lib/process/remember";

const keys = remember("discord.public-keys", () => new Map<string, KeyObject>());

/** The application's public key (64 hex characters from the Developer Portal), parsed once. */
export function discordPublicKey(publicKeyHex: string): KeyObject | null {
  const cached = keys.get(publicKeyHex);
  if (cached) return cached;
  const raw = decodeHex(publicKeyHex, 32);
  if (!raw) return null;
  const key = publicKeyFromRaw(raw);
  keys.set(publicKeyHex, key);
  return key;
}

/** X-Signature-Ed25519 over X-Signature-Timestamp + raw body (overview.mdx; discord-interactions verifyKey). */
export function verifyDiscord(publicKeyHex: string, timestamp: string | null, body: Buffer, signatureHex: string | null): boolean {
  const key = discordPublicKey(publicKeyHex);
  const signature = decodeHex(signatureHex, 64);
  if (!key || !timestamp || !signature) return false;
  return verifyEd25519(key, Buffer.concat([Buffer.from(timestamp), body]), signature);
}

/** verifyDiscord on the thread pool, for the callback path. */
export function verifyDiscordAsync(publicKeyHex: string, timestamp: string | null, body: Buffer, signatureHex: string | null): Promise<boolean> {
  const key = discordPublicKey(publicKeyHex);
  const signature = decodeHex(signatureHex, 64);
  if (!key || !timestamp || !signature) return Promise.resolve(false);
  return verifyEd25519Async(key, Buffer.concat([Buffer.from(timestamp), body]), signature);
}

/** The simulator's side: sign as Discord would, with a key pair whose public half the endpoint trusts. */
export function signDiscord(seed: Buffer, timestamp: string, body: Buffer | string): string {
  return signEd25519(privateKeyFromSeed(seed), Buffer.concat([Buffer.from(timestamp), Buffer.from(body)])).toString("hex");
}
