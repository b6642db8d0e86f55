import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as callsRoute } from "@/app/api/simulator/calls/route";
import { closePg, getPgPool } from "@/lib/db/pg";
import { describeEachDatabase } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import { qqInteractionDispatch } from "@/lib/platforms/qq/click";
import { qqSimulatorApi } from "@/lib/platforms/qq/simulator-api";
import { simulateReaction } from "./easemob";
import { answerPlatformCall, noteSentBody, recordedCalls } from "./platform-api";
import { FULL, simulatorStore } from "./store";

const PORT = "39873";
const SIMULATOR = `http://127.0.0.1:${PORT}/api/simulator/platform`;
let kinds = 0;
const kind = () => `test.${Date.now().toString(36)}.${++kinds}`;

describeEachDatabase("the simulator's store", ({ kind: database }) => {
  it("keeps a log's newest records, oldest first", async () => {
    const log = kind();
    for (let i = 1; i <= 7; i++) await simulatorStore().append(log, { i }, 5);
    expect(await simulatorStore().list(log)).toEqual([3, 4, 5, 6, 7].map((i) => ({ i })));
    expect(await simulatorStore().count(log)).toBe(5);
  });

  it("keeps keyed records in creation order (touch: update order), makes room from the oldest, or answers FULL", async () => {
    const records = kind();
    const put = (key: string, value: number, touch = false, evictable?: (oldest: number) => boolean) =>
      simulatorStore().update<number, string>(records, key, (current) => ({ value, result: `${current}` }), { limit: 3, touch, evictable });
    expect(await put("a\u0000x", 1)).toBe("null");
    await put("b", 2);
    await put("c", 3);
    expect(await put("a\u0000x", 10)).toBe("1");
    expect(await simulatorStore().list(records)).toEqual([10, 2, 3]);
    await put("b", 20, true);
    expect(await simulatorStore().list(records)).toEqual([10, 3, 20]);
    await put("d", 4);
    expect(await simulatorStore().list(records)).toEqual([3, 20, 4]);
    expect(await simulatorStore().get(records, "a\u0000x")).toBeNull();
    expect(await put("e", 5, false, (oldest) => oldest > 3)).toBe(FULL);
    expect(await simulatorStore().list(records)).toEqual([3, 20, 4]);
    // No value: nothing written, the answer still given.
    expect(await simulatorStore().update<number, string>(records, "f", () => ({ result: "kept" }), { limit: 3 })).toBe("kept");
    expect(await simulatorStore().get(records, "f")).toBeNull();
    if (database === "postgres") expect(await simulatorStore().get(records, "b")).toBe(20);
  });

  it("counts every update of a record, however many run at once", async () => {
    const counter = kind();
    await Promise.all(Array.from({ length: 20 }, () => simulatorStore().update<number, null>(counter, "n", (n) => ({ value: (n ?? 0) + 1, result: null }), { limit: 10 })));
    expect(await simulatorStore().get(counter, "n")).toBe(20);
  });
});

/**
 * Two instances on one database: on PostgreSQL two servers behind a load balancer (the same database under
 * two application names, so each has its own pool and its own process state here, as in
 * lib/cluster/two-instances.ts); on SQLite one process is the whole cluster, so both are the one instance.
 */
