import { describe, expect, it } from "vitest";
import { readChunks } from "./read-chunks";

async function* chunks(sizes: number[]) {
  for (const size of sizes) yield new Uint8Array(size).fill(97);
}

describe("readChunks", () => {
  it("returns the whole body within the limit", async () => {
    const read = await readChunks(chunks([3, 4]), 7, 100);
    expect(read.ok && read.body.toString()).toBe("aaaaaaa");
  });

  it("reads past the limit to the end and says it was drained", async () => {
    let consumed = 0;
    async function* counting() {
      for await (const c of chunks([5, 5, 5])) {
        consumed += c.byteLength;
        yield c;
      }
    }
    const source = counting();
    expect(await readChunks(source, 7, 100)).toEqual({ ok: false, drained: true });
    expect(consumed).toBe(15);
  });

  it("stops reading past the drain limit", async () => {
    expect(await readChunks(chunks([50, 50, 50]), 7, 100)).toEqual({ ok: false, drained: false });
  });
});
