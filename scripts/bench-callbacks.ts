// `npm run bench`: callback throughput on this machine, three receivers under the same load:
//  (a) Button Studio's callback URL on the production server (verified + stored: Discord, QQ,
//      Feishu encrypted + signed, Easemob signed reaction callbacks),
//  (b) a bare node:http server answering a constant (the ceiling),
//  (c) what a developer would write instead: Express + discord-interactions' verifyKeyMiddleware
//      (verifies, stores nothing). Figures and ratios, not a pass/fail test.
// Then (scripts/bench-postgres.ts) the Discord load of (a) on PostgreSQL, one instance and two on one
// database, and the live log from one instance to the other, printed beside (a) on SQLite. Last
// (scripts/bench-log.ts) the live log's list and search at 1,000,000 stored interactions on both databases.
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import Database from "better-sqlite3";
import { tmpdir } from "node:os";
import path from "node:path";
import { verifyKeyMiddleware } from "discord-interactions";
import express from "express";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "../lib/platforms/discord/fixtures/vectors";
import { signDiscord } from "../lib/platforms/discord/signature";
import { qqInteractionDispatch } from "../lib/platforms/qq/click";
import { signQq } from "../lib/platforms/qq/signature";
import type { LiveLatency } from "./bench-live";
import { benchLog, printLog } from "./bench-log";
import { benchPostgres, type DatabaseRun } from "./bench-postgres";
import { benchRelay, printRelay } from "./bench-relay";
import { CONNECTIONS, DURATION_S, createEndpoint, load, startStudio, studioEnv, type LoadResult, type Signed, type Studio } from "./bench-support";

const BODIES = 40_000;
const PORTS = { studio: 3291, bare: 3292, express: 3293, pgOne: 3294, pgA: 3295, pgB: 3296, relayBot: 3297 };
const FLOOD_STORED = 100_000;
const HELD_BURST = 2_000;
const DISCORD_DEADLINE_MS = 3_000; // Discord: the initial response within 3 s

function discordBodies(): Signed[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: BODIES }, (_, i) => {
    const body = JSON.stringify({ id: `bench-${process.pid}-${i}`, application_id: "A", type: 3, token: "T", version: 1, member: { user: { id: "u" } }, data: { custom_id: "bench", component_type: 2 } });
    return { body, headers: { "content-type": "application/json", "x-signature-timestamp": timestamp, "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, body) } };
  });
}

function qqBodies(secret: string): Signed[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: BODIES }, (_, i) => {
    const body = JSON.stringify(qqInteractionDispatch({ id: "b", data: "bench" }, { userId: "u", roles: [], isAdmin: false, scene: "group" }, { event: `bench-${process.pid}-${i}`, now: new Date() }));
    return { body, headers: { "content-type": "application/json", "x-signature-timestamp": timestamp, "x-signature-ed25519": signQq(secret, timestamp, body) } };
  });
}

// Feishu and Easemob requests are built here with node:crypto directly, as the platforms would
// (their adapters are server-only modules): an independent implementation of protocols.md §3.4–3.5 and §4.
function feishuBodies(encryptKey: string, verificationToken: string): Signed[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = createHash("sha256").update(encryptKey, "utf8").digest();
  return Array.from({ length: BODIES }, (_, i) => {
    const plain = JSON.stringify({
      schema: "2.0",
      header: { event_id: `bench-${process.pid}-${i}`, token: verificationToken, create_time: `${Date.now()}000`, event_type: "card.action.trigger", tenant_key: "t", app_id: "cli_bench" },
      event: { operator: { open_id: "ou_bench" }, token: `c-${i}`, action: { value: { action: "bench" }, tag: "button" }, host: "im_message", context: { open_message_id: "om_bench", open_chat_id: "oc_bench" } },
    });
    const iv = randomBytes(16);
    const cipher = createCipheriv("aes-256-cbc", key, iv);
    const body = JSON.stringify({ encrypt: Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final()]).toString("base64") });
    const nonce = randomBytes(8).toString("hex");
    const signature = createHash("sha256").update(timestamp + nonce + encryptKey, "utf8").update(body, "utf8").digest("hex");
    return { body, headers: { "content-type": "application/json", "x-lark-request-timestamp": timestamp, "x-lark-request-nonce": nonce, "x-lark-signature": signature } };
  });
}

