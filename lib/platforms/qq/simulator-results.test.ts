import { describe, expect, it } from "vitest";
import { qqInteractionDispatch } from "./click";
import { qqSimulatorApi } from "./simulator-api";

/** The simulator, standing in for QQ, records which channel carried a click's code and what real QQ would show (§8.2). */
const context = { knownApp: async () => true };
const api = qqSimulatorApi;

async function token(): Promise<string> {
  const answer = await api.answer({ method: "POST", path: "/app/getAppAccessToken", authorization: null, body: { appId: "sim-results", clientSecret: "s" }, bodyProblem: null }, context);
  return (answer!.body as { access_token: string }).access_token;
}
function click(id: string) {
  return JSON.stringify(qqInteractionDispatch({ id: "1", data: "d" }, { userId: "u", roles: [], isAdmin: false, scene: "group" }, { event: id, now: new Date() }));
}
async function put(id: string, code: number) {
  const answer = await api.answer({ method: "PUT", path: `/interactions/${encodeURIComponent(id)}`, authorization: `QQBot ${await token()}`, body: { code }, bodyProblem: null }, context);
  expect(answer?.status).toBe(200);
}
const resultOf = async (id: string) => ((await api.views!()).qqResults as { id: string }[]).find((r) => r.id === id);

describe("QQ simulator: where the result code arrived", () => {
  it("a code in the acknowledgement and by PUT: both; QQ shows the acknowledgement's, read first", async () => {
    await api.acknowledged!(click("r-both"), { status: 200, body: '{"op":12,"d":0,"code":2}' }, Date.now() - 1000);
    await put("r-both", 2);
    expect(await resultOf("r-both")).toEqual({ id: "r-both", ack: 2, put: 2, channel: "both", shown: { code: 2, from: "ack" } });
  });

  it("a plain acknowledgement, then a PUT: only the PUT carried a code", async () => {
    await api.acknowledged!(click("r-put"), { status: 200, body: '{"op":12,"d":0}' }, Date.now() - 1000);
    await put("r-put", 3);
    expect(await resultOf("r-put")).toEqual({ id: "r-put", ack: null, put: 3, channel: "put", shown: { code: 3, from: "put" } });
  });

  it("the acknowledgement only: no PUT", async () => {
    await api.acknowledged!(click("r-ack"), { status: 200, body: '{"op":12,"d":0,"code":4}' }, Date.now());
    expect(await resultOf("r-ack")).toEqual({ id: "r-ack", ack: 4, put: null, channel: "ack", shown: { code: 4, from: "ack" } });
  });

  it("a PUT that arrived before the acknowledgement is what was read first; a second PUT changes nothing", async () => {
    await put("r-early", 1);
    await put("r-early", 5);
    await api.acknowledged!(click("r-early"), { status: 200, body: '{"op":12,"d":0,"code":0}' }, Date.now() + 1000);
    expect(await resultOf("r-early")).toEqual({ id: "r-early", ack: 0, put: 1, channel: "both", shown: { code: 1, from: "put" } });
  });

  it("ignores answers that are not a QQ acknowledgement (an error, another body, hostile JSON)", async () => {
    await api.acknowledged!(click("r-error"), { status: 500, body: '{"op":12,"code":1}' }, Date.now());
    await api.acknowledged!(click("r-other"), { status: 200, body: '{"type":6}' }, Date.now());
    await api.acknowledged!(click("r-deep"), { status: 200, body: "[".repeat(100_000) }, Date.now());
    await api.acknowledged!("not json", { status: 200, body: '{"op":12,"code":1}' }, Date.now());
    expect([await resultOf("r-error"), await resultOf("r-other"), await resultOf("r-deep")]).toEqual([undefined, undefined, undefined]);
  });
});
