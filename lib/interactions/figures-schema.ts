import { z } from "zod";

/**
 * What `GET /api/figures` takes and answers, shared with the browser, which parses the answer instead of
 * trusting a cast (figures.ts builds it and `satisfies` the type). Client-safe: zod only.
 */
export const figuresQuery = z.object({
  /** One endpoint's figures; absent: the totals across every endpoint. */
  endpointId: z.string().min(1).max(64).optional(),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;

/** The reply sources answer times are kept for (lifecycle.ts `ReplySource`; `manual` is a person). */
export const FIGURE_SOURCES = ["rule", "manual", "fallback", "relay"] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

/** Accepted interactions and refused callbacks: the two never overlap, so a chart may stack them. */
const countsSchema = z.object({ interactions: z.number().int(), refused: z.number().int() });

/** Answer time in ms (answeredAt − receivedAt), nearest-rank percentiles; null when `count` is 0. */
const answerTimeSchema = z.object({ p50: z.number().nullable(), p99: z.number().nullable(), count: z.number().int() });

export const figuresSchema = z.object({
  /** null: every endpoint together. */
  endpointId: z.string().nullable(),
  /** The server's "now" the windows end at. */
  generatedAt: z.string(),
  /** The rolling hour and day up to generatedAt. */
  lastHour: countsSchema,
  lastDay: countsSchema,
  answerMs: z.object({ rule: answerTimeSchema, manual: answerTimeSchema, fallback: answerTimeSchema, relay: answerTimeSchema }),
  /**
   * Of the day's interactions with a deadline that are decided (answered by someone, or the deadline passed),
   * the share a rule, a person or the bot answered by the deadline (0..1); null when there were none.
   * The fallback's answer is not "in time": it is what went because nobody answered.
   */
  inTimeShare: z.number().nullable(),
  inTime: z.object({ answered: z.number().int(), of: z.number().int() }),
  /** answerMs and inTime were read from the day's newest `sampleSize` interactions only (more came in that day). */
  sampled: z.boolean(),
  sampleSize: z.number().int(),
  /** 24 UTC clock hours, oldest first, the last one the current (partial) hour. */
  hourly: z.array(countsSchema.extend({ hourStart: z.string() })),
});
export type Figures = z.infer<typeof figuresSchema>;
export type AnswerTime = z.infer<typeof answerTimeSchema>;