describeEachDatabase("the simulator on two instances", ({ kind: database, db }) => {
  let base = "";
  let previousPort: string | undefined;
  const urlOf = (instance: "a" | "b") => {
    if (database === "sqlite") return base;
    const url = new URL(base);
    url.searchParams.set("application_name", `simulator-${instance}`);
    return url.toString();
  };
  /** Runs `work` as the instance: its DATABASE_URL, hence its own pool and simulator state. */
  async function on<T>(instance: "a" | "b", work: () => Promise<T>): Promise<T> {
    process.env.DATABASE_URL = urlOf(instance);
    try {
      return await work();
    } finally {
      process.env.DATABASE_URL = base;
    }
  }
  const call = (instance: "a" | "b", method: string, path: string, authorization: string | null, body?: unknown) =>
    on(instance, () => answerPlatformCall(db(), { method, path, authorization, bodyText: body === undefined ? "" : JSON.stringify(body) }));
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const endpoint = (platform: "qq" | "feishu", secrets: Record<string, string>) =>
    createEndpoint(db(), { platform, name: `${platform} ${unique()}`, mode: "manual", requireSignature: true, apiBaseUrl: SIMULATOR, secrets, rules: [] }, "http://localhost", "en");

  beforeAll(() => {
    base = process.env.DATABASE_URL!;
    previousPort = process.env.PORT;
    process.env.PORT = PORT;
  });
  afterAll(async () => {
    process.env.PORT = previousPort;
    if (database === "postgres") await Promise.all([closePg(urlOf("a")), closePg(urlOf("b"))]);
  });

  it("a QQ access token issued by A is accepted by B, and each lists the calls the other recorded", async () => {
    const appId = `qq${unique()}`;
    await endpoint("qq", { appId, secret: "two-secret" });
    const issued = await call("a", "POST", "/app/getAppAccessToken", null, { appId, clientSecret: "two-secret" });
    const { access_token: token } = issued.body as { access_token: string };
    expect(await call("b", "PUT", "/interactions/two-1", `QQBot ${token}`, { code: 0 })).toEqual({ status: 200, body: {} });
    expect((await call("b", "PUT", "/interactions/two-1", `QQBot ${token.slice(0, -2)}AA`, { code: 0 })).status).toBe(401);
    const shown = (calls: { path: string; authorization: string | null }[]) => calls.filter((c) => c.path === "/app/getAppAccessToken" || c.path === "/interactions/two-1").map((c) => c.path);
    expect(shown(await on("a", recordedCalls))).toEqual(["/app/getAppAccessToken", "/interactions/two-1"]);
    expect(shown(await on("b", recordedCalls))).toEqual(["/app/getAppAccessToken", "/interactions/two-1"]);
    // GET /api/simulator/calls on A shows the PUT that B answered.
    const listed = (await on("a", async () => (await callsRoute()).json())) as { calls: { path: string }[]; qqResults: { id: string; put: number | null }[] };
    expect(listed.calls.map((c) => c.path)).toContain("/interactions/two-1");
    expect(listed.qqResults.find((r) => r.id === "two-1")).toMatchObject({ put: 0, channel: "put" });
    if (database === "postgres") {
      // Each instance went through its own pool (its own connections), as two servers do.
      const { rows } = await on("a", () => getPgPool(urlOf("a")).query<{ name: string }>(`SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE application_name LIKE 'simulator-%' ORDER BY 1`));
      expect(rows.map((r) => r.name)).toEqual(["simulator-a", "simulator-b"]);
    }
  });

  it("a click acknowledged on A and PUT on B is one QQ result, seen from either", async () => {
    const appId = `qq${unique()}`;
    await endpoint("qq", { appId, secret: "ack-secret" });
    const id = `two-ack-${unique()}`;
    const click = JSON.stringify(qqInteractionDispatch({ id: "1", data: "d" }, { userId: "u", roles: [], isAdmin: false, scene: "group" }, { event: id, now: new Date() }));
    await on("a", () => qqSimulatorApi.acknowledged!(click, { status: 200, body: '{"op":12,"d":0,"code":2}' }, Date.now() - 1000));
    const { access_token: token } = (await call("b", "POST", "/app/getAppAccessToken", null, { appId, clientSecret: "ack-secret" })).body as { access_token: string };
    expect((await call("a", "PUT", `/interactions/${id}`, `QQBot ${token}`, { code: 2 })).status).toBe(200);
    for (const instance of ["a", "b"] as const) {
      const { qqResults } = (await on(instance, () => qqSimulatorApi.views!())) as { qqResults: { id: string }[] };
      expect(qqResults.find((r) => r.id === id)).toEqual({ id, ack: 2, put: 2, channel: "both", shown: { code: 2, from: "ack" } });
    }
  });

  it("a Feishu tenant token issued by B works on A, and a card token's 2 uses are counted across both", async () => {
    const appId = `cli_${unique()}`;
    await endpoint("feishu", { appId, appSecret: "two-app-secret", verificationToken: "two-verification-token" });
    const answer = await call("b", "POST", "/open-apis/auth/v3/tenant_access_token/internal", null, { app_id: appId, app_secret: "two-app-secret" });
    const tenant = (answer.body as { tenant_access_token: string }).tenant_access_token;
    const update = (instance: "a" | "b", token: string, n: number) => call(instance, "POST", "/open-apis/interactive/v1/card/update", `Bearer ${tenant}`, { token, card: { n } });
    const card = `c-${unique()}`;
    expect(await update("a", card, 1)).toEqual({ status: 200, body: { code: 0, msg: "ok" } });
    expect(await update("b", card, 2)).toEqual({ status: 200, body: { code: 0, msg: "ok" } });
    expect(await update("a", card, 3)).toMatchObject({ body: { code: 300040 } });
    expect(await update("b", card, 4)).toMatchObject({ body: { code: 300040 } });
    // Six at once, from both: still two.
    const racing = `c-${unique()}`;
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => update(i % 2 ? "a" : "b", racing, i)));
    expect(answers.filter((a) => (a.body as { code: number }).code === 0)).toHaveLength(2);
    const { cards } = (await on("b", () => callsRoute().then((r) => r.json()))) as { cards: { token: string; card: { n: number } }[] };
    expect(cards.filter((c) => c.token === card).map((c) => c.card.n)).toEqual([1, 2]);
    expect(cards.filter((c) => c.token === racing)).toHaveLength(2);
  });

  it("a Discord interaction token the simulator sent from A is valid at B's webhook stand-in", async () => {
    const app = `app${unique()}`;
    const token = `tok${unique()}`;
    await on("a", () => noteSentBody("discord", JSON.stringify({ id: "1", type: 3, application_id: app, token })));
    expect((await call("b", "POST", `/webhooks/${app}/${token}`, null, { content: "hi" })).status).toBe(200);
    expect((await call("b", "POST", `/webhooks/${app}/${token}x`, null, { content: "hi" })).status).toBe(401);
  });

  it("an Easemob message's reactions changed through A and B are one message", async () => {
    // A developer's app server that takes every callback.
    const server: Server = createServer((req, res) => void req.resume().on("end", () => res.writeHead(200).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const targetUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app`;
    try {
      const easemob = await createEndpoint(db(), { platform: "easemob", name: `easemob ${unique()}`, mode: "rules", requireSignature: true, secrets: { appKey: "org#two", secret: "two-callback-secret" }, rules: [] }, "http://localhost", "en");
      const react = (instance: "a" | "b", user: string, op: "add" | "remove") =>
        on(instance, () => simulateReaction(db(), { endpointId: easemob.id, user, reaction: "👍", messageId: "m-two", op, targetUrl }, "http://localhost"));
      expect((await react("a", "alice", "add")).reactions).toEqual([{ reaction: "👍", count: 1, users: ["alice"] }]);
      expect((await react("b", "bob", "add")).reactions).toEqual([{ reaction: "👍", count: 2, users: ["alice", "bob"] }]);
      await expect(react("b", "alice", "add")).rejects.toMatchObject({ status: 409, code: "reaction_unchanged" });
      expect((await react("b", "alice", "remove")).reactions).toEqual([{ reaction: "👍", count: 1, users: ["bob"] }]);
      await expect(react("a", "alice", "remove")).rejects.toMatchObject({ status: 409 });
    } finally {
      server.close();
    }
  });
});
