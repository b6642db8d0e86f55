import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** For tests: a bot on a free loopback port (any request listener: plain node:http, express, the Feishu SDK's adaptor). */
export async function serveBot(listener: RequestListener, path = "/interactions"): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    // A slow bot still holds its request open: cut it, or close() would wait for it.
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A loopback URL nothing listens on: a port just freed by a server that listened on it. */
export async function downBotUrl(): Promise<string> {
  const bot = await serveBot(() => undefined);
  await bot.close();
  return bot.url;
}

/** The whole request body as the bot received it. */
export async function readAll(request: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}
