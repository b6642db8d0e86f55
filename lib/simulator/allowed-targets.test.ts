import { describe, expect, it } from "vitest";
import { parseAllowedTargets } from "./allowed-targets";

// [SIMULATOR_ALLOWED_TARGETS, target, allowed]
const cases: [string | undefined, string, boolean][] = [
  [undefined, "http://10.0.0.1:22/", true],
  ["", "https://anything.example:8443/x", true],
  ["http://localhost:*", "http://localhost:3000/api/callbacks/x", true],
  ["http://localhost:*", "http://LOCALHOST:9/", true],
  ["http://localhost:*", "https://localhost:3000/", false],
  ["http://localhost:*", "http://127.0.0.1:3000/", false],
  ["http://localhost", "http://localhost/", true],
  ["http://localhost", "http://localhost:8080/", false],
  ["https://bot.example.com", "https://bot.example.com:443/hook", true],
  ["https://*.example.com", "https://bot.example.com/hook", true],
  ["https://*.example.com", "https://a.b.example.com/hook", true],
  ["https://*.example.com", "https://example.com/hook", false],
  ["https://*.example.com", "https://evilexample.com/hook", false],
  ["https://*.example.com", "https://bot.example.com.evil.net/", false],
  ["https://*.example.com", "http://bot.example.com/", false],
  ["https://*.example.com", "https://bot.example.com:8443/", false],
  ["https://*.example.com:*", "https://bot.example.com:8443/", true],
  ["bot.internal:8080", "http://bot.internal:8080/", true],
  ["bot.internal:8080", "https://bot.internal:8080/", true],
  ["bot.internal:8080", "http://bot.internal:8081/", false],
  ["bot.internal", "http://bot.internal:1/", true],
  ["10.0.0.0/8", "http://10.1.2.3:22/", true],
  ["10.0.0.0/8", "http://11.1.2.3/", false],
  ["10.0.0.0/8", "http://0x0a.1/", true],
  ["127.0.0.0/8", "http://[::ffff:127.0.0.1]:3000/", true],
  ["10.0.0.0/8", "http://ten.example/", false],
  ["fd00::/8", "http://[fd12::1]:80/", true],
  ["fd00::/8", "http://[fe80::1]/", false],
  ["http://127.0.0.1:3000", "http://127.1:3000/", true],
  ["http://[::1]:*", "http://[::1]:3000/", true],
  ["http://localhost:*, 10.0.0.0/8", "http://10.9.9.9:5/", true],
  ["http://localhost:*, 10.0.0.0/8", "http://192.168.1.1:5/", false],
  ["http://localhost:*", "ftp://localhost/", false],
  ["http://localhost:*", "file:///etc/passwd", false],
  ["not a target!", "http://localhost/", false],
  ["10.0.0.0/99", "http://10.0.0.1/", false],
  ["ftp://localhost", "http://localhost/", false],
  ["*", "http://anywhere.example:1/", true],
];

describe("SIMULATOR_ALLOWED_TARGETS", () => {
  it.each(cases)("%j allows %s: %s", (value, target, allowed) => {
    expect(parseAllowedTargets(value).matches(new URL(target))).toBe(allowed);
  });

  it("says which entries match nothing", () => {
    expect(parseAllowedTargets("http://localhost:*, nope nope, 1.2.3.4/40, https://*.ok.example").invalid).toEqual(["nope nope", "1.2.3.4/40"]);
    expect(parseAllowedTargets(undefined).restricted).toBe(false);
    expect(parseAllowedTargets("localhost").restricted).toBe(true);
  });
});
