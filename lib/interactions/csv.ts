/**
 * CSV as RFC 4180 writes it (fields quoted when they hold a quote, comma, CR or LF; quotes doubled;
 * records end in CRLF), with text that a spreadsheet would run as a formula defused.
 */

/**
 * A cell a spreadsheet reads as a formula (OWASP "CSV injection"): = + - @, and tab or CR, which some
 * spreadsheets skip before looking for one. Interaction fields are whatever a platform's user typed or
 * anyone posted to a callback URL, so such text gets a leading apostrophe and is shown, never run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: null is empty, numbers as written, text defused and quoted where it must be. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  // Numbers are this server's own (durations), never a formula: "-" there is a sign.
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRecord(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
