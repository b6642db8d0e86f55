#!/usr/bin/env node
// `button-studio relay`: the tunnel for a bot with no public address. It keeps one outbound WebSocket to Button
// Studio open, posts each forwarded callback's exact bytes to the local bot and sends back its answer. The frames
// are described in lib/relay/tunnel-frames.ts; this file is plain Node (ws and built-ins only) so `npx` runs it as is.
/* global AbortSignal */
import { Buffer } from "node:buffer";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { parseArgs } from "node:util";
import WebSocket from "ws";

const TUNNEL_PATH = "api/relay/tunnel";
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10_000;
/** The server pings every 15 s: two missed pings mean the connection died without closing (a sleeping laptop, NAT). */
const SILENCE_MS = 40_000;
/** The server's close code when another CLI took over this endpoint: reconnecting would take it back, forever. */
const REPLACED = 4000;
/** Never read more than this of an answer, whatever a frame asks: it still fits the server's 96 KiB frame limit in base64. */
const LIMIT_MAX_BYTES = 64 * 1024;

const USAGE = `Usage: button-studio relay --server <url> --token <API_TOKEN> --endpoint <id> --to <bot url>

Connects to Button Studio and forwards the callbacks of an endpoint whose relay target is "tunnel"
to a bot that has no public address, then returns the bot's answers.

  --server    Button Studio's address, e.g. https://studio.example.com
  --token     the server's API_TOKEN (or set BUTTON_STUDIO_TOKEN)
  --endpoint  the endpoint's id
  --to        where the bot listens, e.g. http://localhost:3000/interactions

Prints one line per callback: time, platform, control, the bot's status (or error), milliseconds.`;

