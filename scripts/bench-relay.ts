// `npm run bench`, the relay (issue 16): what Button Studio adds in front of a developer's bot. The bot is the
// receiver a developer writes with the official library (Express + discord-interactions' verifyKeyMiddleware),
// answering every click with a message; it is loaded alone, then behind a relay endpoint (URL target), then
// behind the CLI tunnel. The same signed bodies, connections and duration for each, in one run.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { verifyKeyMiddleware } from "discord-interactions";
import express from "express";
import { DISCORD_PUBLIC_KEY } from "../lib/platforms/discord/fixtures/vectors";
import { API_TOKEN, createEndpoint, load, type LoadResult, type Signed } from "./bench-support";

export interface RelayFigures {
  bot: LoadResult;
  relay: LoadResult;
  tunnel: LoadResult | null;
  /** Why the tunnel was not measured, when it was not. */
  tunnelError?: string;
}

/** Runs on a started studio (`base`); `bodies` are signed Discord clicks. */
export async function benchRelay(base: string, bodies: Signed[], botPort: number): Promise<RelayFigures> {
  const app = express();
  app.post("/interactions", verifyKeyMiddleware(DISCORD_PUBLIC_KEY), (req, res) => {
    void res.json({ type: 4, data: { content: `The bot saw ${(req.body as { data?: { custom_id?: string } }).data?.custom_id ?? "?"}` } });
  });
  const botServer = app.listen(botPort);
  const botUrl = `http://127.0.0.1:${botPort}/interactions`;
  try {
    const relayId = await createEndpoint(base, { platform: "discord", name: "bench relay", mode: "relay", relayTarget: botUrl, secrets: { publicKey: DISCORD_PUBLIC_KEY } });
    const half = Math.floor(bodies.length / 2);
    // Each body once per endpoint: a click delivered twice would be a retry, answered from the store.
    const bot = await load(botUrl, bodies);
    const relay = await load(`${base}/api/callbacks/${relayId}`, bodies.slice(0, half));
    let tunnel: LoadResult | null = null;
    let tunnelError: string | undefined;
    const tunnelId = await createEndpoint(base, { platform: "discord", name: "bench tunnel", mode: "relay", relayTarget: "tunnel", secrets: { publicKey: DISCORD_PUBLIC_KEY } });
    const cli = await startTunnel(base, tunnelId, botUrl).catch((error: unknown) => {
      tunnelError = error instanceof Error ? error.message : String(error);
      return null;
    });
    if (cli) {
      try {
        tunnel = await load(`${base}/api/callbacks/${tunnelId}`, bodies.slice(half));
      } finally {
        cli.kill("SIGINT");
      }
    }
    return { bot, relay, tunnel, tunnelError };
  } finally {
    botServer.close();
  }
}

/** `button-studio relay` as a developer runs it; resolves once it printed that it is connected. */
function startTunnel(base: string, endpointId: string, to: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/button-studio.mjs", "relay", "--server", base, "--token", API_TOKEN, "--endpoint", endpointId, "--to", to], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the tunnel CLI did not connect within 10 s"));
    }, 10_000);
    child.once("exit", (code) => reject(new Error(`the tunnel CLI exited with ${code}`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (!/ connected to /.test(line)) return;
      clearTimeout(timer);
      // Per-callback lines keep coming; they are read and dropped so the pipe never fills.
      resolve(child);
    });
  });
}

export function printRelay({ bot, relay, tunnel, tunnelError }: RelayFigures, connections: number, durationS: number): void {
  console.log(`\nrelay (issue 16): Express + verifyKeyMiddleware answering every click, alone and behind Button Studio (${durationS} s each, ${connections} connections)`);
  console.log("receiver                                        req/s   p50 ms   p99 ms   errors   added p50 / p99 ms   ratio to the bot alone");
  const row = (name: string, result: LoadResult, added: string, ratio: string) =>
    console.log(`${name.padEnd(44)} ${String(result.rps).padStart(7)} ${String(result.latencyP50).padStart(8)} ${String(result.latencyP99).padStart(8)} ${String(result.errors).padStart(8)}   ${added.padStart(18)}   ${ratio}`);
  row("the bot alone", bot, "—", "—");
  const behind = (name: string, result: LoadResult) =>
    row(name, result, `${(result.latencyP50 - bot.latencyP50).toFixed(0)} / ${(result.latencyP99 - bot.latencyP99).toFixed(0)}`, (result.rps / bot.rps).toFixed(2));
  behind("Button Studio relay → the bot (URL)", relay);
  if (tunnel) behind("Button Studio relay → CLI tunnel → the bot", tunnel);
  else console.log(`CLI tunnel not measured: ${tunnelError ?? "unknown"}`);
  console.log("(behind Button Studio each click is also verified, stored, shown live and its forward recorded: three writes)");
}
