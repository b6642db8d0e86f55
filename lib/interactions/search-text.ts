import { redact } from "./redact";

/**
 * What search matches for one interaction (Interaction.searchText): its control, data, actor and summary,
 * then the values of its body (the plaintext of an encrypted Feishu body, never the ciphertext), one a line.
 * Keys are left out (every row of a platform has the same ones), and so is most of a long unbroken value
 * (tokens, signatures, base64): indexing a trigram per character of those cost twice as much for nothing
 * anyone looks for. Every secret value of the endpoint is redacted first, as the API shows the body, so the
 * index never holds what the inspector hides (a search for a secret would otherwise tell that it is there).
 */

/** A value without whitespace keeps this many characters: enough for any id, not a whole token. */
export const UNBROKEN_MAX = 64;
/** A value with spaces (a message, a form answer) keeps this many. */
export const VALUE_MAX = 256;
/** The whole text's bound, whatever a client sent (a body may be 256 KiB). */
export const SEARCH_TEXT_MAX = 2_000;

export interface Searchable {
  control?: string | null;
  data?: string | null;
  actor?: string | null;
  summary?: string | null;
  body: string;
  decoded?: string | null;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** . e E + - */
const NUMBER_PART = new Set([0x2e, 0x65, 0x45, 0x2b, 0x2d]);
const cut = (value: string) => (/\s/.test(value) ? value.slice(0, VALUE_MAX) : value.slice(0, UNBROKEN_MAX));

/**
 * The JSON string and number values of `text` in order, keys skipped, one pass without parsing the whole
 * (a body nested 5,000 deep reads like any other; numbers keep their digits, which JSON.parse would round).
 */
function jsonValues(text: string, take: (value: string) => boolean): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      let escaped = false;
      while (end < text.length && text.charCodeAt(end) !== 0x22) {
        if (text.charCodeAt(end) === 0x5c) {
          escaped = true;
          end++;
        }
        end++;
      }
      let next = end + 1;
      while (next < text.length && isSpace(text.charCodeAt(next))) next++;
      const isKey = text.charCodeAt(next) === 0x3a;
      if (!isKey) {
        const literal = text.slice(i, end + 1);
        // An unterminated literal runs to the end of the text.
        let value = end < text.length ? literal.slice(1, -1) : literal.slice(1);
        if (escaped) {
          try {
            value = JSON.parse(literal) as string;
          } catch {
            // An unterminated or broken literal: its raw characters are what is there to find.
          }
        }
        if (value && !take(value)) return;
      }
      i = end;
    } else if (c === 0x2d || isDigit(c)) {
      // A number as written: sign, digits, fraction, exponent (what JSON allows, read loosely).
      let end = i + 1;
      while (end < text.length && (isDigit(text.charCodeAt(end)) || NUMBER_PART.has(text.charCodeAt(end)))) end++;
      if (end > i + 1 || c !== 0x2d) {
        if (!take(text.slice(i, end))) return;
      }
      i = end - 1;
    }
  }
}

export function searchTextOf(row: Searchable, secrets: readonly string[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  let length = 0;
  const take = (value: string, whole = false): boolean => {
    const flat = value.replace(/[\r\n]+/g, " ");
    const line = whole ? flat : cut(flat);
    if (!seen.has(line)) {
      seen.add(line);
      lines.push(line);
      length += line.length + 1;
    }
    return length < SEARCH_TEXT_MAX;
  };
  for (const field of [row.control, row.data, row.actor, row.summary]) if (field) take(redact(field, secrets));
  const body = redact(row.decoded ?? row.body, secrets);
  // Anything that is not JSON (a refused body cut short, form data) is searched as it is.
  if (/^\s*[[{]/.test(body)) jsonValues(body, take);
  else if (body.trim()) take(body.slice(0, SEARCH_TEXT_MAX), true);
  return lines.join("\n").slice(0, SEARCH_TEXT_MAX);
}
