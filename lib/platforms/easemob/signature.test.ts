import { describe, expect, it } from "vitest";
import { EASEMOB_SECURITY_EXAMPLE as V } from "./fixtures/vectors";
import { easemobSecurity, verifyEasemobSecurity } from "./signature";

describe("Easemob security (protocols.md §4 vector)", () => {
  it("is the lowercase hex MD5 of callId + secret + timestamp", () => {
    expect(easemobSecurity(V.callId, V.secret, V.timestamp)).toBe(V.security);
  });

  it.each([
    ["the vector", V.security, true],
    ["the vector in upper case (md5Hex is lowercase, but hex is hex)", V.security.toUpperCase(), true],
    ["one character changed", `${V.security.slice(0, -1)}4`, false],
    ["a truncated signature", V.security.slice(0, 31), false],
    ["an empty signature", "", false],
  ])("verifies %s: %s", (_name, security, expected) => {
    expect(verifyEasemobSecurity(V.callId, V.secret, V.timestamp, security)).toBe(expected);
  });

  it("depends on every part", () => {
    expect(verifyEasemobSecurity(V.callId, "othersecret", V.timestamp, V.security)).toBe(false);
    expect(verifyEasemobSecurity(V.callId, V.secret, "1648722784820", V.security)).toBe(false);
    expect(verifyEasemobSecurity("XXXX#XXXX_uuid2", V.secret, V.timestamp, V.security)).toBe(false);
  });
});
