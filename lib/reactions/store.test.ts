import { afterAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { saveSnapshot } from "./store";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());

const conversation = { from: "u1", to: "u2", channelType: "chat" };
const state = (users: string[]) => [{ reaction: "👍", count: users.length, userList: users }];

async function endpoint() {
  return db.endpoint.create({ data: { platform: "easemob", name: "E", fallback: "null", secrets: "sealed" } });
}

describe("message snapshots (real database: SQLite and PostgreSQL)", () => {
  it("keeps the newer state when an older callback arrives after it", async () => {
    const { id } = await endpoint();
    expect(await saveSnapshot(id, "m1", { at: 1000, state: state(["a"]), conversation }, new Date(1))).toBe(true);
    expect(await saveSnapshot(id, "m1", { at: 3000, state: state(["a", "b"]), conversation }, new Date(2))).toBe(true);
    expect(await saveSnapshot(id, "m1", { at: 2000, state: state(["c"]), conversation }, new Date(3))).toBe(false);
    const row = await db.messageSnapshot.findUniqueOrThrow({ where: { endpointId_messageId: { endpointId: id, messageId: "m1" } } });
    expect(JSON.parse(row.state)).toEqual(state(["a", "b"]));
    expect(Number(row.at)).toBe(3000);
    expect(row.updatedAt.getTime()).toBe(2);
    expect(JSON.parse(row.conversation)).toEqual(conversation);
  });

  it("keeps messages and endpoints apart", async () => {
    const [one, two] = [await endpoint(), await endpoint()];
    expect(await saveSnapshot(one.id, "m", { at: 5, state: state(["a"]), conversation }, new Date())).toBe(true);
    expect(await saveSnapshot(two.id, "m", { at: 1, state: state(["b"]), conversation }, new Date())).toBe(true);
    expect(await saveSnapshot(one.id, "n", { at: 1, state: state(["c"]), conversation }, new Date())).toBe(true);
    expect(await db.messageSnapshot.count({ where: { messageId: "m" } })).toBe(2);
  });

  it("takes a second change in the same millisecond, dates a timeless one by its arrival, and ignores one from the far future", async () => {
    const { id } = await endpoint();
    const now = new Date(1_700_000_000_000);
    expect(await saveSnapshot(id, "m", { at: now.getTime(), state: state(["a"]), conversation }, now)).toBe(true);
    // Two users reacting in the same millisecond: the later callback holds both.
    expect(await saveSnapshot(id, "m", { at: now.getTime(), state: state(["a", "b"]), conversation }, now)).toBe(true);
    expect(await saveSnapshot(id, "m", { at: 1e20, state: state(["x"]), conversation }, now)).toBe(false);
    const later = new Date(now.getTime() + 5);
    expect(await saveSnapshot(id, "m", { at: 0, state: state(["a", "b", "c"]), conversation }, later)).toBe(true);
    const row = await db.messageSnapshot.findUniqueOrThrow({ where: { endpointId_messageId: { endpointId: id, messageId: "m" } } });
    expect([Number(row.at), JSON.parse(row.state)]).toEqual([later.getTime(), state(["a", "b", "c"])]);
  });
});
