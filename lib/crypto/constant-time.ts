import { createHash, timingSafeEqual } from "node:crypto";

/** Compares two secrets without leaking their length or the position of a mismatch. */
export function secretsMatch(a: string, b: string): boolean {
  const digestA = createHash("sha256").update(a).digest();
  const digestB = createHash("sha256").update(b).digest();
  return timingSafeEqual(digestA, digestB);
}
