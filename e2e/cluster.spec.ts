import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { qqInteractionDispatch } from "../lib/platforms/qq/click";
import { startPgCluster, type PgCluster } from "../scripts/pg-cluster.mjs";
import { ARTIFACTS, startServer, type RunningServer } from "./support/server";

/**
 * Issue 15: two production servers (`npm start`) on one PostgreSQL, nothing sticky between them. Live events
 * cross instances and resume anywhere; a request held on A takes a reply sent to B; a QQ fallback due on A is
 * sent by B after A is SIGKILLed, exactly once.
 */
const TOKEN = "cluster-token";
const auth = { authorization: `Bearer ${TOKEN}` };
const PORT_A = Number(process.env.E2E_CLUSTER_PORT ?? 3231);

let cluster: PgCluster;
let a: RunningServer;
let b: RunningServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startPgCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("CREATE DATABASE studio_cluster");
  await admin.end();
  const url = cluster.url.replace(/\/postgres(\?|$)/, "/studio_cluster$1");
  const options = (name: string, port: number) => {
    const dataDir = path.join(ARTIFACTS, `cluster-${name}`);
    rmSync(dataDir, { recursive: true, force: true });
    return { port, dataDir, env: { DATABASE_URL: url, API_TOKEN: TOKEN, ADMIN_PASSWORD: "cluster-admin" } };
  };
  // Started together: the migration runner's advisory lock lets exactly one of them migrate.
  [a, b] = await Promise.all([startServer(options("a", PORT_A)), startServer(options("b", PORT_A + 1))]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  cluster?.stop();
});

interface Frame {
  id: string;
  event: string;
  data: { id: string; endpointId: string; status: string };
}

/** Reads an SSE stream until `want` has matched `count` frames (or the time runs out). */
async function readFrames(url: string, want: (f: Frame) => boolean, count: number, lastEventId?: string, ms = 10_000): Promise<Frame[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const response = await fetch(`${url}/api/interactions/stream`, { headers: { ...auth, ...(lastEventId ? { "last-event-id": lastEventId } : {}) }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = "";
  try {
    while (frames.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => raw.split("\n").find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
        const event = field("event");
        if (event === "reset") throw new Error("the stream asked for a reset");
        const data = field("data");
        if (!event || !data) continue;
        const frame = { id: field("id") ?? "", event, data: JSON.parse(data) as Frame["data"] };
        if (want(frame)) frames.push(frame);
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return frames;
}

async function discordEndpoint(request: APIRequestContext, mode: string) {
  const key = (await (await request.get(`${a.url}/api/simulate/discord-key`, { headers: auth })).json()).publicKey as string;
  const created = await request.post(`${a.url}/api/endpoints`, { headers: auth, data: { platform: "discord", name: `Cluster ${mode} ${Date.now()}`, mode, secrets: { publicKey: key } } });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string };
}

const click = (id: string) => ({ id, application_id: "A", type: 3, token: `T-${id}`, version: 1, data: { custom_id: "c", component_type: 2 } });

test("an interaction received by A shows on B's live stream, and resuming on A from B's id loses nothing", async ({ request }) => {
  const endpoint = await discordEndpoint(request, "rules");
  const mine = (f: Frame) => f.data.endpointId === endpoint.id && f.event === "interaction.created";
  const onB = readFrames(b.url, mine, 1);
  // The stream on B is open before the click on A.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const sent = Date.now();
  expect((await (await request.post(`${a.url}/api/simulate`, { headers: auth, data: { endpointId: endpoint.id, payload: click(`live-${sent}`) } })).json()).status).toBe(200);
  const [first] = await onB;
  console.log(`[cluster] A → B live event in ${Date.now() - sent} ms (simulate round trip included)`);
  expect(first).toBeDefined();

  // Two more on A while nobody listens; a browser reconnecting to A with B's last id gets exactly those.
  for (const n of [1, 2]) await request.post(`${a.url}/api/simulate`, { headers: auth, data: { endpointId: endpoint.id, payload: click(`resume-${sent}-${n}`) } });
  const missed = await readFrames(a.url, mine, 2, first!.id);
  expect(missed).toHaveLength(2);
  expect(Number(missed[0]!.id)).toBeGreaterThan(Number(first!.id));
});

test("a request held on A is answered by a reply sent to B; a second reply is 409 on either", async ({ request }) => {
  const endpoint = await discordEndpoint(request, "manual");
  const id = `held-${Date.now()}`;
  const held = request.post(`${a.url}/api/simulate`, { headers: auth, data: { endpointId: endpoint.id, payload: click(id) } });
  let interaction: string | undefined;
  await expect.poll(async () => {
    const page = (await (await request.get(`${b.url}/api/interactions?endpointId=${endpoint.id}`, { headers: auth })).json()) as { items: { id: string; eventId: string }[] };
    interaction = page.items.find((i) => i.eventId === id)?.id;
    return interaction;
  }, { timeout: 2000, intervals: [50] }).toBeTruthy();
  const reply = await request.post(`${b.url}/api/interactions/${interaction}/reply`, { headers: auth, data: { type: 4, data: { content: "From B" } } });
  expect(reply.status()).toBe(200);
  expect(await reply.json()).toEqual({ delivered: "response" });
  const answer = (await (await held).json()) as { status: number; body: string };
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ type: 4, data: { content: "From B" } });
  for (const server of [a, b]) {
    expect((await request.post(`${server.url}/api/interactions/${interaction}/reply`, { headers: auth, data: { type: 4, data: { content: "again" } } })).status()).toBe(409);
  }
});

test("a QQ fallback due on A is sent by B after A is SIGKILLed, exactly once", async ({ request }) => {
  test.setTimeout(90_000);
  const created = await request.post(`${b.url}/api/endpoints`, {
    headers: auth,
    data: { platform: "qq", name: `Cluster QQ ${Date.now()}`, mode: "manual", resultDelivery: "put", apiBaseUrl: `${b.url}/api/simulator/platform`, secrets: { appId: "102049999", secret: "cluster-qq-secret" } },
  });
  expect(created.status()).toBe(201);
  const endpoint = (await created.json()) as { id: string };
  const payload = qqInteractionDispatch({ id: "1", data: "ask" }, { userId: "u", roles: [], isAdmin: false, scene: "group" });
  const eventId = (payload.d as { id: string }).id;
  const ack = (await (await request.post(`${a.url}/api/simulate`, { headers: auth, data: { endpointId: endpoint.id, payload } })).json()) as { status: number; body: string };
  expect(JSON.parse(ack.body)).toEqual({ op: 12, d: 0 });
  // A holds the fallback timer for the 15 s deadline; it dies before it fires.
  await a.crash();
  const puts = async () => ((await (await request.get(`${b.url}/api/simulator/calls`, { headers: auth })).json()) as { calls: { method: string; path: string; body: unknown }[] }).calls.filter((c) => c.method === "PUT" && c.path === `/interactions/${eventId}`);
  await expect.poll(async () => (await puts()).length, { timeout: 40_000, intervals: [500] }).toBe(1);
  expect((await puts())[0]!.body).toEqual({ code: 0 });
  // Later sweeps claim nothing more.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(await puts()).toHaveLength(1);
  const rows = (await (await request.get(`${b.url}/api/interactions?endpointId=${endpoint.id}`, { headers: auth })).json()) as { items: { status: string; replySource: string }[] };
  expect(rows.items.map((r) => [r.status, r.replySource])).toEqual([["answered", "fallback"]]);
});
