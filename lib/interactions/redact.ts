/**
 * What the API shows of a stored callback has every secret value of the endpoint replaced. A secret
 * a platform is known to echo is already hidden at rest by its adapter (`InboundAdapter.atRest`:
 * Feishu's verification token, stored as `[redacted:verificationToken]`, which replay puts back);
 * this is the second line for anything else, and for a token changed since the row was stored.
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

const jsonEscaped = (value: string) => JSON.stringify(value).slice(1, -1);

/** Every value replaced, as is and JSON-escaped (a secret with a quote or a backslash in a JSON body). */
export function redact(text: string, values: readonly string[]): string {
  return values.reduce((out, value) => out.split(value).join(REDACTED).split(jsonEscaped(value)).join(REDACTED), text);
}


/**
 * Whether a body carries any non-public secret value, whatever its length, raw or JSON-escaped:
 * deciding whether a request may leave for an arbitrary URL errs on the side of refusing.
 */
export function containsSecret(body: string, secrets: unknown, publicParts: Record<string, string> = {}): boolean {
  if (!secrets || typeof secrets !== "object") return false;
  const shown = new Set(Object.values(publicParts));
  return Object.values(secrets).some(
    (v) => typeof v === "string" && v !== "" && !shown.has(v) && (body.includes(v) || body.includes(jsonEscaped(v))),
  );
}
