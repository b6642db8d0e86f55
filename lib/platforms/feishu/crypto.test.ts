import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptFeishu, encryptFeishu, feishuAesKey } from "./crypto";
import { FEISHU_CHALLENGE } from "./fixtures/vectors";

const encrypted = (JSON.parse(FEISHU_CHALLENGE.body) as { encrypt: string }).encrypt;

describe("Feishu encrypted bodies (AES-256-CBC, protocols.md §3.4)", () => {
  it("derives the key and IV of the node-sdk challenge vector", () => {
    expect(feishuAesKey(FEISHU_CHALLENGE.encryptKey).toString("hex")).toBe(FEISHU_CHALLENGE.aesKeyHex);
    expect(Buffer.from(encrypted, "base64").subarray(0, 16).toString("hex")).toBe(FEISHU_CHALLENGE.ivHex);
  });

  it("decrypts the node-sdk challenge vector byte for byte", () => {
    expect(decryptFeishu(encrypted, FEISHU_CHALLENGE.encryptKey)).toBe(FEISHU_CHALLENGE.plaintext);
  });

  it("encrypts what it decrypts, with a fresh IV each time", () => {
    const a = encryptFeishu("{\"a\":\"飞书\"}", "k");
    expect(a).not.toBe(encryptFeishu("{\"a\":\"飞书\"}", "k"));
    expect(decryptFeishu(a, "k")).toBe("{\"a\":\"飞书\"}");
  });

  it("reproduces the vector's ciphertext from its IV", () => {
    expect(encryptFeishu(FEISHU_CHALLENGE.plaintext, FEISHU_CHALLENGE.encryptKey, Buffer.from(FEISHU_CHALLENGE.ivHex, "hex"))).toBe(encrypted);
  });

  // A last block whose padding bytes disagree (…, 0x02, 0x03) is not PKCS#7.
  const badPadding = (() => {
    const iv = Buffer.alloc(16, 7);
    const cipher = createCipheriv("aes-256-cbc", feishuAesKey("k"), iv).setAutoPadding(false);
    const block = Buffer.concat([Buffer.from("{\"a\":1}xxxxxxx"), Buffer.from([2, 3])]);
    return Buffer.concat([iv, cipher.update(block), cipher.final()]).toString("base64");
  })();

  it.each([
    ["the wrong key", encrypted, "another key"],
    ["characters outside base64", `${encrypted.slice(0, 20)}!${encrypted.slice(21)}`, FEISHU_CHALLENGE.encryptKey],
    ["base64 of the wrong length", encrypted.slice(0, -4), FEISHU_CHALLENGE.encryptKey],
    ["only an IV", Buffer.alloc(16).toString("base64"), FEISHU_CHALLENGE.encryptKey],
    ["an empty string", "", FEISHU_CHALLENGE.encryptKey],
    ["bad PKCS#7 padding", badPadding, "k"],
  ])("returns null for %s", (_name, text, key) => {
    expect(decryptFeishu(text, key)).toBeNull();
  });
});
