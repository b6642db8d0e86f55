import { afterAll, describe, expect, it } from "vitest";
import { createEachTestDb } from "@/lib/db/test-db";
import { createEndpoint } from "@/lib/endpoints/service";
import type { HttpError } from "@/lib/http/errors";
import { discordInteraction } from "@/lib/platforms/discord/click";
import { DISCORD_PUBLIC_KEY, DISCORD_SEED } from "@/lib/platforms/discord/fixtures/vectors";
import { choices, label, modal, textInput } from "@/lib/platforms/discord/modal/fixtures";
import { discordModalLayout } from "@/lib/platforms/discord/modal/index";
import { signDiscord } from "@/lib/platforms/discord/signature";
import { answerInteraction } from "./answer";
import { handleCallback } from "./ingest";

const db = await createEachTestDb();
afterAll(() => db.$disconnect());
const deps = { db, now: () => new Date() };
const actor = { userId: "u1", roles: [], isAdmin: false };
const form = modal([label(textInput("name")), label({ type: 21, custom_id: "colour", options: choices(2) })]);
const openForm = { type: 9, data: form };

function signed(payload: unknown) {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { headers: new Headers({ "x-signature-ed25519": signDiscord(DISCORD_SEED, timestamp, body), "x-signature-timestamp": timestamp }), body: Buffer.from(body) };
}
const click = (customId: string) => signed(discordInteraction(3, { custom_id: customId, component_type: 2 }, actor));
/** What submitting `form` in the preview sends, with a message when the modal was opened from one. */
function submit(values: Record<string, unknown>, message?: string) {
  const outcome = discordModalLayout.click(form, actor, { formValue: values });
  if (outcome.kind !== "request") throw new Error("no request");
  return signed({ ...(outcome.payload as object), ...(message ? { message: { id: message } } : {}) });
}

async function endpoint(mode: "rules" | "manual", rules: { match: { on: string; pattern: string }; reply: unknown }[] = []) {
  return createEndpoint(db, { platform: "discord", name: `Modal ${mode}`, mode, requireSignature: true, secrets: { publicKey: DISCORD_PUBLIC_KEY }, rules }, "http://localhost", "en");
}

describe("Discord modals through the callback path (real database: SQLite and PostgreSQL)", () => {
  it("a rule opens the modal for a button; the submit is matched on a submitted value and stored by custom_id", async () => {
    const ep = await endpoint("rules", [
      { match: { on: "control", pattern: "open_form" }, reply: openForm },
      // Same custom_id as the modal: a modal cannot answer its own submit, so this rule is passed over.
      { match: { on: "control", pattern: "feedback" }, reply: openForm },
      { match: { on: "data", pattern: '{"colour":"v1"}' }, reply: { type: 4, data: { content: "Thanks, v1!" } } },
    ]);
    expect(await handleCallback(ep.id, click("open_form"), deps)).toEqual({ status: 200, body: openForm });
    expect(await handleCallback(ep.id, submit({ name: "Ann", colour: "v1" }, "m1"), deps)).toEqual({ status: 200, body: { type: 4, data: { content: "Thanks, v1!" } } });
    // No rule fits: the fallback defers; 6 keeps the message the modal was opened from, 5 when there is none.
    expect(await handleCallback(ep.id, submit({ name: "Bo", colour: "v0" }, "m1"), deps)).toEqual({ status: 200, body: { type: 6 } });
    expect(await handleCallback(ep.id, submit({ name: "Cy", colour: "v0" }), deps)).toEqual({ status: 200, body: { type: 5 } });
    const rows = await db.interaction.findMany({ where: { endpointId: ep.id } });
    // Sorted by content: two arrivals within one millisecond have no order.
    expect(rows.map((r) => JSON.stringify([r.kind, r.control, r.data, r.replySource])).sort()).toEqual([
      ["button", "open_form", null, "rule"],
      ["submit", "feedback", '{"name":"Ann","colour":"v1"}', "rule"],
      ["submit", "feedback", '{"name":"Bo","colour":"v0"}', "fallback"],
      ["submit", "feedback", '{"name":"Cy","colour":"v0"}', "fallback"],
    ].map((row) => JSON.stringify(row)).sort());
  });

  it("refuses a rule whose modal breaks the modal rules, naming the field", async () => {
    const bad = { type: 9, data: { ...form, title: "t".repeat(46) } };
    await expect(endpoint("rules", [{ match: { on: "control", pattern: "x" }, reply: bad }])).rejects.toMatchObject({ status: 400 });
  });

  it("a person answers a submit with 4–7, never with a modal", async () => {
    const ep = await endpoint("manual");
    const pending = handleCallback(ep.id, submit({ name: "Di", colour: "v1" }, "m1"), deps);
    let row = null;
    for (let i = 0; i < 100 && !row; i++) {
      row = await db.interaction.findFirst({ where: { endpointId: ep.id } });
      if (!row) await new Promise((r) => setTimeout(r, 10));
    }
    const refused = await answerInteraction(db, row!.id, openForm, "en").catch((e: HttpError) => e);
    expect(refused).toMatchObject({ status: 400, code: "reply_not_allowed" });
    await answerInteraction(db, row!.id, { type: 7, data: { content: "Saved" } }, "en");
    expect(await pending).toEqual({ status: 200, body: { type: 7, data: { content: "Saved" } } });
  });

  it("a person opens a modal for a button click", async () => {
    const ep = await endpoint("manual");
    const pending = handleCallback(ep.id, click("open_form"), deps);
    let row = null;
    for (let i = 0; i < 100 && !row; i++) {
      row = await db.interaction.findFirst({ where: { endpointId: ep.id } });
      if (!row) await new Promise((r) => setTimeout(r, 10));
    }
    await answerInteraction(db, row!.id, openForm, "en");
    expect(await pending).toEqual({ status: 200, body: openForm });
  });

  // Needs "modal" in the Discord adapter's ruleFields (lib/platforms/discord/index.ts, the lead's file).
  it("a rule matches the modal's custom_id", async () => {
    const ep = await endpoint("rules", [{ match: { on: "modal", pattern: "feed*" }, reply: { type: 4, data: { content: "Got it" } } }]);
    expect(await handleCallback(ep.id, submit({ name: "Ed", colour: "v0" }), deps)).toEqual({ status: 200, body: { type: 4, data: { content: "Got it" } } });
    expect(await handleCallback(ep.id, click("feedback"), deps)).toEqual({ status: 200, body: { type: 6 } });
  });
});
