/**
 * Some platforms echo a secret inside the callback itself (Feishu's verification token is
 * `header.token` of every plaintext or decrypted body). Stored bodies stay exact, for replay and
 * signatures; what the API shows has every secret value of the endpoint replaced.
 */
const REDACTED = "[redacted]";
/** Shorter values would redact ordinary text (a header name); secrets the platforms echo are longer (Feishu's token: min 8). */
const MIN_SECRET_LENGTH = 8;

/** The secret values worth hiding: every string except the public ones (an app id, an app key). */
export function secretValues(secrets: unknown, publicParts: Record<string, string> = {}): string[] {
  if (!secrets || typeof secrets !== "object") return [];
  const shown = new Set(Object.values(publicParts));
  return Object.values(secrets).filter((v): v is string => typeof v === "string" && v.length >= MIN_SECRET_LENGTH && !shown.has(v));
}

export function redact(text: string, values: readonly string[]): string {
  return values.reduce((out, value) => out.split(value).join(REDACTED), text);
}

/**
 * Whether a body carries any non-public secret value, whatever its length, raw or JSON-escaped:
 * deciding whether a request may leave for an arbitrary URL errs on the side of refusing.
 */
export function containsSecret(body: string, secrets: unknown, publicParts: Record<string, string> = {}): boolean {
  if (!secrets || typeof secrets !== "object") return false;
  const shown = new Set(Object.values(publicParts));
  return Object.values(secrets).some(
    (v) => typeof v === "string" && v !== "" && !shown.has(v) && (body.includes(v) || body.includes(JSON.stringify(v).slice(1, -1))),
  );
}
