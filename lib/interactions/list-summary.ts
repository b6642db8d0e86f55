import type { Interaction } from "@/lib/db/generated/client";

/** What a list item shows: every column but the stored request, the reply and the relay record. */
export const SUMMARY_COLUMNS = ["id", "endpointId", "platform", "eventId", "kind", "status", "actor", "scene", "control", "data", "updates", "subject", "summary", "replySource", "replyChannel", "receivedAt", "deadlineAt", "holdUntil", "answeredAt"] as const;
export type SummaryRow = Pick<Interaction, (typeof SUMMARY_COLUMNS)[number]>;
