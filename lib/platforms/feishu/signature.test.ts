import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FEISHU_SIGNATURE } from "./fixtures/vectors";
import { feishuLegacySignature, feishuSignature, verifyFeishu, verifyFeishuLegacy } from "./signature";

const { timestamp, nonce, encryptKey, body, signature } = FEISHU_SIGNATURE;
const headers = (sig: string, ts = timestamp, n = nonce) =>
  new Headers({ "X-Lark-Request-Timestamp": ts, "X-Lark-Request-Nonce": n, "X-Lark-Signature": sig });

describe("X-Lark-Signature (SHA-256, protocols.md §3.5)", () => {
  it("reproduces the §3.5 vector (computed with node:crypto, not official)", () => {
    expect(feishuSignature(timestamp, nonce, encryptKey, body)).toBe(signature);
    expect(verifyFeishu(headers(signature), encryptKey, Buffer.from(body))).toBe(true);
  });

  it("accepts upper-case hex", () => {
    expect(verifyFeishu(headers(signature.toUpperCase()), encryptKey, Buffer.from(body))).toBe(true);
  });

  it.each([
    ["a body changed by one byte", { body: body.replace("tT1x", "tT1y") }],
    ["another timestamp", { ts: "1700000001" }],
    ["another nonce", { n: "abc124" }],
    ["another key", { key: "mazhe.nerd2" }],
    ["a signature changed in one digit", { sig: `${signature.slice(0, -1)}0` }],
    ["a truncated signature", { sig: signature.slice(0, 62) }],
    ["an empty signature", { sig: "" }],
  ])("rejects %s", (_name, change: { body?: string; ts?: string; n?: string; key?: string; sig?: string }) => {
    expect(verifyFeishu(headers(change.sig ?? signature, change.ts, change.n), change.key ?? encryptKey, Buffer.from(change.body ?? body))).toBe(false);
  });

  it("rejects missing headers", () => {
    expect(verifyFeishu(new Headers({ "X-Lark-Signature": signature }), encryptKey, Buffer.from(body))).toBe(false);
  });
});

describe("old card callback signature (SHA-1, protocols.md §3.5)", () => {
  // Computed here, independently: hex(SHA-1(timestamp + nonce + token + body)) as oapi-sdk-go card.go describes.
  const token = "verification-token";
  const legacyBody = '{"open_id":"ou_1","token":"c-1","action":{"tag":"button","value":{"k":"v"}}}';
  const expected = createHash("sha1").update(`1700000000n0nce${token}${legacyBody}`).digest("hex");

  it("matches SHA-1 computed here with node:crypto", () => {
    expect(feishuLegacySignature("1700000000", "n0nce", token, legacyBody)).toBe(expected);
    expect(verifyFeishuLegacy(headers(expected, "1700000000", "n0nce"), token, Buffer.from(legacyBody))).toBe(true);
  });

  it("rejects another token or body", () => {
    expect(verifyFeishuLegacy(headers(expected, "1700000000", "n0nce"), "other", Buffer.from(legacyBody))).toBe(false);
    expect(verifyFeishuLegacy(headers(expected, "1700000000", "n0nce"), token, Buffer.from(`${legacyBody} `))).toBe(false);
  });
});
