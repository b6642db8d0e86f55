import { describe, expect, it } from "vitest";
import { highlightParts } from "./highlight";

describe("search hits marked in the detail", () => {
  it("marks every occurrence, ignoring case, and keeps the text whole", () => {
    const parts = highlightParts('{"order":"ORD-42","note":"ord-42 again"}', "ord-42");
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(["ORD-42", "ord-42"]);
    expect(parts.map((p) => p.text).join("")).toBe('{"order":"ORD-42","note":"ord-42 again"}');
  });

  it("marks nothing without a query, or when it is not in the text", () => {
    expect(highlightParts("abc", undefined)).toEqual([{ text: "abc", match: false }]);
    expect(highlightParts("abc", "  ")).toEqual([{ text: "abc", match: false }]);
    expect(highlightParts("abc", "zz")).toEqual([{ text: "abc", match: false }]);
  });

  it("a match at the very end, and text whose lower case changes length, stay correct", () => {
    expect(highlightParts("x-END", "end")).toEqual([{ text: "x-", match: false }, { text: "END", match: true }]);
    expect(highlightParts("İstanbul", "stan")).toEqual([{ text: "İstanbul", match: false }]);
  });
});
