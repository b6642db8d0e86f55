import { z } from "zod";

/* The retention policy's shapes, shared with the settings page's form (client-safe: zod only). */

/**
 * How long interactions are kept (issue 17): at most `days` days and / or at most `maxPerEndpoint` per
 * endpoint; null is no limit. The settings page stores a policy; RETENTION_DAYS and
 * RETENTION_MAX_PER_ENDPOINT override it limit by limit (0 there means no limit, fixed by the environment).
 */
export interface RetentionPolicy {
  days: number | null;
  maxPerEndpoint: number | null;
}

/** Bounds that keep a cut-off a date either database compares (a hundred years), and a count a person means. */
export const MAX_RETENTION_DAYS = 36_500;
export const MAX_PER_ENDPOINT = 100_000_000;

/** A whole policy, as stored. */
export const retentionPolicySchema = z.object({
  days: z.number().int().min(1).max(MAX_RETENTION_DAYS).nullable(),
  maxPerEndpoint: z.number().int().min(1).max(MAX_PER_ENDPOINT).nullable(),
});

/**
 * `PUT /api/settings/retention`: a limit left out keeps its stored value, null removes it. Unknown keys are
 * refused, so a misspelt limit is a 400 naming it rather than a save that changed nothing.
 */
export const retentionInput = retentionPolicySchema.partial().strict();
export type RetentionInput = z.infer<typeof retentionInput>;

export type RetentionLimit = keyof RetentionPolicy;

/** What one background run did; `error` when it stopped part way (what it removed before stays removed). */
export interface RetentionRun {
  /** When it started and finished (ISO). */
  at: string;
  finishedAt: string;
  removed: number;
  /** Removed for their age, and for being past an endpoint's newest `maxPerEndpoint`. */
  byAge: number;
  byCap: number;
  batches: number;
  policy: RetentionPolicy;
  error?: string;
}

/** `GET /api/settings/retention` and the settings page. */
export interface RetentionView {
  /** What the settings page saved. */
  stored: RetentionPolicy;
  /** What applies: `stored` with the environment's limits over it. */
  effective: RetentionPolicy;
  /** Which limits the environment fixes (the page shows them read-only). */
  fromEnv: Record<RetentionLimit, boolean>;
  lastRun: RetentionRun | null;
}

