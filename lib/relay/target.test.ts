import { describe, expect, it } from "vitest";
import { relayTargetSchema } from "./target";

describe("relayTargetSchema", () => {
  it("takes tunnel and http(s) URLs (a bot on this machine included)", () => {
    for (const target of ["tunnel", "https://bot.example.com/interactions", "http://127.0.0.1:3000/interactions"]) {
      expect(relayTargetSchema.safeParse(target).success).toBe(true);
    }
  });

  it("refuses other schemes, credentials in the URL, and anything that is no URL", () => {
    for (const target of ["ftp://bot.example.com/", "https://user:pw@bot.example.com/", "Tunnel", "", "bot.example.com"]) {
      expect(relayTargetSchema.safeParse(target).success).toBe(false);
    }
  });
});
