import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import type { HttpError } from "@/lib/http/errors";
import { reactionBoard } from "./board";
import { saveSnapshot } from "./store";

const db = createTestDb();
afterAll(() => db.$disconnect());

let n = 0;
/** A stored reaction callback whose record #index carries the op time `ts`. */
async function storeOp(endpointId: string, messageId: string, actor: string, reaction: string, op: string, ts: number, receivedAt: Date) {
  const body = JSON.stringify({ payload: { type: "reaction", data: [{ messageId: "other", ts: 1 }, { messageId, ts }] } });
  await db.interaction.create({
    data: { id: `i${++n}`, endpointId, platform: "easemob", eventId: `call${n}#1`, kind: "reaction", status: "answered", actor, control: reaction, data: op, subject: messageId, headers: "{}", body, receivedAt },
  });
}

describe("reaction board (real SQLite file)", () => {
  it("shows each message's newest reactions and its operations in the order they happened", async () => {
    const { id } = await db.endpoint.create({ data: { platform: "easemob", name: "E", fallback: "null", secrets: "sealed" } });
    saveSnapshot(id, "m1", { at: 30, state: [{ reaction: "👍", count: 1, userList: ["b"] }, { reaction: "❤️", count: 0, userList: [] }], conversation: { from: "a", to: "b", channelType: "chat" } }, new Date(2000));
    saveSnapshot(id, "m2", { at: 10, state: [{ reaction: "🎉", count: 2, userList: ["a", "c"] }], conversation: { from: "a", to: "g1", channelType: "groupchat" } }, new Date(1000));
    // Received out of order: the op time in the stored body decides the order.
    await storeOp(id, "m1", "b", "👍", "create", 20, new Date(1500));
    await storeOp(id, "m1", "a", "👍", "create", 10, new Date(1600));
    await storeOp(id, "m1", "a", "👍", "delete", 30, new Date(1700));

    const board = await reactionBoard(db, { endpointId: id });
    expect(board.items.map((i) => i.messageId)).toEqual(["m1", "m2"]);
    expect(board.items[0]).toEqual({
      messageId: "m1",
      reactions: [{ reaction: "👍", count: 1, users: ["b"] }],
      updatedAt: new Date(2000).toISOString(),
      at: 30,
      conversation: { from: "a", to: "b", channelType: "chat" },
      timeline: [
        { at: 10, actor: "a", reaction: "👍", op: "create" },
        { at: 20, actor: "b", reaction: "👍", op: "create" },
        { at: 30, actor: "a", reaction: "👍", op: "delete" },
      ],
    });
    expect((await reactionBoard(db, { endpointId: id, messageId: "m2" })).items.map((i) => i.messageId)).toEqual(["m2"]);
    expect((await reactionBoard(db, { endpointId: id, channelType: "groupchat" })).items.map((i) => i.messageId)).toEqual(["m2"]);
    expect((await reactionBoard(db, { endpointId: id, to: "b" })).items.map((i) => i.messageId)).toEqual(["m1"]);
  });

  it("is a 404 for an unknown endpoint", async () => {
    await expect(reactionBoard(db, { endpointId: "nope" })).rejects.toMatchObject({ status: 404, code: "not_found" } satisfies Partial<HttpError>);
  });
});
