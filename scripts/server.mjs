// The production server `npm start` runs: Next serves the app, and the callback
// lane (server/lane.ts, bundled into .next/lane.mjs at build time) serves the
// platforms' POSTs to /api/callbacks/* in the same process, sharing its state.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const next = require("next");
const { handleLaneRequest, handleTunnelUpgrade, noteConnection } = await import(path.join(root, ".next", "lane.mjs"));

const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();

// The login throttle keys on the client address. Behind a proxy (TRUST_PROXY=1) that is the
// proxy's X-Forwarded-For; otherwise a client could claim any address, so it is the socket's own.
const trustProxy = process.env.TRUST_PROXY === "1";

const server = createServer((req, res) => {
  if (handleLaneRequest(req, res)) return;
  if (!trustProxy) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
// The only upgrade served is the relay CLI's tunnel (Next's own, for dev hot reload, is not used in production).
server.on("upgrade", (req, socket, head) => {
  try {
    if (!handleTunnelUpgrade(req, socket, head)) socket.destroy();
  } catch (error) {
    // Whatever a client sends, one bad upgrade must not take the callback URL down.
    console.error("[server] upgrade failed:", error);
    socket.destroy();
  }
});
// The lane dates a connection's first request from when the connection was accepted (deadlines under a burst).
server.on("connection", noteConnection);
// Platforms send bursts (a popular button): Node's default backlog of 511 drops a burst of 2,000 new
// connections into 1 s SYN retries, past Discord's 3 s. The kernel caps this at net.core.somaxconn.
const LISTEN_BACKLOG = 4096;
server.listen({ port, backlog: LISTEN_BACKLOG }, () => console.log(`▲ Button Studio ready on http://localhost:${port}`));
// A stray rejection in background work is logged; it must not take the callback URL down.
process.on("unhandledRejection", (reason) => console.error("[server] unhandled rejection:", reason));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
