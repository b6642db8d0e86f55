/**
 * A request as received, as a curl command aimed at any URL (issue 17's "Copy as curl"): every header kept with
 * the interaction and the body byte for byte, so a developer can send it to their own bot from a terminal. The
 * stored request already has secrets redacted, so the command carries none. Single quotes keep the shell from
 * reading anything in it; a quote inside is closed, escaped and reopened.
 */
export function curlCommand(url: string, headers: Record<string, string>, body: string): string {
  const lines = [`curl -X POST ${shellQuote(url)}`];
  for (const [name, value] of Object.entries(headers)) {
    // curl computes these itself from what it sends; a stale copy would contradict the body.
    if (/^(content-length|host|connection|transfer-encoding)$/i.test(name)) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  lines.push(`--data-binary ${shellQuote(body)}`);
  return lines.join(" \\\n  ");
}

export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