function easemobBodies(appKey: string, secret: string): Signed[] {
  return Array.from({ length: BODIES }, (_, i) => {
    const callId = `${appKey}_bench-${process.pid}-${i}`;
    const timestamp = Date.now();
    const data = [{ messageId: `m${i % 100}`, from: "u1", to: "u2", channel_type: "chat", ts: timestamp, reactions: [{ reaction: "👍", userList: ["u1"], count: 1, op: [{ reactionType: "create", operator: "u1" }] }] }];
    const body = JSON.stringify({
      callId,
      timestamp,
      security: createHash("md5").update(callId + secret + String(timestamp), "utf8").digest("hex"),
      chat_type: "notify",
      appkey: appKey,
      eventType: "chat",
      msg_id: `bench-${i}`,
      from: "u1",
      to: "u2",
      payload: { type: "reaction", channel_type: "chat", num: 1, data },
    });
    return { body, headers: { "content-type": "application/json" } };
  });
}

/** Fills an endpoint with `count` stored interactions straight into the server's SQLite file (WAL: the server keeps serving). */
function seedInteractions(file: string, endpointId: string, count: number) {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  const insert = db.prepare(`INSERT INTO "Interaction" (id, endpointId, platform, eventId, kind, status, control, headers, body, receivedAt)
    VALUES (?, ?, 'discord', ?, 'button', 'answered', 'seed', '{}', '{}', ?)`);
  const start = Date.now() - count * 1000;
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`seed-${i}`, endpointId, `seed-${i}`, new Date(start + i * 1000).toISOString().replace("Z", "+00:00"));
  })();
  db.close();
}

/** Forged copies of valid bodies: the signature of another body, so each is refused after a real Ed25519 check. */
function forged(bodies: Signed[]): Signed[] {
  return bodies.map((signed, i) => ({ body: signed.body, headers: { ...signed.headers, "x-signature-ed25519": bodies[(i + 1) % bodies.length]!.headers["x-signature-ed25519"]! } }));
}

/**
 * `count` requests sent at once, each on its own new connection (as a burst of users clicking), to a
 * manual endpoint that holds them until the fallback: the share answered within `withinMs` of being sent.
 * "Sent" is when the request's last byte went to the socket ('finish'); creating 2,000 requests in one
 * process on this 2-core machine takes this client ~0.4 s itself, so the share from creation is shown too.
 */
async function burst(url: string, bodies: Signed[], withinMs: number) {
  const target = new URL(url);
  const times = await Promise.all(
    bodies.map(
      (signed) =>
        new Promise<{ fromSent: number; fromCreated: number }>((resolve) => {
          const created = performance.now();
          let sent = created;
          const failed = () => resolve({ fromSent: Infinity, fromCreated: Infinity });
          const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent: false, headers: { ...signed.headers, "content-length": Buffer.byteLength(signed.body) } }, (res) => {
            res.resume();
            res.on("end", () => (res.statusCode === 200 ? resolve({ fromSent: performance.now() - sent, fromCreated: performance.now() - created }) : failed()));
          });
          req.on("finish", () => (sent = performance.now()));
          req.setTimeout(10_000, () => req.destroy());
          req.on("error", failed);
          req.end(signed.body);
        }),
    ),
  );
  const sorted = times.map((t) => t.fromSent).sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const share = (pick: (t: { fromSent: number; fromCreated: number }) => number) => times.filter((t) => pick(t) <= withinMs).length / times.length;
  return { inTime: share((t) => t.fromSent), inTimeFromCreated: share((t) => t.fromCreated), p50: at(0.5), p99: at(0.99), failed: times.filter((t) => t.fromSent === Infinity).length };
}

