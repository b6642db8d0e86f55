import { describe, expect, it } from "vitest";
import { HttpError } from "./errors";
import { readJsonBody } from "./read-json";

const post = (body: string, type = "application/json", headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": type, ...headers } });

async function failure(request: Request, limit?: number) {
  const error = await readJsonBody(request, limit).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe("readJsonBody", () => {
  it("parses JSON, with or without a charset", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ a: 1 });
    expect(await readJsonBody(post("[1]", "application/json; charset=utf-8"))).toEqual([1]);
  });
  it("refuses other content types with 415", async () => {
    expect((await failure(post("a=1", "application/x-www-form-urlencoded"))).status).toBe(415);
  });
  it("refuses malformed JSON with 400 and says why", async () => {
    const error = await failure(post("{bad"));
    expect([error.status, error.code]).toEqual([400, "invalid_json"]);
    expect(String(error.extra.detail)).toMatch(/JSON|property/i);
  });
  it("refuses lone surrogates and absurd nesting with 400, not a crash later", async () => {
    expect((await failure(post('{"name":"\\ud800"}'))).messageKey).toBe("malformedString");
    expect((await failure(post('{"\\udfff":1}'))).messageKey).toBe("malformedString");
    expect((await failure(post(`${"[".repeat(50_000)}${"]".repeat(50_000)}`))).messageKey).toBe("tooDeep");
    expect(await readJsonBody(post(`${"[".repeat(60)}${"]".repeat(60)}`))).toBeDefined();
  });
  it("refuses an empty body with 400", async () => {
    expect((await failure(post(""))).status).toBe(400);
  });
  it("refuses a body over the limit with 413, declared or streamed", async () => {
    expect((await failure(post(JSON.stringify("x".repeat(100))), 50)).status).toBe(413);
    const lying = post(JSON.stringify("x".repeat(100)), "application/json", { "content-length": "10" });
    expect((await failure(lying, 50)).status).toBe(413);
  });
});
