import "server-only";
import { databaseKind } from "@/lib/db/url";
import { remember } from "@/lib/process/remember";
import type { SnapshotRow } from "@/lib/reactions/store";
import { pgInteractionStore } from "./store-pg";
import { sqliteInteractionStore } from "./store-sqlite";

export interface NewInteraction {
  id: string;
  endpointId: string;
  platform: string;
  eventId: string;
  kind: string;
  status: string;
  actor?: string;
  scene?: string;
  control?: string;
  data?: string;
  subject?: string;
  summary?: string;
  headers: string;
  body: string;
  decoded?: string;
  reply?: string;
  replySource?: string;
  /** Which channel carried the reply where the acknowledgement can carry it (QQ): ack | put | both. */
  replyChannel?: string;
  receivedAt: Date;
  deadlineAt?: Date;
  /** Until when the acknowledgement waits to carry the reply (lifecycle fact `ack`). */
  holdUntil?: Date;
  answeredAt?: Date;
  /** What search matches (search-text.ts; stored-request.ts storedSearchText redacts the endpoint's secrets). */
  searchText?: string;
}

export interface StoredState {
  id: string;
  status: string;
  reply: string | null;
  replySource: string | null;
}

/**
 * What a conditional transition expects to find. The reply source counts as well as the status: a
 * deferred fallback (Discord, Feishu) leaves the status pending and only sets the source, and an
 * answer decided on the row as it was before must then lose.
 */
export interface Expected {
  status: string;
  replySource: string | null;
}

export interface Answer {
  status: string;
  reply: unknown;
  replySource: string;
  at: Date;
  channel?: string;
}

/** One event of a callback: its row, and the snapshot of the message it changed (saved only when the row is new). */
export interface EventWrite {
  row: NewInteraction;
  snapshot?: SnapshotRow | null;
}

/** What storing one event found: null when new, else what the first delivery stored; whether its snapshot changed. */
export interface EventStored {
  existing: StoredState | null;
  snapshotChanged: boolean;
}

/** A pending interaction as a sweep sees it (times in ms). */
export interface PendingRow {
  id: string;
  endpointId: string;
  eventId: string;
  kind: string;
  control: string | null;
  data: string | null;
  status: string;
  replySource: string | null;
  receivedAt: number;
  deadlineAt: number | null;
  updates: number;
}

/** Which pending rows a sweep looks at: one platform's, received in [receivedFrom, receivedBefore). */
export interface PendingQuery {
  platform: string;
  receivedFrom?: Date;
  receivedBefore: Date;
  /** Only rows nothing has decided yet (no reply source), whose stored deadline is before this. */
  undecidedDueBefore?: Date;
  limit?: number;
}

/** The write a sweep makes on a row it claimed; both are conditional on the row being as it was read. */
export type SweepWrite = { op: "expire" } | { op: "transition"; to: Answer };

/**
 * The callback path's writes, on whichever database DATABASE_URL selects. Every conditional write
 * (the insert's dedupe on (endpointId, eventId), `transition`, `reserveUpdate`, a sweep's claim) is
 * one statement whose affected-row count says whether it won, so exactly one answer wins on one
 * process or many.
 */
export interface InteractionStore {
  /** Stores a row once per platform event id: null when it was new, else what is stored for that event. */
  insert(row: NewInteraction): Promise<StoredState | null>;
  /**
   * A callback's events, all or none (one transaction when there are several). When the first was
   * stored before (a retried callback), nothing more is stored and only its result is returned.
   */
  insertEvents(events: readonly EventWrite[]): Promise<EventStored[]>;
  /** The one conditional update that makes exactly one answer win. */
  transition(id: string, from: Expected, to: Answer): Promise<boolean>;
  state(id: string): Promise<StoredState | undefined>;
  recordHandshake(endpointId: string, ok: boolean, at: Date): Promise<void>;
  /** Takes one use of the platform's update budget before sending; false when it is spent. */
  reserveUpdate(id: string, max: number): Promise<boolean>;
  /** After an update went through: it is now the reply shown (the first answer's time and source stay). */
  recordUpdate(id: string, reply: unknown, at: Date): Promise<void>;
  /** Gives back a use whose delivery failed. */
  refundUpdate(id: string): Promise<void>;
  /** The platform says the budget is spent: nothing more is tried. */
  exhaustUpdates(id: string, max: number): Promise<void>;
  /** Keeps only the newest `keep` refused callbacks of an endpoint. */
  pruneRefused(endpointId: string, keep: number): Promise<void>;
  /** A message's whole state, unless a newer one is stored; whether it changed. */
  saveSnapshot(row: SnapshotRow): Promise<boolean>;
  /**
   * Claims pending rows for a sweep: `settle` decides each (the lifecycle), and its write is made
   * conditionally; returns the rows whose write won. On PostgreSQL the rows are locked with
   * `FOR UPDATE SKIP LOCKED` for the claim, so sweepers on several instances split the work.
   */
  claimPending(query: PendingQuery, settle: (row: PendingRow) => Promise<SweepWrite | null>): Promise<PendingRow[]>;
}

/** The store for the database DATABASE_URL selects (read each time: tests switch between both). */
export function interactionStore(): InteractionStore {
  const kind = databaseKind();
  return remember(`interaction-store:${kind}`, () => (kind === "postgres" ? pgInteractionStore() : sqliteInteractionStore()));
}

export const insertInteraction = (row: NewInteraction) => interactionStore().insert(row);
export const insertEvents = (events: readonly EventWrite[]) => interactionStore().insertEvents(events);
export const transition = (id: string, from: Expected, to: Answer) => interactionStore().transition(id, from, to);
export const interactionState = (id: string) => interactionStore().state(id);
export const recordHandshake = (endpointId: string, ok: boolean, at: Date) => interactionStore().recordHandshake(endpointId, ok, at);
export const reserveUpdate = (id: string, max: number) => interactionStore().reserveUpdate(id, max);
export const recordUpdate = (id: string, reply: unknown, at: Date) => interactionStore().recordUpdate(id, reply, at);
export const refundUpdate = (id: string) => interactionStore().refundUpdate(id);
export const exhaustUpdates = (id: string, max: number) => interactionStore().exhaustUpdates(id, max);
export const pruneRefused = (endpointId: string, keep: number) => interactionStore().pruneRefused(endpointId, keep);