async function main() {
  // (b) the ceiling; it also stands in for the QQ API (token + PUT) so (a) pays for its outbound reply.
  const bare = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"access_token":"bench","expires_in":"7200","type":6}');
  }).listen(PORTS.bare);
  // (c) the receiver a developer would write with the official library.
  const app = express();
  app.post("/interactions", verifyKeyMiddleware(DISCORD_PUBLIC_KEY), (_req, res) => void res.json({ type: 6 }));
  const expressServer = app.listen(PORTS.express);

  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-callbacks-"));
  const sqliteFile = path.join(dataDir, "studio.db");
  const trustedApiBase = `http://127.0.0.1:${PORTS.bare}`;
  let studio: Studio | undefined;
  try {
    studio = await startStudio(PORTS.studio, studioEnv(PORTS.studio, `file:${sqliteFile}`, trustedApiBase));
    const base = studio.url;
    const create = (body: object) => createEndpoint(base, body);
    const discordId = await create({ platform: "discord", name: "bench", mode: "rules", secrets: { publicKey: DISCORD_PUBLIC_KEY } });
    const qqId = await create({ platform: "qq", name: "bench", mode: "rules", apiBaseUrl: `http://127.0.0.1:${PORTS.bare}`, secrets: { appId: "1", secret: "bench-secret" } });
    const feishuSecrets = { appId: "cli_bench", appSecret: "bench-app-secret", verificationToken: "bench-token", encryptKey: "bench-encrypt-key" };
    const feishuId = await create({ platform: "feishu", name: "bench", mode: "rules", secrets: feishuSecrets });
    const easemobId = await create({ platform: "easemob", name: "bench", secrets: { appKey: "bench#app", secret: "bench-secret" } });

    console.log(`Signing ${BODIES} bodies each for Discord, QQ, Feishu (encrypted) and Easemob…`);
    const discord = discordBodies();
    const qq = qqBodies("bench-secret");
    const feishu = feishuBodies(feishuSecrets.encryptKey, feishuSecrets.verificationToken);
    const easemob = easemobBodies("bench#app", "bench-secret");
    const validForFlood = discordBodies().map((signed) => signed);
    // A short warm-up so Next compiles and caches before anything is measured.
    await load(`${base}/api/callbacks/${discordId}`, discord.slice(0, 500).map((s) => ({ ...s })));

    const bRun = await load(`http://127.0.0.1:${PORTS.bare}/`, discord);
    const cRun = await load(`http://127.0.0.1:${PORTS.express}/interactions`, discord);
    const discordRowsBefore = countSqliteRows(sqliteFile, discordId);
    const discordRun = await load(`${base}/api/callbacks/${discordId}`, discord.slice(500));
    const discordRows = countSqliteRows(sqliteFile, discordId) - discordRowsBefore;
    const runs = [
      { name: "(b) bare node:http, constant", result: bRun },
      { name: "(c) Express + verifyKeyMiddleware", result: cRun },
      { name: "(a) Button Studio, Discord", result: discordRun },
      { name: "(a) Button Studio, QQ", result: await load(`${base}/api/callbacks/${qqId}`, qq) },
      { name: "(a) Button Studio, Feishu (encrypted)", result: await load(`${base}/api/callbacks/${feishuId}`, feishu) },
      { name: "(a) Button Studio, Easemob reactions", result: await load(`${base}/api/callbacks/${easemobId}`, easemob) },
    ];
    // A flood of forged requests against an endpoint holding 100,000 interactions, with valid callbacks beside it.
    const floodId = await create({ platform: "discord", name: "flood", mode: "rules", secrets: { publicKey: DISCORD_PUBLIC_KEY } });
    seedInteractions(sqliteFile, floodId, FLOOD_STORED);
    const validAlone = await load(`${base}/api/callbacks/${floodId}`, validForFlood.slice(0, BODIES / 2), { connections: 4 });
    const [refused, validDuringFlood] = await Promise.all([
      load(`${base}/api/callbacks/${floodId}`, forged(discord)),
      load(`${base}/api/callbacks/${floodId}`, validForFlood.slice(BODIES / 2), { connections: 4 }),
    ]);
    // 2,000 held requests at once: each must get its deferred fallback within Discord's 3 s.
    const heldId = await create({ platform: "discord", name: "held", mode: "manual", secrets: { publicKey: DISCORD_PUBLIC_KEY } });
    const held = await burst(`${base}/api/callbacks/${heldId}`, discordBodies().slice(0, HELD_BURST), DISCORD_DEADLINE_MS);
    // The relay in front of a bot (fresh bodies: Discord's signatures are dated).
    const relayFigures = await benchRelay(base, discordBodies(), PORTS.relayBot);
    const stored = await (await fetch(`${base}/api/interactions?limit=1`, { headers: { authorization: "Bearer bench" } })).json();
    console.log(`\n${DURATION_S} s each, ${CONNECTIONS} connections; req/s is the median of per-second counts\n`);
    console.log("receiver                                  req/s   p50 ms   p99 ms   errors");
    for (const { name, result } of runs) {
      console.log(`${name.padEnd(40)} ${String(result.rps).padStart(7)} ${String(result.latencyP50).padStart(8)} ${String(result.latencyP99).padStart(8)} ${String(result.errors).padStart(8)}`);
    }
    const [b, c, a] = runs.map((r) => r.result.rps);
    const ratios = runs.slice(2).map((r) => `${r.name.replace("(a) Button Studio, ", "")} ${(r.result.rps / c!).toFixed(2)}`).join(", ");
    console.log(`ratios to (c), same run: ${ratios}`);
    console.log(`\nrefused-callback flood on an endpoint holding ${FLOOD_STORED.toLocaleString("en")} interactions (${CONNECTIONS} connections of forged requests):`);
    console.log(`  refused/s ${refused.rps} (ratio to valid Discord alone: ${(refused.rps / a!).toFixed(2)}), non-401 answers ${refused.total - refused.unauthorized}`);
    console.log(`  valid callbacks beside it (4 connections): p50 ${validDuringFlood.latencyP50} ms, p99 ${validDuringFlood.latencyP99} ms, ${validDuringFlood.rps} req/s; alone: p50 ${validAlone.latencyP50} ms, p99 ${validAlone.latencyP99} ms, ${validAlone.rps} req/s`);
    console.log(`${HELD_BURST} concurrent held Discord requests (manual mode, each on a new connection): ${(held.inTime * 100).toFixed(1)} % answered within ${DISCORD_DEADLINE_MS / 1000} s of being sent (${(held.inTimeFromCreated * 100).toFixed(1)} % of being created by this client); p50 ${held.p50.toFixed(0)} ms, p99 ${held.p99.toFixed(0)} ms, ${held.failed} failed`);
    console.log(`\nratio a/c (Discord): ${(a! / c!).toFixed(2)}   ratio a/b: ${(a! / b!).toFixed(3)}   newest stored interaction: ${stored.items[0]?.eventId ?? "none"}`);
    printRelay(relayFigures, CONNECTIONS, DURATION_S);

    // PostgreSQL: the SQLite server is stopped first so the configurations do not share the machine with it.
    await studio.stop();
    const postgres = await benchPostgres(discord, { one: PORTS.pgOne, a: PORTS.pgA, b: PORTS.pgB }, trustedApiBase);
    // (c) once more: how far the machine's speed moved while the PostgreSQL runs went on (the ratios use the first).
    const cAgain = await load(`http://127.0.0.1:${PORTS.express}/interactions`, discord);
    printByDatabase({ sqlite: { result: discordRun, rowsAdded: discordRows }, ...postgres, c: cRun, cAgain });
    // Without servers running: the seeding and the timed reads have the machine to themselves.
    printLog(await benchLog());
  } finally {
    await studio?.stop();
    bare.close();
    expressServer.close();
    // The SQLite server's file (~300 MB after the loads): each run left its own behind.
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Interaction rows of one endpoint in the server's SQLite file (read beside the running server: WAL). */
function countSqliteRows(file: string, endpointId: string): number {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "Interaction" WHERE endpointId = ?`).get(endpointId) as { n: number }).n;
  } finally {
    db.close();
  }
}

function printByDatabase(figures: { sqlite: DatabaseRun; version: string; one: DatabaseRun; two: DatabaseRun; live: LiveLatency; c: LoadResult; cAgain: LoadResult }) {
  const { sqlite, version, one, two, live, c, cAgain } = figures;
  console.log(`\nDiscord callbacks verified + stored, by database: the load of (a) Discord (${DURATION_S} s, ${CONNECTIONS} connections, req/s the median of per-second counts).`);
  console.log(`Two instances: one autocannon run dealing ${CONNECTIONS / 2} connections to each, so req/s is the median of the summed per-second counts and p50/p99 are over both.`);
  const line = (cells: string[], stored: string) => console.log(`${cells[0]!.padEnd(44)} ${cells[1]!.padStart(7)} ${cells[2]!.padStart(8)} ${cells[3]!.padStart(8)} ${cells[4]!.padStart(8)} ${cells[5]!.padStart(14)}   ${stored}`);
  line(["configuration", "req/s", "p50 ms", "p99 ms", "errors", "ratio to (c)"], "rows stored / 2xx");
  const row = (name: string, result: LoadResult, ratio: string, stored: string) =>
    line([name, String(result.rps), String(result.latencyP50), String(result.latencyP99), String(result.errors), ratio], stored);
  const run = (name: string, { result, rowsAdded }: DatabaseRun) => row(name, result, (result.rps / c.rps).toFixed(2), `${rowsAdded} / ${result.ok}`);
  run("(i)   SQLite, one instance (= (a) Discord)", sqlite);
  run(`(ii)  PostgreSQL ${version}, one instance`, one);
  run(`(iii) PostgreSQL ${version}, two instances`, two);
  row("(c)   Express + verifyKeyMiddleware", c, "—", "stores nothing");
  row("(c)   again, after the PostgreSQL runs", cAgain, "—", "(drift check; ratios use the first)");
  console.log(`\nlive log across instances (PostgreSQL): a callback POSTed to A → its interaction.created frame read from B's /api/interactions/stream,`);
  console.log(`${live.samples} callbacks one at a time, timed from just before each send (so the send's own round trip is included):`);
  console.log(`  A → B frame p50 ${live.p50.toFixed(1)} ms, p95 ${live.p95.toFixed(1)} ms; the callback's own round trip on A p50 ${live.roundTripP50.toFixed(1)} ms, p95 ${live.roundTripP95.toFixed(1)} ms; ${live.missed} frames not read within 5 s (counted as infinitely late)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
