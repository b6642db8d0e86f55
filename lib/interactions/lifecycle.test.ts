import { describe, expect, it } from "vitest";
import { discordInbound } from "@/lib/platforms/discord/inbound";
import { feishuInbound } from "@/lib/platforms/feishu/inbound";
import type { ParsedEvent } from "@/lib/platforms/inbound";
import { qqInbound } from "@/lib/platforms/qq/inbound";
import { decide, EXPIRY_GRACE_MS, platformFacts, type Decision, type LifecycleEvent, type LifecycleState, type PlatformFacts } from "./lifecycle";

const click: ParsedEvent = { eventId: "e1", kind: "button", interactive: true, fields: {}, context: {} };
// The platforms' own facts, from their adapters; `late` says whether the later channel can carry the reply.
const discord = (late = true) => platformFacts(discordInbound, click, late);
// QQ per endpoint (protocols.md §8.2): code by PUT only (today's), in the held acknowledgement only, or both.
const qqWith = (resultDelivery: "put" | "ack" | "both", holdMs = 2000) => platformFacts(qqInbound, click, false, { requireSignature: true, resultDelivery, holdMs });
const qq = qqWith("put");
const qqAck = qqWith("ack");
const qqBoth = qqWith("both");
const feishu = (late = true) => platformFacts(feishuInbound, click, late);

const T0 = 1_700_000_000_000;
const SEC = 1000;
const MIN = 60 * SEC;

function stored(status: string, replySource: string | null = null, more: Partial<LifecycleState> = {}): LifecycleState {
  return { status, replySource, receivedAt: T0, deadlineAt: null, updates: 0, held: false, ...more };
}
const fresh = stored("new");

/** A decision in one line: next status/source/updates, write, effects, outcome; and what happens if the write loses. */
function brief(d: Decision): string {
  const write = d.write ? [d.write.op, "from" in d.write ? `${d.write.from}>${d.write.status}` : "status" in d.write ? d.write.status : "", "replySource" in d.write ? d.write.replySource : "", "max" in d.write ? d.write.max : "", "channel" in d.write ? `via ${d.write.channel}` : ""].filter((x) => x !== "" && x !== null).join(":") : "-";
  const effect = (e: Decision["effects"][number]) =>
    e.type === "publish" ? `publish ${e.event === "interaction.created" ? "created" : "updated"} ${e.status}` : e.type === "sendLate" ? `sendLate ${e.as}` : e.type === "hold" ? `hold ${e.until - T0}` : e.type === "fallbackAt" ? `fallbackAt ${e.at - T0}` : e.type;
  const outcome = (o: Decision["outcome"]) => (o.type === "none" ? "none" : o.type === "delivered" ? `delivered ${o.via}` : `${o.refusal.status} ${o.refusal.code} ${JSON.stringify(o.refusal.params)}`);
  const lost = d.ifLost ? ` | lost: [${d.ifLost.effects.map(effect).join(", ")}] ${outcome(d.ifLost.outcome)}` : "";
  return `${d.next.status}/${d.next.replySource ?? "-"}/${d.next.updates} ${write} [${d.effects.map(effect).join(", ")}] ${outcome(d.outcome)}${lost}`;
}

type Row = [name: string, state: LifecycleState, event: LifecycleEvent, now: number, facts: PlatformFacts, expected: string];
const reply: LifecycleEvent = { type: "reply" };
const deadline: LifecycleEvent = { type: "deadline" };
const sweep: LifecycleEvent = { type: "sweep" };
const overdue: LifecycleEvent = { type: "overdue" };
const failed = (channel: "answer" | "update", maybeDelivered = false, exhausted = false): LifecycleEvent => ({ type: "deliveryFailed", channel, maybeDelivered, exhausted });
const holdEnded: LifecycleEvent = { type: "holdEnded" };
const relayAnswered: LifecycleEvent = { type: "relayAnswered" };
const receipt = (decided: "rule" | "fallback" | null, interactive = true): LifecycleEvent => ({ type: "receipt", interactive, decided });
const LOST_409 = ' | lost: [] 409 already_answered {"status":"answered"}';

