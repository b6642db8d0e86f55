/**
 * Some platforms echo a secret inside the callback itself (Feishu's verification token is
 * `header.token` of every plaintext or decrypted body). Stored bodies stay exact, for replay and
 * signatures; what the API shows has every secret value of the endpoint replaced.
 */
const REDACTED = "[redacted]";
/** Shorter values (an empty optional key, a one-letter test value) would redact ordinary text. */
const MIN_SECRET_LENGTH = 6;

export function secretValues(secrets: unknown): string[] {
  if (!secrets || typeof secrets !== "object") return [];
  return Object.values(secrets).filter((v): v is string => typeof v === "string" && v.length >= MIN_SECRET_LENGTH);
}

export function redact(text: string, values: readonly string[]): string {
  return values.reduce((out, value) => out.split(value).join(REDACTED), text);
}
