import { describe, expect, it } from "vitest";
import { negotiateLocale, parseAcceptLanguage } from "./negotiate";

describe("negotiateLocale", () => {
  it.each([
    ["cookie wins over the header", "en", "zh-CN,zh;q=0.9", "en"],
    ["cookie zh-CN", "zh-CN", "en-US", "zh-CN"],
    ["unknown cookie falls through to the header", "fr", "zh-CN", "zh-CN"],
    ["zh-CN header", undefined, "zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["any Chinese tag maps to zh-CN", undefined, "zh-TW", "zh-CN"],
    ["q-values order the choice", undefined, "en;q=0.5,zh;q=0.9", "zh-CN"],
    ["q=0 means never", undefined, "zh;q=0,en;q=0.1", "en"],
    ["unsupported languages fall back to English", undefined, "fr-FR,de;q=0.8", "en"],
    ["no header: English", undefined, null, "en"],
    ["garbage header: English", undefined, ";;,,q=abc", "en"],
  ] as const)("%s", (_name, cookie, header, expected) => {
    expect(negotiateLocale(cookie, header)).toBe(expected);
  });

  it("keeps header order for equal weights", () => {
    expect(parseAcceptLanguage("fr, zh-CN, en")).toEqual(["fr", "zh-cn", "en"]);
  });
});
