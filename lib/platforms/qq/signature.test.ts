import { describe, expect, it } from "vitest";
import { rawPublicKey } from "@/lib/crypto/ed25519";
import { QQ_BOTGO_VERIFY, QQ_KEY_EXAMPLE, QQ_VALIDATION_EXAMPLE } from "./fixtures/vectors";
import { qqPrivateKey, qqSeed, qqValidationAnswer, signQq, verifyQq } from "./signature";

describe("QQ signatures (official vectors)", () => {
  it("derives the seed and public key from the bot secret (sign.md)", () => {
    expect(qqSeed(QQ_KEY_EXAMPLE.secret).toString()).toBe(QQ_KEY_EXAMPLE.seed);
    expect([...rawPublicKey(qqPrivateKey(QQ_KEY_EXAMPLE.secret))]).toEqual(QQ_KEY_EXAMPLE.publicKey);
  });

  it("answers the op 13 example byte for byte (event-emit.md)", () => {
    const { d } = JSON.parse(QQ_VALIDATION_EXAMPLE.body) as { d: { plain_token: string; event_ts: string } };
    expect(qqValidationAnswer(QQ_VALIDATION_EXAMPLE.secret, d.plain_token, d.event_ts)).toEqual(QQ_VALIDATION_EXAMPLE.response);
  });

  it("verifies botgo's TestVerify vector", () => {
    const { secret, timestamp, signature, body } = QQ_BOTGO_VERIFY;
    expect(verifyQq(secret, timestamp, Buffer.from(body), signature)).toBe(true);
  });

  it.each([
    ["a tampered body", { body: QQ_BOTGO_VERIFY.body.replace("哦一下", "哦两下") }],
    ["a tampered timestamp", { timestamp: "1728981196" }],
    ["another secret", { secret: "123456abcdeg" }],
    ["a flipped signature bit", { signature: `${QQ_BOTGO_VERIFY.signature.slice(0, 10)}0${QQ_BOTGO_VERIFY.signature.slice(11)}` }],
    ["a short signature", { signature: QQ_BOTGO_VERIFY.signature.slice(2) }],
    ["a non-hex signature", { signature: "z".repeat(128) }],
    ["no signature", { signature: null }],
    ["no timestamp", { timestamp: null }],
  ])("rejects %s", (_name, change: { body?: string; timestamp?: string | null; secret?: string; signature?: string | null }) => {
    const v = { ...QQ_BOTGO_VERIFY, ...change };
    expect(verifyQq(v.secret, v.timestamp, Buffer.from(v.body), v.signature)).toBe(false);
  });

  it("signs what it verifies (the simulator's side)", () => {
    const signature = signQq("any-secret", "1700000000", '{"op":0}');
    expect(verifyQq("any-secret", "1700000000", Buffer.from('{"op":0}'), signature)).toBe(true);
  });
});
