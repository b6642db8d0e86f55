import { describe, expect, it } from "vitest";
import { containsSecret, redact, secretValues } from "./redact";

describe("redacting secrets from shown bodies", () => {
  it("replaces every occurrence of each secret value, and nothing shorter than a real secret", () => {
    const values = secretValues({ appId: "cli_app", appSecret: "s3cret-value", verificationToken: "tok-123456", encryptKey: undefined }, { appId: "cli_app" });
    expect(values).toEqual(["s3cret-value", "tok-123456"]);
    const body = '{"header":{"token":"tok-123456","app_id":"cli_app"},"x":"tok-123456 s3cret-value"}';
    expect(redact(body, values)).toBe('{"header":{"token":"[redacted]","app_id":"cli_app"},"x":"[redacted] [redacted]"}');
  });

  it("replaces a secret JSON-escaped in a body too, and leaves a value already hidden at rest alone", () => {
    const values = secretValues({ appId: "cli_app", verificationToken: 'tok"en\\123' }, { appId: "cli_app" });
    expect(redact(JSON.stringify({ token: 'tok"en\\123' }), values)).toBe('{"token":"[redacted]"}');
    expect(redact('{"token":"[redacted:verificationToken]"}', values)).toBe('{"token":"[redacted:verificationToken]"}');
  });

  it("finds any secret in a body before it may leave, short or JSON-escaped, but not a public value", () => {
    const secrets = { appId: "cli_app", verificationToken: "abc", appSecret: 'with"quote' };
    expect(containsSecret('{"token":"abc"}', secrets, { appId: "cli_app" })).toBe(true);
    expect(containsSecret(JSON.stringify({ s: 'with"quote' }), secrets, { appId: "cli_app" })).toBe(true);
    expect(containsSecret('{"app_id":"cli_app"}', secrets, { appId: "cli_app" })).toBe(false);
  });
});