const rows: Row[] = [
  // Receipt: stored once (a retry gets what the first delivery got), then answered at once, or held for a person.
  ["receipt: an event only shown is received and acknowledged", fresh, receipt(null, false), T0, qq, "received/-/0 insert:received [publish created received, acknowledge] none | lost: [respondAsBefore] none"],
  ["receipt: a rule answers in the response (Discord)", fresh, receipt("rule"), T0, discord(), "answered/rule/0 insert:answered:rule [publish created answered, respond] none | lost: [respondAsBefore] none"],
  ["receipt: the rules-mode fallback goes by API after the ack (QQ)", fresh, receipt("fallback"), T0, qq, "answered/fallback/0 insert:answered:fallback:via put [publish created answered, acknowledge, sendApi] none | lost: [respondAsBefore] none"],
  ["receipt: manual mode holds the request until the deadline from arrival (Discord 3 s)", fresh, receipt(null), T0 + 800, discord(), "pending/-/0 insert:pending [publish created pending, hold 3000] none | lost: [respondAsBefore] none"],
  ["receipt: manual mode acknowledges and schedules the fallback (QQ 15 s)", fresh, receipt(null), T0, qq, "pending/-/0 insert:pending [publish created pending, acknowledge, fallbackAt 15000] none | lost: [respondAsBefore] none"],

  // The hold's deadline: the fallback, unless a person answered first.
  ["deadline: Discord defers with the fallback and stays open for a follow-up", stored("pending"), deadline, T0 + 2500, discord(), "pending/fallback/0 transition:pending>pending:fallback [respond, publish updated pending] none | lost: [respond] none"],
  ["deadline: Discord already answered: the held request still gets the fallback, nothing is written", stored("answered", "manual"), deadline, T0 + 2500, discord(), "answered/manual/0 - [respond] none"],
  ["deadline: QQ sends the fallback by API", stored("pending"), deadline, T0 + 15 * SEC, qq, "answered/fallback/0 transition:pending>answered:fallback:via put [publish updated answered, sendApi] none | lost: [] none"],
  ["deadline: QQ a person answered first: nothing", stored("answered", "manual"), deadline, T0 + 15 * SEC, qq, "answered/manual/0 - [] none"],

  // A person's reply on a platform whose reply is the HTTP answer (Discord).
  ["reply: held request answered in the response", stored("pending", null, { held: true }), reply, T0 + SEC, discord(), `answered/manual/0 transition:pending>answered:manual [publish updated answered, respond] delivered response${LOST_409}`],
  ["reply: after the deferred fallback, a follow-up within 15 min", stored("pending", "fallback"), reply, T0 + 15 * MIN, discord(), `answered/manual/0 transition:pending>answered:manual [publish updated answered, sendLate followup] delivered followup${LOST_409}`],
  ["reply: after the deferred fallback, a reply no follow-up can carry (type 6) is 410", stored("pending", "fallback"), reply, T0 + MIN, discord(false), "pending/fallback/0 - [] 410 deadline_passed {}"],
  ["reply: after the 15 min window is 410", stored("pending", "fallback"), reply, T0 + 15 * MIN + 1, discord(), "pending/fallback/0 - [] 410 deadline_passed {}"],
  ["reply: pending but its held request is gone (restart) is 410", stored("pending"), reply, T0 + SEC, discord(), "pending/-/0 - [] 410 deadline_passed {}"],
  ["reply: answered by the rules-mode fallback is 410", stored("answered", "fallback"), reply, T0 + SEC, discord(), "answered/fallback/0 - [] 410 deadline_passed {}"],
  ["reply: answered by a rule is 409", stored("answered", "rule"), reply, T0 + SEC, discord(), '409 already_answered {"status":"answered"}'],
  ["reply: answered by a person is 409", stored("answered", "manual"), reply, T0 + SEC, discord(), '409 already_answered {"status":"answered"}'],
  ["reply: failed is 409", stored("failed", "manual"), reply, T0 + SEC, discord(), '409 already_answered {"status":"failed"}'],
  ["reply: an event only shown is 409", stored("received"), reply, T0 + SEC, discord(), '409 already_answered {"status":"received"}'],
  ["reply: expired is 410", stored("expired"), reply, T0 + 20 * MIN, discord(), "expired/-/0 - [] 410 deadline_passed {}"],

  // A person's reply on a platform whose reply is an API call (QQ).
  ["reply: QQ within the deadline goes by API", stored("pending"), reply, T0 + 15 * SEC, qq, `answered/manual/0 transition:pending>answered:manual:via put [publish updated answered, sendApi] delivered api${LOST_409}`],
  ["reply: QQ past the deadline (fallback not yet out) is 410", stored("pending"), reply, T0 + 15 * SEC + 1, qq, "pending/-/0 - [] 410 deadline_passed {}"],
  ["reply: QQ the deadline stored wins over the platform's", stored("pending", null, { deadlineAt: T0 + 5 * SEC }), reply, T0 + 6 * SEC, qq, "pending/-/0 - [] 410 deadline_passed {}"],
  ["reply: QQ after the fallback went is 410", stored("answered", "fallback"), reply, T0 + 16 * SEC, qq, "answered/fallback/0 - [] 410 deadline_passed {}"],

  // Feishu: the held response first, then updates through the card token, 2 within 30 min.
  // The developer's bot (relay modes): answered as a person would, in the held request or late; never over another answer.
  ["relayAnswered: the bot in time answers in the held response (Discord)", stored("pending", null, { held: true }), relayAnswered, T0 + SEC, discord(), `answered/relay/0 transition:pending>answered:relay [publish updated answered, respond] delivered response${LOST_409}`],
  ["relayAnswered: the bot late, after the deferred fallback, is a follow-up (Discord)", stored("pending", "fallback"), relayAnswered, T0 + 5 * SEC, discord(), `answered/relay/0 transition:pending>answered:relay [publish updated answered, sendLate followup] delivered followup${LOST_409}`],
  ["relayAnswered: the bot late with a reply no follow-up carries (type 6) is refused", stored("pending", "fallback"), relayAnswered, T0 + 5 * SEC, discord(false), "pending/fallback/0 - [] 410 deadline_passed {}"],
  ["relayAnswered: the bot after a person answered changes nothing", stored("answered", "manual"), relayAnswered, T0 + 2 * SEC, discord(), "answered/manual/0 - [] none"],
  ["relayAnswered: the bot after a rule answered changes nothing (Feishu: no update over it)", stored("answered", "rule"), relayAnswered, T0 + 2 * SEC, feishu(), "answered/rule/0 - [] none"],
  ["relayAnswered: the bot in time answers in the held response (Feishu)", stored("pending", null, { held: true }), relayAnswered, T0 + SEC, feishu(), `answered/relay/0 transition:pending>answered:relay [publish updated answered, respond] delivered response${LOST_409}`],
  ["relayAnswered: the bot late, after the fallback, is a card update (Feishu)", stored("pending", "fallback"), relayAnswered, T0 + 5 * SEC, feishu(), 'pending/fallback/1 reserveUpdate:2 [sendLate update] delivered update | lost: [] 410 update_limit_reached {"max":2}'],
  ["relayAnswered: the bot past the reply window is refused", stored("pending", "fallback"), relayAnswered, T0 + 15 * MIN + 1, discord(), "pending/fallback/0 - [] 410 deadline_passed {}"],
  ["reply: Feishu held request answered in the response", stored("pending", null, { held: true }), reply, T0 + SEC, feishu(), `answered/manual/0 transition:pending>answered:manual [publish updated answered, respond] delivered response${LOST_409}`],
  ["reply: Feishu after the fallback is an update", stored("pending", "fallback"), reply, T0 + MIN, feishu(), 'pending/fallback/1 reserveUpdate:2 [sendLate update] delivered update | lost: [] 410 update_limit_reached {"max":2}'],
  ["reply: Feishu after a person's answer is an update", stored("answered", "manual", { updates: 1 }), reply, T0 + MIN, feishu(), 'answered/manual/2 reserveUpdate:2 [sendLate update] delivered update | lost: [] 410 update_limit_reached {"max":2}'],
  ["reply: Feishu after a rule's answer is an update", stored("answered", "rule"), reply, T0 + MIN, feishu(), 'answered/rule/1 reserveUpdate:2 [sendLate update] delivered update | lost: [] 410 update_limit_reached {"max":2}'],
  ["reply: Feishu after the rules-mode fallback is an update", stored("answered", "fallback"), reply, T0 + MIN, feishu(), 'answered/fallback/1 reserveUpdate:2 [sendLate update] delivered update | lost: [] 410 update_limit_reached {"max":2}'],
  ["reply: Feishu held request gone (the fallback is going out) is an update", stored("pending"), reply, T0 + 2900, feishu(), 'pending/-/1 reserveUpdate:2 [sendLate update] delivered update | lost: [] 410 update_limit_reached {"max":2}'],
  ["reply: Feishu with both updates used is 410", stored("answered", "manual", { updates: 2 }), reply, T0 + MIN, feishu(), 'answered/manual/2 - [] 410 update_limit_reached {"max":2}'],
  ["reply: Feishu exactly 30 min after arrival may still update", stored("answered", "manual"), reply, T0 + 30 * MIN, feishu(), 'answered/manual/1 reserveUpdate:2 [sendLate update] delivered update | lost: [] 410 update_limit_reached {"max":2}'],
  ["reply: Feishu past 30 min is 410", stored("answered", "manual"), reply, T0 + 30 * MIN + 1, feishu(), 'answered/manual/0 - [] 410 update_window_passed {"minutes":30}'],
  ["reply: Feishu a toast cannot be sent late: 410", stored("pending", "fallback"), reply, T0 + MIN, feishu(false), "pending/fallback/0 - [] 410 deadline_passed {}"],
  ["reply: Feishu expired is 410", stored("expired"), reply, T0 + 31 * MIN, feishu(), "expired/-/0 - [] 410 deadline_passed {}"],
  ["reply: Feishu failed is 409", stored("failed", "manual"), reply, T0 + MIN, feishu(), '409 already_answered {"status":"failed"}'],

  // After the send.
  ["updated: the update is now the reply (first answer's source kept)", stored("pending", "fallback", { updates: 1 }), { type: "updated" }, T0 + MIN, feishu(), "answered/fallback/1 recordUpdate [publish updated answered] none"],
  ["updated: with no first answer stored, it counts as a person's", stored("pending", null, { updates: 1 }), { type: "updated" }, T0 + MIN, feishu(), "answered/manual/1 recordUpdate [publish updated answered] none"],
  ["delivery failed: a person's API reply fails: 502", stored("answered", "manual"), failed("answer"), T0 + SEC, qq, "failed/manual/0 transition:answered>failed:manual [publish updated failed] 502 delivery_failed {} | lost: [] 502 delivery_failed {}"],
  ["delivery failed: a rule's API reply fails (background)", stored("answered", "rule"), failed("answer"), T0 + SEC, qq, "failed/rule/0 transition:answered>failed:rule [publish updated failed] 502 delivery_failed {} | lost: [] 502 delivery_failed {}"],
  ["delivery failed: the platform says the token is used up: 410, budget spent", stored("answered", "manual", { updates: 1 }), failed("update", false, true), T0 + MIN, feishu(), 'answered/manual/2 exhaustUpdates:2 [] 410 update_limit_reached {"max":2}'],
  ["delivery failed: an update timed out (may have arrived): the use stays spent", stored("answered", "manual", { updates: 1 }), failed("update", true), T0 + MIN, feishu(), "answered/manual/1 - [] 502 delivery_failed {}"],
  ["delivery failed: an update refused: the use is given back", stored("answered", "manual", { updates: 1 }), failed("update"), T0 + MIN, feishu(), "answered/manual/0 refundUpdate [] 502 delivery_failed {}"],

  // The expiry sweep.
  ["sweep: pending within its window and grace stays", stored("pending"), sweep, T0 + 15 * SEC + EXPIRY_GRACE_MS, qq, "pending/-/0 - [] none"],
  ["sweep: pending past its window and grace expires", stored("pending"), sweep, T0 + 15 * SEC + EXPIRY_GRACE_MS + 1, qq, "expired/-/0 expire [publish updated expired] none | lost: [] none"],
  ["sweep: Discord deferred (follow-ups possible) stays for 15 min", stored("pending", "fallback"), sweep, T0 + 10 * MIN, discord(), "pending/fallback/0 - [] none"],
  ["sweep: Discord deferred expires after 15 min", stored("pending", "fallback"), sweep, T0 + 16 * MIN, discord(), "expired/fallback/0 expire [publish updated expired] none | lost: [] none"],
  ["sweep: a request still held here is left to its hold", stored("pending", null, { held: true }), sweep, T0 + 16 * MIN, discord(), "pending/-/0 - [] none"],
  // QQ result delivery, per endpoint mode: a rule at once; a person inside the hold window; a person after it; nobody (the fallback).
  ["qq put: a rule: plain ack at once, the code by PUT", fresh, receipt("rule"), T0, qq, "answered/rule/0 insert:answered:rule:via put [publish created answered, acknowledge, sendApi] none | lost: [respondAsBefore] none"],
  ["qq put: manual: plain ack at once, fallback PUT at 15 s", fresh, receipt(null), T0, qq, "pending/-/0 insert:pending [publish created pending, acknowledge, fallbackAt 15000] none | lost: [respondAsBefore] none"],
  ["qq put: a person within 2 s: by PUT", stored("pending"), reply, T0 + SEC, qq, `answered/manual/0 transition:pending>answered:manual:via put [publish updated answered, sendApi] delivered api${LOST_409}`],
  ["qq put: a person after 2 s: by PUT", stored("pending"), reply, T0 + 10 * SEC, qq, `answered/manual/0 transition:pending>answered:manual:via put [publish updated answered, sendApi] delivered api${LOST_409}`],
  ["qq put: nobody: the fallback by PUT", stored("pending"), deadline, T0 + 15 * SEC, qq, "answered/fallback/0 transition:pending>answered:fallback:via put [publish updated answered, sendApi] none | lost: [] none"],
  ["qq ack: a rule: the code in the ack at once, no PUT", fresh, receipt("rule"), T0, qqAck, "answered/rule/0 insert:answered:rule:via ack [publish created answered, acknowledgeWithReply] none | lost: [respondAsBefore] none"],
  ["qq ack: rules-mode fallback: in the ack at once", fresh, receipt("fallback"), T0, qqAck, "answered/fallback/0 insert:answered:fallback:via ack [publish created answered, acknowledgeWithReply] none | lost: [respondAsBefore] none"],
  ["qq ack: manual: the ack is held for the 2 s window, which is the deadline", fresh, receipt(null), T0, qqAck, "pending/-/0 insert:pending [publish created pending, hold 2000] none | lost: [respondAsBefore] none"],
  ["qq ack: a person inside the window: in the held ack", stored("pending", null, { held: true }), reply, T0 + SEC, qqAck, `answered/manual/0 transition:pending>answered:manual:via ack [publish updated answered, respond] delivered ack${LOST_409}`],
  ["qq ack: a person after the ack left: 410 (no PUT)", stored("pending", null, { deadlineAt: T0 + 2 * SEC }), reply, T0 + 1900, qqAck, "pending/-/0 - [] 410 deadline_passed {}"],
  ["qq ack: a person past the window: 410", stored("pending"), reply, T0 + 2 * SEC + 1, qqAck, "pending/-/0 - [] 410 deadline_passed {}"],
  ["qq ack: nobody: the fallback in the ack at the window's end", stored("pending"), deadline, T0 + 2 * SEC, qqAck, "answered/fallback/0 transition:pending>answered:fallback:via ack [publish updated answered, acknowledgeWithReply] none | lost: [acknowledgeWithReply] none"],
  ["qq ack: the window's end is the deadline", stored("pending"), holdEnded, T0 + 2 * SEC, qqAck, "answered/fallback/0 transition:pending>answered:fallback:via ack [publish updated answered, acknowledgeWithReply] none | lost: [acknowledgeWithReply] none"],
  ["qq ack: a hold window of 0 answers at once", fresh, receipt(null), T0, qqWith("ack", 0), "pending/-/0 insert:pending [publish created pending, hold 0] none | lost: [respondAsBefore] none"],
  ["qq both: a rule: in the ack at once and by PUT", fresh, receipt("rule"), T0, qqBoth, "answered/rule/0 insert:answered:rule:via both [publish created answered, acknowledgeWithReply, sendApi] none | lost: [respondAsBefore] none"],
  ["qq both: manual: fallback PUT at 15 s, the ack held for 2 s", fresh, receipt(null), T0, qqBoth, "pending/-/0 insert:pending [publish created pending, fallbackAt 15000, hold 2000] none | lost: [respondAsBefore] none"],
  ["qq both: a person inside the window: in the held ack and by PUT", stored("pending", null, { held: true }), reply, T0 + SEC, qqBoth, `answered/manual/0 transition:pending>answered:manual:via both [publish updated answered, respond, sendApi] delivered ack${LOST_409}`],
  ["qq both: the window passed: a plain ack leaves", stored("pending"), holdEnded, T0 + 2 * SEC, qqBoth, "pending/-/0 - [acknowledge] none"],
  ["qq both: a person after the ack left: by PUT only", stored("pending"), reply, T0 + 5 * SEC, qqBoth, `answered/manual/0 transition:pending>answered:manual:via put [publish updated answered, sendApi] delivered api${LOST_409}`],
  ["qq both: nobody: the fallback by PUT at 15 s", stored("pending"), deadline, T0 + 15 * SEC, qqBoth, "answered/fallback/0 transition:pending>answered:fallback:via put [publish updated answered, sendApi] none | lost: [] none"],

  // The fallback sweep: a fallback the receiving instance owed (it died, or its timer is late) goes from another.
  ["overdue: QQ put past the deadline, nothing decided: the fallback by PUT", stored("pending"), overdue, T0 + 16 * SEC, qq, "answered/fallback/0 transition:pending>answered:fallback:via put [publish updated answered, sendApi] none | lost: [] none"],
  ["overdue: QQ both, the ack long gone: the fallback by PUT", stored("pending"), overdue, T0 + 16 * SEC, qqBoth, "answered/fallback/0 transition:pending>answered:fallback:via put [publish updated answered, sendApi] none | lost: [] none"],
  ["overdue: QQ at the stored deadline exactly", stored("pending", null, { deadlineAt: T0 + 5 * SEC }), overdue, T0 + 5 * SEC, qq, "answered/fallback/0 transition:pending>answered:fallback:via put [publish updated answered, sendApi] none | lost: [] none"],
  ["overdue: QQ within the expiry grace still sends", stored("pending"), overdue, T0 + 15 * SEC + EXPIRY_GRACE_MS, qq, "answered/fallback/0 transition:pending>answered:fallback:via put [publish updated answered, sendApi] none | lost: [] none"],
  ["overdue: QQ past the window and grace is the expiry sweep's", stored("pending"), overdue, T0 + 15 * SEC + EXPIRY_GRACE_MS + 1, qq, "pending/-/0 - [] none"],
  ["overdue: QQ before the deadline stays (its timer is still to fire)", stored("pending"), overdue, T0 + 15 * SEC - 1, qq, "pending/-/0 - [] none"],
  ["overdue: QQ a person answered first: nothing", stored("answered", "manual"), overdue, T0 + 16 * SEC, qq, "answered/manual/0 - [] none"],
  ["overdue: QQ ack only: the acknowledgement left with the instance, nothing can carry it", stored("pending", null, { deadlineAt: T0 + 2 * SEC }), overdue, T0 + 3 * SEC, qqAck, "pending/-/0 - [] none"],
  ["overdue: Discord: only the held response could carry it", stored("pending"), overdue, T0 + 4 * SEC, discord(), "pending/-/0 - [] none"],
  ["overdue: Feishu: only the held response could carry it", stored("pending"), overdue, T0 + 4 * SEC, feishu(), "pending/-/0 - [] none"],
  ["overdue: a request held here is left to its hold", stored("pending", null, { held: true }), overdue, T0 + 16 * SEC, qq, "pending/-/0 - [] none"],

  ["sweep: answered stays answered", stored("answered", "manual"), sweep, T0 + 60 * MIN, discord(), "answered/manual/0 - [] none"],
];

