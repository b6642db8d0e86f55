import { describe, expect, it } from "vitest";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import { readStoredSecrets } from "./cache";

describe("stored secrets", () => {
  it("load leniently: a rule tightened since they were saved does not break the endpoint", () => {
    const old = { appId: "cli_1", appSecret: "s", verificationToken: "short" };
    expect(feishuInbound.secretsSchema.safeParse(old).success).toBe(false);
    expect(readStoredSecrets(feishuInbound.secretsSchema, old)).toEqual(old);
    // Valid ones still go through the schema (trimmed, empty optional key dropped).
    expect(readStoredSecrets(feishuInbound.secretsSchema, { ...old, verificationToken: " long-enough ", encryptKey: "" })).toEqual({ ...old, verificationToken: "long-enough" });
  });
});
