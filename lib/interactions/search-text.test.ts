import { describe, expect, it } from "vitest";
import { SEARCH_TEXT_MAX, UNBROKEN_MAX, VALUE_MAX, searchTextOf } from "./search-text";

const lines = (text: string) => text.split("\n");

describe("what search matches (lib/interactions/search-text.ts)", () => {
  it("the fields, then the body's values in order, keys left out, numbers as written", () => {
    const body = '{"id": "1300000000000000001", "data": {"custom_id": "vote:yes", "n": 12345678901234567890, "x": -2.5e3}, "ok": true, "empty": ""}';
    expect(lines(searchTextOf({ control: "vote:yes", actor: "u1", summary: "button vote:yes by u1", body }, []))).toEqual(["vote:yes", "u1", "button vote:yes by u1", "1300000000000000001", "12345678901234567890", "-2.5e3"]);
  });

  it("an encrypted body is searched by its plaintext, never its ciphertext", () => {
    const text = searchTextOf({ body: '{"encrypt":"FJ3k9sQ=="}', decoded: '{"event":{"operator":{"open_id":"ou_7d8a6e"}}}' }, []);
    expect(text).toBe("ou_7d8a6e");
  });

  it("escapes are read (a value spelled with \\u escapes is found as it reads)", () => {
    expect(searchTextOf({ body: '{"name":"caf\\u00e9 \\"menu\\""}' }, [])).toBe('café "menu"');
  });

  it("long unbroken values keep their start, values with spaces more; the whole text has a bound", () => {
    const token = "A".repeat(300);
    const message = "word ".repeat(100);
    const text = searchTextOf({ body: JSON.stringify({ token, message }) }, []);
    expect(lines(text)).toEqual(["A".repeat(UNBROKEN_MAX), message.slice(0, VALUE_MAX)]);
    const many = JSON.stringify(Array.from({ length: 2_000 }, (_, i) => `value-${i}`));
    expect(searchTextOf({ body: many }, []).length).toBeLessThanOrEqual(SEARCH_TEXT_MAX);
  });

  it("every secret of the endpoint is redacted before anything is cut, as is or JSON-escaped", () => {
    const secret = `s3cr3t-${"x".repeat(80)}`;
    const text = searchTextOf({ control: `c-${secret}`, body: JSON.stringify({ a: secret, b: `pre ${secret} post`, c: 'q"uote-secret' }) }, [secret, 'q"uote-secret']);
    expect(text).not.toContain("s3cr3t");
    expect(text).not.toContain("uote-secret");
    expect(lines(text)).toEqual(["c-[redacted]", "[redacted]", "pre [redacted] post"]);
  });

  it("a body that is not JSON is searched as it is (cut), and a hostile one costs one pass", () => {
    expect(searchTextOf({ summary: "bad_signature", body: "type=3&token=abc" }, [])).toBe("bad_signature\ntype=3&token=abc");
    const deep = `{"a":${"[".repeat(5_000)}"deep"${"]".repeat(5_000)}}`;
    expect(searchTextOf({ body: deep }, [])).toBe("deep");
    expect(searchTextOf({ body: '{"unterminated": "abc' }, [])).toBe("abc");
    expect(searchTextOf({ body: "" }, [])).toBe("");
  });

  it("line breaks inside a value become spaces: one value, one line", () => {
    expect(searchTextOf({ body: JSON.stringify({ text: "two\nlines" }) }, [])).toBe("two lines");
  });
});
