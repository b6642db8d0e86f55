import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/lib/db";
import { answerPlatformCall } from "./platform-api";

/**
 * For tests: the product's own simulator (the platforms' API stand-in) served over real HTTP on a free
 * loopback port, as `npm start` serves it. PORT is set to that port: this server's own simulator is the one
 * loopback port trusted with app secrets. `onCall` hears of every call (e.g. to wait until they stop).
 */
export async function startSimulatorServer(db: Db, onCall: () => void = () => {}): Promise<{ apiBase: string; close: () => void }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      onCall();
      const path = (req.url ?? "").replace(/^\/api\/simulator\/platform/, "");
      void answerPlatformCall(db, { method: req.method ?? "GET", path, authorization: req.headers.authorization ?? null, bodyText: Buffer.concat(chunks).toString("utf8") }).then(
        (answer) => res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body)),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  process.env.PORT = String(port);
  return { apiBase: `http://127.0.0.1:${port}/api/simulator/platform`, close: () => server.close() };
}
