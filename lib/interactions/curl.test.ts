import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { curlCommand, shellQuote } from "./curl";

/** What a POSIX shell makes of the words: each argument printed on its own line by printf. */
function shellWords(command: string): string[] {
  const words = command.replace(/^curl /, "printf '%s\\0' ");
  return execFileSync("sh", ["-c", words], { encoding: "utf8" }).split("\0").slice(0, -1);
}

describe("Copy as curl", () => {
  it("gives the shell the URL, each header and the body exactly, quotes, newlines and $ included", () => {
    const body = `{"content":"it's $HOME \`id\` \\"quoted\\"\n second line","emoji":"🎉 中文"}`;
    const command = curlCommand("http://localhost:3000/interactions?x=1&y=2", { "content-type": "application/json", "x-signature-ed25519": "ab'cd", "content-length": "99" }, body);
    expect(shellWords(command)).toEqual([
      "-X", "POST", "http://localhost:3000/interactions?x=1&y=2",
      "-H", "content-type: application/json",
      "-H", "x-signature-ed25519: ab'cd",
      "--data-binary", body,
    ]);
  });

  it("quotes a lone single quote and an empty string", () => {
    expect(shellWords(`curl ${shellQuote("'")} ${shellQuote("")}`)).toEqual(["'", ""]);
  });
});
