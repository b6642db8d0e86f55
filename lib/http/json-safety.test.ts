import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, parseStorableJson, storableProblem } from "./json-safety";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("parseStorableJson", () => {
  it("parses ordinary JSON", () => {
    expect(parseStorableJson('{"a":[1,"x",{"b":null}]}')).toEqual({ ok: true, value: { a: [1, "x", { b: null }] } });
  });

  it("takes nesting up to the limit and refuses one level more, without recursion", () => {
    expect(parseStorableJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(parseStorableJson(nested(MAX_JSON_DEPTH + 1))).toEqual({ ok: false, problem: "tooDeep" });
    expect(parseStorableJson(`{"v":${nested(5000)}}`)).toEqual({ ok: false, problem: "tooDeep" });
  });

  it("does not count brackets inside strings", () => {
    expect(parseStorableJson(JSON.stringify({ s: "[".repeat(500) + '\\"{' }))).toMatchObject({ ok: true });
  });

  it("refuses lone surrogates in values and keys, and text that is not JSON", () => {
    expect(parseStorableJson('{"id":"\\ud800x1"}')).toEqual({ ok: false, problem: "malformedString" });
    expect(parseStorableJson('{"\\udfff":1}')).toEqual({ ok: false, problem: "malformedString" });
    expect(parseStorableJson('{"pair":"\\ud83d\\ude00"}').ok).toBe(true);
    expect(parseStorableJson("{")).toEqual({ ok: false, problem: "invalidJson" });
  });

  it("checks values built in code the same way", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { deep };
    expect(storableProblem(deep)).toBe("tooDeep");
    expect(storableProblem({ a: ["ok"] })).toBeNull();
  });
});