function fail(message) {
  process.stderr.write(`button-studio: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function httpUrl(value, name) {
  const url = URL.parse(value ?? "");
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) fail(`--${name} must be an http(s) URL`);
  return url;
}

function parseCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { server: { type: "string" }, token: { type: "string" }, endpoint: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    fail(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals[0] !== "relay" || positionals.length > 1) fail(positionals.length ? `unknown command "${positionals.join(" ")}"` : "no command given");
  const missing = ["server", "endpoint", "to"].filter((name) => !values[name]);
  const token = values.token || process.env.BUTTON_STUDIO_TOKEN;
  if (!token) missing.push("token");
  if (missing.length) fail(`missing ${missing.map((name) => `--${name}`).join(", ")}`);
  const server = httpUrl(values.server, "server");
  // Relative to the server's address, so a Button Studio under a path prefix is reached there too.
  const tunnel = new URL(TUNNEL_PATH, server.href.endsWith("/") ? server : `${server.href}/`);
  tunnel.protocol = server.protocol === "https:" ? "wss:" : "ws:";
  tunnel.searchParams.set("endpoint", values.endpoint);
  return { tunnel, token, endpoint: values.endpoint, to: httpUrl(values.to, "to").href };
}

/** A custom_id is anyone's text: control characters (terminal escapes) are shown as "?", never sent to the terminal. */
function printable(text) {
  // eslint-disable-next-line no-control-regex
  return String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, "?").slice(0, 200);
}

function clock() {
  const now = new Date();
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  return `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds(), 3)}`;
}

function log(line) {
  process.stdout.write(`${clock()}  ${line}\n`);
}

/** Reads at most `max` bytes of the answer, then stops downloading. */
async function readAtMost(response, max) {
  if (!response.body) return Buffer.alloc(0);
  const chunks = [];
  let size = 0;
  const reader = response.body.getReader();
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= max) await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, max);
}

/** Posts one callback to the bot exactly as the platform sent it, and says what came back. */
async function forward(to, frame) {
  const started = performance.now();
  const budget = AbortSignal.timeout(Math.max(1, frame.budgetMs));
  try {
    // No redirects: as with a URL target, a 3xx is the bot's answer.
    const response = await fetch(to, { method: "POST", headers: frame.headers, body: Buffer.from(frame.body, "base64"), redirect: "manual", signal: budget });
    const body = await readAtMost(response, Math.min(frame.limitBytes, LIMIT_MAX_BYTES) + 1);
    return { type: "answer", id: frame.id, status: response.status, body: body.toString("base64"), ms: Math.round(performance.now() - started) };
  } catch {
    return { type: "answer", id: frame.id, error: budget.aborted ? "timeout" : "unreachable", ms: Math.round(performance.now() - started) };
  }
}

function isCallback(frame) {
  return frame?.type === "callback" && typeof frame.id === "string" && typeof frame.body === "string" && typeof frame.headers === "object" && frame.headers !== null && Number.isFinite(frame.budgetMs) && Number.isFinite(frame.limitBytes);
}

function relay({ tunnel, token, endpoint, to }) {
  let socket = null;
  let stopping = false;
  let backoff = BACKOFF_FIRST_MS;
  let retry = null;
  let silence = null;

  const watch = () => {
    clearTimeout(silence);
    silence = setTimeout(() => socket?.terminate(), SILENCE_MS);
  };

  const connect = () => {
    retry = null;
    let lastError = "";
    const ws = new WebSocket(tunnel, { headers: { authorization: `Bearer ${token}` } });
    socket = ws;
    ws.on("open", () => {
      backoff = BACKOFF_FIRST_MS;
      watch();
      log(`connected to ${tunnel.origin} for endpoint ${endpoint}, forwarding to ${to}`);
    });
    ws.on("ping", watch);
    ws.on("message", (data, isBinary) => {
      let frame = null;
      try {
        frame = isBinary ? null : JSON.parse(data.toString("utf8"));
      } catch {
        // Not a frame this version knows: ignored, as any newer server message would be.
      }
      if (!isCallback(frame)) return;
      void forward(to, frame).then((answer) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(answer));
        log(`${printable(frame.platform ?? "?")}  ${printable(frame.control || "-")}  ${answer.status ?? answer.error}  ${answer.ms} ms`);
      });
    });
    // A refusal before the upgrade: the server's JSON says why. A wrong token or endpoint will not get better by retrying.
    ws.on("unexpected-response", (_request, response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let message = text;
        try {
          message = JSON.parse(text)?.error?.message ?? text;
        } catch {
          // Not JSON (a proxy's page): shown as it is.
        }
        if (response.statusCode >= 400 && response.statusCode < 500 && response.statusCode !== 408 && response.statusCode !== 429) {
          process.stderr.write(`button-studio: ${message.trim() || "refused"} (HTTP ${response.statusCode})\n`);
          process.exit(1);
        }
        lastError = `HTTP ${response.statusCode}`;
        ws.terminate();
      });
    });
    // The first error says why; the ones that follow (the socket torn down) only echo it.
    ws.on("error", (error) => {
      lastError ||= error.message;
    });
    ws.on("close", (code, reason) => {
      clearTimeout(silence);
      if (stopping || socket !== ws) return;
      if (code === REPLACED) {
        process.stderr.write(`button-studio: another "button-studio relay" for endpoint ${endpoint} took over this tunnel\n`);
        process.exit(1);
      }
      scheduleRetry(lastError || `closed (${code}${reason.length ? ` ${reason.toString("utf8")}` : ""})`);
    });
  };

  const scheduleRetry = (why) => {
    if (stopping || retry) return;
    log(`disconnected: ${why}; reconnecting in ${(backoff / 1000).toFixed(1)} s`);
    retry = setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
  };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(retry);
    clearTimeout(silence);
    if (!socket || socket.readyState === WebSocket.CLOSED) process.exit(0);
    socket.once("close", () => process.exit(0));
    socket.close(1000, "stopped");
    // A server that does not answer the close in time is not waited for.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  connect();
}

relay(parseCommand(process.argv.slice(2)));
