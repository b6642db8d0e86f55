import { hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { remember } from "@/lib/process/remember";

const KEY_FILE = path.resolve("data", "secret.key");

/**
 * The server's root secret: STUDIO_SECRET_KEY, or 32 random bytes generated once
 * into data/secret.key (kept out of the database it protects).
 */
function rootKey(): Buffer {
  return remember("root-key", loadRootKey);
}

function loadRootKey(): Buffer {
  const fromEnv = process.env.STUDIO_SECRET_KEY;
  let key: Buffer;
  if (fromEnv) {
    key = Buffer.from(fromEnv, "utf8");
  } else if (existsSync(KEY_FILE)) {
    key = Buffer.from(readFileSync(KEY_FILE, "utf8").trim(), "base64");
  } else {
    key = randomBytes(32);
    mkdirSync(path.dirname(KEY_FILE), { recursive: true });
    writeFileSync(KEY_FILE, key.toString("base64"), { mode: 0o600, flag: "wx" });
    chmodSync(KEY_FILE, 0o600);
  }
  return key;
}

/** A key for one purpose (session signing, secrets at rest), derived so one leak does not expose the others. */
export function deriveKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", rootKey(), Buffer.alloc(0), `button-studio:${purpose}`, 32));
}