describe("interaction lifecycle: one row per transition", () => {
  it.each(rows)("%s", (_name, state, event, now, facts, expected) => {
    const d = decide(state, event, now, facts);
    // 409 rows leave everything as it was; only the refusal is stated.
    if (expected.startsWith("409")) {
      expect(d.write).toBeNull();
      expect(d.effects).toEqual([]);
      expect(d.next).toEqual(state);
      expect(brief(d)).toMatch(new RegExp(` - \\[\\] ${expected.replace(/[{}"]/g, "\\$&")}$`));
    } else {
      expect(brief(d)).toBe(expected);
    }
  });

  it("is pure: the same input decides the same, and the state passed in is not changed", () => {
    const state = stored("pending", "fallback");
    const copy = structuredClone(state);
    expect(decide(state, reply, T0 + MIN, feishu())).toEqual(decide(state, reply, T0 + MIN, feishu()));
    expect(state).toEqual(copy);
  });
});

describe("the Feishu update budget, as a sequence", () => {
  it("allows two updates after the fallback, then 410; a refused one gives its use back, a timeout keeps it", () => {
    let state = stored("pending", "fallback");
    const step = (event: LifecycleEvent, at = T0 + MIN) => {
      const d = decide(state, event, at, feishu());
      state = d.next;
      return d;
    };
    expect(step(reply).outcome).toEqual({ type: "delivered", via: "update" });
    step({ type: "updated" });
    expect([state.status, state.updates]).toEqual(["answered", 1]);
    expect(step(reply).write).toEqual({ op: "reserveUpdate", max: 2 });
    // This one was refused by the platform (not used up): the use comes back and a retry may go.
    expect(step(failed("update")).outcome).toMatchObject({ type: "refused", refusal: { status: 502 } });
    expect(state.updates).toBe(1);
    expect(step(reply).outcome).toEqual({ type: "delivered", via: "update" });
    expect(step(failed("update", true)).write).toBeNull();
    expect(state.updates).toBe(2);
    expect(step(reply).outcome).toMatchObject({ type: "refused", refusal: { status: 410, code: "update_limit_reached", params: { max: 2 } } });
  });
});
