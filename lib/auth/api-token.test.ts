import { afterEach, describe, expect, it } from "vitest";
import { hasValidApiToken } from "./api-token";

afterEach(() => {
  delete process.env.API_TOKEN;
});

describe("API token", () => {
  it.each([
    ["Bearer s3cret", true],
    ["bearer s3cret", true],
    ["Bearer s3cre", false],
    ["Bearer s3cret2", false],
    ["s3cret", false],
    ["Basic s3cret", false],
    [null, false],
  ] as const)("%j -> %s", (header, expected) => {
    process.env.API_TOKEN = "s3cret";
    expect(hasValidApiToken(header)).toBe(expected);
  });

  it("is never valid when no token is configured", () => {
    expect(hasValidApiToken("Bearer ")).toBe(false);
    expect(hasValidApiToken("Bearer undefined")).toBe(false);
  });
});
