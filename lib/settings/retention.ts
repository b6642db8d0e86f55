import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { MAX_PER_ENDPOINT, MAX_RETENTION_DAYS, retentionPolicySchema, type RetentionInput, type RetentionLimit, type RetentionPolicy, type RetentionRun, type RetentionView } from "./retention-input";

export { retentionInput } from "./retention-input";
export type { RetentionInput, RetentionPolicy, RetentionRun, RetentionView } from "./retention-input";

export const RETENTION_SETTING = "retention";
export const RETENTION_RUN_SETTING = "retentionLastRun";

const NO_POLICY: RetentionPolicy = { days: null, maxPerEndpoint: null };

/** The variables read (process.env by default; tests pass their own). */
export type RetentionEnv = Record<string, string | undefined>;

const ENV = { days: { name: "RETENTION_DAYS", max: MAX_RETENTION_DAYS }, maxPerEndpoint: { name: "RETENTION_MAX_PER_ENDPOINT", max: MAX_PER_ENDPOINT } } as const;
const LIMITS = Object.keys(ENV) as RetentionLimit[];

/**
 * The limits the environment sets: a number, null (set to 0: no limit) or undefined (not set: the stored
 * setting applies). A value that is not a whole number in range throws with the variable's name: it is a
 * configuration mistake, and bootstrap checks it at start so the server does not run with another policy.
 */
export function retentionFromEnv(env: RetentionEnv = process.env): Partial<RetentionPolicy> {
  const fixed: Partial<RetentionPolicy> = {};
  for (const limit of LIMITS) {
    const { name, max } = ENV[limit];
    const text = env[name]?.trim();
    if (!text) continue;
    if (!/^\d+$/.test(text) || Number(text) > max) throw new Error(`${name} must be a whole number from 0 (no limit) to ${max}; got "${text}"`);
    fixed[limit] = Number(text) === 0 ? null : Number(text);
  }
  return fixed;
}

/** A JSON setting read with its schema: null when missing or no longer parsing (edited by hand), never a 500. */
async function readJsonSetting<T>(db: Db, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function writeJsonSetting(db: Db, key: string, data: unknown): Promise<void> {
  const value = JSON.stringify(data);
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** The policy the settings page saved (none until it saves one). */
export async function storedRetention(db: Db): Promise<RetentionPolicy> {
  return (await readJsonSetting(db, RETENTION_SETTING, retentionPolicySchema)) ?? NO_POLICY;
}

/** What the background removal applies: the environment's limits over the stored ones. */
export async function retentionPolicy(db: Db, env: RetentionEnv = process.env): Promise<RetentionPolicy> {
  return { ...(await storedRetention(db)), ...retentionFromEnv(env) };
}

/** Saves the settings page's limits (those given; the others stay) and returns the whole view. */
export async function saveRetention(db: Db, input: RetentionInput): Promise<RetentionView> {
  await writeJsonSetting(db, RETENTION_SETTING, { ...(await storedRetention(db)), ...input } satisfies RetentionPolicy);
  return retentionView(db);
}

const storedRun = z.object({
  at: z.string(),
  finishedAt: z.string(),
  removed: z.number(),
  byAge: z.number(),
  byCap: z.number(),
  batches: z.number(),
  policy: retentionPolicySchema,
  error: z.string().optional(),
});

/** Kept in the database, so the settings page shows the last run whichever instance made it. */
export async function recordRetentionRun(db: Db, run: RetentionRun): Promise<void> {
  await writeJsonSetting(db, RETENTION_RUN_SETTING, run);
}

export function lastRetentionRun(db: Db): Promise<RetentionRun | null> {
  return readJsonSetting(db, RETENTION_RUN_SETTING, storedRun);
}

/** Never throws for a bad environment value (the page must still open): such a limit shows as not fixed. */
export async function retentionView(db: Db, env: RetentionEnv = process.env): Promise<RetentionView> {
  const stored = await storedRetention(db);
  let fixed: Partial<RetentionPolicy> = {};
  try {
    fixed = retentionFromEnv(env);
  } catch {
    // bootstrap has already refused to start with it; nothing else reads it.
  }
  return {
    stored,
    effective: { ...stored, ...fixed },
    fromEnv: { days: "days" in fixed, maxPerEndpoint: "maxPerEndpoint" in fixed },
    lastRun: await lastRetentionRun(db),
  };
}
