import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/lib/crypto/server-key";

/** A renewal this close to expiry gets a new token, as platforms do; the old one stays valid until it lapses. */
const RENEW_WITHIN_MS = 60_000;
/** until (6 bytes, ms) + owner tag (4) + MAC (14): 24 bytes, 32 base64url characters. */
const UNTIL_BYTES = 6;
const TAG_BYTES = 4;
const MAC_BYTES = 14;
const TOKEN_BYTES = UNTIL_BYTES + TAG_BYTES + MAC_BYTES;

/**
 * Access tokens the simulator issues, stateless: each carries its expiry and a tag of its owner, under
 * an HMAC keyed from the server's secret key (one key per purpose). Any instance that shares
 * STUDIO_SECRET_KEY verifies a token another one issued, with nothing stored. This process remembers
 * only each owner's newest token, bounded in number (past `limit` the oldest owner is forgotten first),
 * to hand the same one out again while it has more than a minute left.
 */
export class IssuedTokens {
  private readonly newest = new Map<string, { token: string; until: number }>();
  private key: Buffer | null = null;

  constructor(
    private readonly purpose: string,
    private readonly options: { limit: number; lifetimeMs: number; prefix?: string; now?: () => number },
  ) {}

  /** The owner's newest token when it has more than a minute left, else a new one. */
  issue(owner: string): { token: string; expiresInSec: number } {
    const now = this.now();
    const current = this.newest.get(owner);
    if (current && current.until - now > RENEW_WITHIN_MS) {
      return { token: current.token, expiresInSec: Math.floor((current.until - now) / 1000) };
    }
    const until = now + this.options.lifetimeMs;
    const body = Buffer.alloc(UNTIL_BYTES + TAG_BYTES);
    body.writeUIntBE(until, 0, UNTIL_BYTES);
    this.mac("owner", Buffer.from(owner, "utf8")).copy(body, UNTIL_BYTES, 0, TAG_BYTES);
    const token = `${this.prefix}${Buffer.concat([body, this.mac("token", body).subarray(0, MAC_BYTES)]).toString("base64url")}`;
    this.newest.delete(owner);
    this.newest.set(owner, { token, until });
    for (const [oldest] of this.newest) {
      if (this.newest.size <= this.options.limit) break;
      this.newest.delete(oldest);
    }
    return { token, expiresInSec: Math.floor(this.options.lifetimeMs / 1000) };
  }

  /** Whether this purpose's key issued the token and it has not expired. */
  valid(token: string): boolean {
    if (!token.startsWith(this.prefix)) return false;
    const encoded = token.slice(this.prefix.length);
    const bytes = Buffer.from(encoded, "base64url");
    // One spelling per token: base64url decoding ignores what it cannot read.
    if (bytes.length !== TOKEN_BYTES || bytes.toString("base64url") !== encoded) return false;
    const body = bytes.subarray(0, UNTIL_BYTES + TAG_BYTES);
    if (!timingSafeEqual(bytes.subarray(UNTIL_BYTES + TAG_BYTES), this.mac("token", body).subarray(0, MAC_BYTES))) return false;
    return body.readUIntBE(0, UNTIL_BYTES) > this.now();
  }

  /** Owners whose newest token this process remembers. */
  get size(): number {
    return this.newest.size;
  }

  private get prefix(): string {
    return this.options.prefix ?? "";
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private mac(label: string, data: Buffer): Buffer {
    this.key ??= deriveKey(`simulator-token:${this.purpose}`);
    return createHmac("sha256", this.key).update(`${label}\u0000`).update(data).digest();
  }
}

/** The credential of an `Authorization: <scheme> <credential>` header, or null for another scheme or none. */
export function credentialOf(authorization: string | null, scheme: string): string | null {
  if (!authorization) return null;
  const space = authorization.indexOf(" ");
  if (space < 0 || authorization.slice(0, space).toLowerCase() !== scheme.toLowerCase()) return null;
  const credential = authorization.slice(space + 1).trim();
  return credential || null;
}
