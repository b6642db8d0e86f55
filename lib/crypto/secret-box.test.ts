import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

describe("secrets at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = sealSecret('{"secret":"DG5g3B4j9X2KOErG"}');
    expect(sealed).not.toContain("DG5g3B4j9X2KOErG");
    expect(openSecret(sealed)).toBe('{"secret":"DG5g3B4j9X2KOErG"}');
    expect(sealSecret("same")).not.toBe(sealSecret("same"));
  });

  it("refuses a tampered envelope", () => {
    const [v, iv, tag, data] = sealSecret("hello").split(".");
    // One bit of the ciphertext flipped (a character swap could leave the bytes as they were).
    const bytes = Buffer.from(data!, "base64url");
    bytes[0] = bytes[0]! ^ 1;
    const flipped = bytes.toString("base64url");
    expect(() => openSecret([v, iv, tag, flipped].join("."))).toThrow();
    expect(() => openSecret("nonsense")).toThrow();
  });
});
