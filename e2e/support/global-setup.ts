import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ADMIN_PASSWORD, API_TOKEN, SHARED_DATA_DIR, SHARED_PORT } from "./env";
import { ARTIFACTS, startServer } from "./server";

export default async function globalSetup() {
  rmSync(SHARED_DATA_DIR, { recursive: true, force: true });
  const server = await startServer({ port: SHARED_PORT, dataDir: SHARED_DATA_DIR, env: { ADMIN_PASSWORD, API_TOKEN } });
  writeFileSync(path.join(ARTIFACTS, "shared-server.log"), server.output());
  return async () => {
    await server.stop();
    writeFileSync(path.join(ARTIFACTS, "shared-server.log"), server.output());
  };
}
