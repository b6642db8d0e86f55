import "server-only";
import { remember } from "@/lib/process/remember";
import { getSqlite, sqliteTimestamp } from "@/lib/db/sqlite";

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
}

export interface StoredState {
  id: string;
  status: string;
  reply: string | null;
  replySource: string | null;
}

function statements() {
  const db = getSqlite();
  return {
    insert: db.prepare(`INSERT INTO "Interaction" (id, endpointId, platform, eventId, kind, status, actor, scene, control, data, subject, summary, headers, body, decoded, reply, replySource, replyChannel, receivedAt, deadlineAt, holdUntil, answeredAt)
      VALUES (@id, @endpointId, @platform, @eventId, @kind, @status, @actor, @scene, @control, @data, @subject, @summary, @headers, @body, @decoded, @reply, @replySource, @replyChannel, @receivedAt, @deadlineAt, @holdUntil, @answeredAt)
      ON CONFLICT (endpointId, eventId) DO NOTHING`),
    byEvent: db.prepare(`SELECT id, status, reply, replySource FROM "Interaction" WHERE endpointId = ? AND eventId = ?`),
    answer: db.prepare(`UPDATE "Interaction" SET status = @status, reply = @reply, replySource = @replySource, replyChannel = COALESCE(@replyChannel, replyChannel), answeredAt = @answeredAt WHERE id = @id AND status = @from`),
    state: db.prepare(`SELECT id, status, reply, replySource FROM "Interaction" WHERE id = ?`),
    handshake: db.prepare(`UPDATE "Endpoint" SET handshakeAt = ?, handshakeOk = ? WHERE id = ?`),
    // Both halves walk the (endpointId, status, receivedAt, id) index over this endpoint's refused rows
    // only: the cost is the rows kept plus the rows deleted, however many other interactions there are.
    pruneRefused: db.prepare(`DELETE FROM "Interaction" WHERE endpointId = @endpointId AND status = 'refused' AND (receivedAt, id) <=
      (SELECT receivedAt, id FROM "Interaction" WHERE endpointId = @endpointId AND status = 'refused' ORDER BY receivedAt DESC, id DESC LIMIT 1 OFFSET @keep)`),
    exhaustUpdates: db.prepare(`UPDATE "Interaction" SET updates = @max WHERE id = @id`),
    refundUpdate: db.prepare(`UPDATE "Interaction" SET updates = updates - 1 WHERE id = ? AND updates > 0`),
    reserveUpdate: db.prepare(`UPDATE "Interaction" SET updates = updates + 1 WHERE id = @id AND updates < @max`),
    recordUpdate: db.prepare(`UPDATE "Interaction" SET status = 'answered', reply = @reply, replySource = COALESCE(replySource, 'manual'), answeredAt = COALESCE(answeredAt, @at) WHERE id = @id`),
  };
}

const prepared = () => remember("interaction-statements", statements);

/**
 * Stores an interaction once per platform event id, synchronously, before the
 * platform is answered: a retry (or a crash right after answering) loses nothing.
 * Returns null when it was new, else what is stored for that event.
 */
export function insertInteraction(row: NewInteraction): StoredState | null {
  const result = prepared().insert.run({
    ...row,
    actor: row.actor ?? null,
    scene: row.scene ?? null,
    control: row.control ?? null,
    data: row.data ?? null,
    subject: row.subject ?? null,
    summary: row.summary ?? null,
    decoded: row.decoded ?? null,
    reply: row.reply ?? null,
    replySource: row.replySource ?? null,
    replyChannel: row.replyChannel ?? null,
    receivedAt: sqliteTimestamp(row.receivedAt),
    deadlineAt: row.deadlineAt ? sqliteTimestamp(row.deadlineAt) : null,
    holdUntil: row.holdUntil ? sqliteTimestamp(row.holdUntil) : null,
    answeredAt: row.answeredAt ? sqliteTimestamp(row.answeredAt) : null,
  });
  return result.changes === 1 ? null : (prepared().byEvent.get(row.endpointId, row.eventId) as StoredState);
}

/** Runs `work` in one SQLite transaction (several rows from one callback: all or none, one commit). */
export function inTransaction<T>(work: () => T): T {
  return getSqlite().transaction(work)();
}

/** The one conditional update that makes exactly one answer win. */
export function transition(id: string, from: string, to: { status: string; reply: unknown; replySource: string; at: Date; channel?: string }): boolean {
  const result = prepared().answer.run({ id, from, status: to.status, reply: JSON.stringify(to.reply), replySource: to.replySource, replyChannel: to.channel ?? null, answeredAt: sqliteTimestamp(to.at) });
  return result.changes === 1;
}

export function interactionState(id: string): StoredState | undefined {
  return prepared().state.get(id) as StoredState | undefined;
}

export function recordHandshake(endpointId: string, ok: boolean, at: Date): void {
  prepared().handshake.run(sqliteTimestamp(at), ok ? 1 : 0, endpointId);
}

/** Takes one use of the platform's update budget before sending; false when it is spent. */
export function reserveUpdate(id: string, max: number): boolean {
  return prepared().reserveUpdate.run({ id, max }).changes === 1;
}

/** After an update went through: it is now what the interaction shows as its reply (the first answer's time and source stay). */
export function recordUpdate(id: string, reply: unknown, at: Date): void {
  prepared().recordUpdate.run({ id, reply: JSON.stringify(reply), at: sqliteTimestamp(at) });
}

/** Gives back a use whose delivery failed. */
export function refundUpdate(id: string): void {
  prepared().refundUpdate.run(id);
}

/** Keeps only the newest `keep` refused callbacks of an endpoint. */
export function pruneRefused(endpointId: string, keep: number): void {
  prepared().pruneRefused.run({ endpointId, keep });
}

/** The platform says the budget is spent (e.g. the token was used elsewhere): nothing more is tried. */
export function exhaustUpdates(id: string, max: number): void {
  prepared().exhaustUpdates.run({ id, max });
}
