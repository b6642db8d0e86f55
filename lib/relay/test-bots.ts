// Bots a developer would write, for the relay tests (unit and e2e): each checks the forwarded request with the
// platform's own SDK (or, for QQ, the signature itself), so a byte changed on the way fails them. They run in the
// test process. No server-only imports: Playwright loads this too.
import { createPrivateKey, createPublicKey, verify } from "node:crypto";
import { adaptDefault, CardActionHandler, type Logger } from "@larksuiteoapi/node-sdk";
import { verifyKeyMiddleware } from "discord-interactions";
import express from "express";
import { readAll, serveBot } from "./test-bot";

/** The header a forwarded callback carries (issue 16's contract), written out here so the spec checks the name itself. */
export const INTERACTION_HEADER = "x-button-studio-interaction";

export interface Bot {
  url: string;
  /** The X-Button-Studio-Interaction of each request that passed the bot's verification. */
  seen: string[];
  close: () => Promise<void>;
}

/** A Discord bot as the guide writes one: discord-interactions' verifyKeyMiddleware, then the answer for the custom_id. */
export async function discordBot(publicKey: string, answer: (customId: string) => { body: unknown; delayMs?: number }): Promise<Bot> {
  const seen: string[] = [];
  const app = express();
  app.post("/interactions", verifyKeyMiddleware(publicKey), (req, res) => {
    seen.push(String(req.header(INTERACTION_HEADER)));
    const { body, delayMs = 0 } = answer((req.body as { data?: { custom_id?: string } }).data?.custom_id ?? "");
    setTimeout(() => res.json(body), delayMs);
  });
  return { ...(await serveBot(app)), seen };
}

/** A Feishu bot on the node SDK's CardActionHandler: it checks the verification token and decrypts the body itself. */
export async function feishuBot(secrets: { verificationToken: string; encryptKey: string }, answer: unknown): Promise<Bot & { warnings: string[] }> {
  const seen: string[] = [];
  const warnings: string[] = [];
  const ignore = () => undefined;
  const logger: Logger = { error: ignore, info: ignore, debug: ignore, trace: ignore, warn: (...msg: unknown[]) => void warnings.push(msg.join(" ")) };
  const handler = new CardActionHandler({ ...secrets, logger }, () => answer);
  const dispatch = adaptDefault("/webhook", handler);
  const served = await serveBot((req, res) => {
    seen.push(String(req.headers[INTERACTION_HEADER]));
    void dispatch(req, res);
  }, "/webhook");
  return { ...served, seen, warnings };
}

/** A QQ bot with its own receiver: the Ed25519 key derived from its secret as sign.md says; it answers `answer` (QQ's op 12). */
export async function qqBot(secret: string, answer: unknown): Promise<Bot> {
  let seed = Buffer.from(secret, "utf8");
  while (seed.length < 32) seed = Buffer.concat([seed, seed]);
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed.subarray(0, 32)]);
  const key = createPublicKey(createPrivateKey({ key: der, format: "der", type: "pkcs8" }));
  const seen: string[] = [];
  const served = await serveBot((req, res) => void readAll(req).then((body) => {
    const signature = Buffer.from(String(req.headers["x-signature-ed25519"] ?? ""), "hex");
    const timestamp = String(req.headers["x-signature-timestamp"] ?? "");
    if (signature.length !== 64 || !verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, signature)) return void res.writeHead(401).end();
    seen.push(String(req.headers[INTERACTION_HEADER]));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  }));
  return { ...served, seen };
}
