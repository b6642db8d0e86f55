import { z } from "zod";

/**
 * Where a click's result code goes in webhook mode, per endpoint. Disputed (protocols.md §8.2): the
 * official SDKs acknowledge `{"op":12,"d":0}` at once and send `PUT /interactions/{id} {"code"}`; two
 * frameworks running on real QQ (ElainaBot_v2 PR #17, AstrBot PR #7868) report that webhook QQ ignores
 * the PUT and reads the code from the acknowledgement, `{"op":12,"code":n}`. `both` works either way.
 * Client-safe (zod only): the endpoints page offers the same choices the API accepts.
 */
export const QQ_RESULT_DELIVERIES = ["both", "ack", "put"] as const;
export type QqResultDelivery = (typeof QQ_RESULT_DELIVERIES)[number];
export const QQ_DEFAULT_RESULT_DELIVERY: QqResultDelivery = "both";
/** ElainaBot holds the acknowledgement up to 2 s for the handler (§8.2). */
export const QQ_DEFAULT_HOLD_MS = 2000;
/** Kept under QQ's undocumented acknowledgement timeout with room to spare; never longer. */
export const QQ_MAX_HOLD_MS = 2500;

/** The endpoint settings as the API accepts them; absent ones keep what is stored (or the defaults). */
export const qqDeliverySchema = z.object({
  resultDelivery: z.enum(QQ_RESULT_DELIVERIES).optional(),
  holdMs: z.number().int().min(0).max(QQ_MAX_HOLD_MS).optional(),
});

/** What an endpoint's stored settings mean: the hold window and whether the acknowledgement and/or the PUT carry the code. */
export function qqDeliveryPlan(options: { resultDelivery?: string | null; holdMs?: number | null } | undefined): { holdMs: number; alsoApi: boolean } | null {
  const mode = QQ_RESULT_DELIVERIES.find((m) => m === options?.resultDelivery) ?? QQ_DEFAULT_RESULT_DELIVERY;
  if (mode === "put") return null;
  const stored = options?.holdMs;
  const holdMs = typeof stored === "number" && Number.isInteger(stored) && stored >= 0 ? Math.min(stored, QQ_MAX_HOLD_MS) : QQ_DEFAULT_HOLD_MS;
  return { holdMs, alsoApi: mode === "both" };
}
