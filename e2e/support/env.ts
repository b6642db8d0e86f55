import path from "node:path";
import { ARTIFACTS } from "./server";

/** The shared server of a run (started in global-setup.ts); specs that need their own start one. */
export const SHARED_PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${SHARED_PORT}`;
export const ADMIN_PASSWORD = "e2e-admin-password";
export const API_TOKEN = "e2e-api-token";
export const SHARED_DATA_DIR = path.join(ARTIFACTS, "shared-data");
export const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");

export const authHeaders = { authorization: `Bearer ${API_TOKEN}` };
