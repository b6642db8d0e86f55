/**
 * Feishu echoes the app's Verification Token in every plaintext or decrypted body (`header.token`
 * in schema 2.0, `token` in 1.0 events and the URL check: 事件订阅 / 卡片回传交互, protocols.md §3.1, §3.3).
 * What is stored has it replaced by a marker; replay puts the real token back before re-signing.
 */
export const TOKEN_MARKER = "[redacted:verificationToken]";

/** An encrypted body as received: ciphertext only, which never holds the token and must stay byte-exact. */
const ENCRYPTED_ONLY = /^\s*\{\s*"encrypt"\s*:\s*"[A-Za-z0-9+/=]*"\s*\}\s*$/;
/** The token as it appears inside a JSON string when escaped the standard way (JSON.stringify). */
const escaped = (token: string) => JSON.stringify(token).slice(1, -1);

/**
 * The text with every occurrence of the token replaced: as is, JSON-escaped, and inside any
 * string literal whose escapes spell it (such a literal is re-escaped the standard way). Linear in
 * the text's length; anything that is not JSON (a refused body cut short) still loses the plain forms.
 */
export function redactToken(text: string, token: string): string {
  if (typeof token !== "string" || !token || ENCRYPTED_ONLY.test(text)) return text;
  const out = text.includes("\\") ? redactEscapedLiterals(text, token) : text;
  return out.split(token).join(TOKEN_MARKER).split(escaped(token)).join(TOKEN_MARKER);
}

/**
 * One pass over the JSON string literals: each with an escape is decoded, and re-escaped with the
 * marker when it spells the token. A hand-made scanner, not a regex, so hostile text (a refused
 * body full of unterminated quotes) stays linear: the rest of the text after an unclosed quote is one literal.
 */
function redactEscapedLiterals(text: string, token: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x22) continue;
    let end = i + 1;
    let hasEscape = false;
    while (end < text.length && text.charCodeAt(end) !== 0x22) {
      if (text.charCodeAt(end) === 0x5c) {
        hasEscape = true;
        end++;
      }
      end++;
    }
    if (end >= text.length) break;
    if (hasEscape) {
      const literal = text.slice(i, end + 1);
      const value = decodeLiteral(literal);
      if (value !== null && value.includes(token)) {
        parts.push(text.slice(copied, i), JSON.stringify(value.split(token).join(TOKEN_MARKER)));
        copied = end + 1;
      }
    }
    i = end;
  }
  return copied === 0 ? text : parts.join("") + text.slice(copied);
}

function decodeLiteral(literal: string): string | null {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

/** The stored text with the real token back where the marker is (inside JSON strings, so escaped). */
export function restoreToken(text: string, token: string): string {
  // Secrets stored under an older schema load as they were (endpoints/cache.ts): a missing token puts nothing back.
  return typeof token === "string" && token && text.includes(TOKEN_MARKER) ? text.split(TOKEN_MARKER).join(escaped(token)) : text;
}
