import { randomBytes } from "node:crypto";

/** A renewal this close to expiry gets a new token, as platforms do; the old one stays valid until it lapses. */
const RENEW_WITHIN_MS = 60_000;

/**
 * Tokens the simulator issued (access tokens) or handed out in a body it sent (Discord interaction
 * tokens): random, expiring, and bounded in number — past `limit` the oldest is forgotten first
 * (a Map iterates in insertion order), so memory stays bounded whatever callers do.
 */
export class IssuedTokens {
  private readonly tokens = new Map<string, { owner: string; until: number }>();
  private readonly newest = new Map<string, string>();

  constructor(
    private readonly limit: number,
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The owner's live token when it has more than a minute left, else a new random one. */
  issue(owner: string, prefix = ""): { token: string; expiresInSec: number } {
    const current = this.newest.get(owner);
    const entry = current ? this.tokens.get(current) : undefined;
    if (current && entry && entry.until - this.now() > RENEW_WITHIN_MS) {
      return { token: current, expiresInSec: Math.floor((entry.until - this.now()) / 1000) };
    }
    const token = `${prefix}${randomBytes(24).toString("base64url")}`;
    this.remember(token, owner);
    this.newest.set(owner, token);
    return { token, expiresInSec: Math.floor(this.lifetimeMs / 1000) };
  }

  /** Makes a token valid for the lifetime from now (a token the simulator sent rather than minted). */
  remember(token: string, owner: string): void {
    this.tokens.delete(token);
    this.tokens.set(token, { owner, until: this.now() + this.lifetimeMs });
    for (const [oldest] of this.tokens) {
      if (this.tokens.size <= this.limit) break;
      this.forget(oldest);
    }
  }

  /** The owner of a live token, or null (unknown, forgotten or expired). */
  owner(token: string): string | null {
    const entry = this.tokens.get(token);
    if (!entry) return null;
    if (entry.until <= this.now()) {
      this.forget(token);
      return null;
    }
    return entry.owner;
  }

  get size(): number {
    return this.tokens.size;
  }

  private forget(token: string): void {
    const entry = this.tokens.get(token);
    this.tokens.delete(token);
    if (entry && this.newest.get(entry.owner) === token) this.newest.delete(entry.owner);
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
