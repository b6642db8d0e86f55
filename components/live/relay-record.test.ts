// The forward's record as /live draws it (on the server: no DOM here), in both languages: every reason code has
// its own words, the data-* attributes e2e reads are set, and the bot's body start is shown and collapsed when long.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "use-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { RelayRecord, relayRecordPending } from "./relay-record";

// next-intl's provider context does not cross vitest's module graph: use-intl's translator stands in, throwing on a missing message.
const catalogue = vi.hoisted(() => ({ locale: "en", messages: {} as Record<string, unknown> }));
vi.mock("next-intl", () => ({
  useTranslations: (namespace: string) =>
    createTranslator({ locale: catalogue.locale, messages: catalogue.messages, namespace: namespace as never, onError: (error) => { throw error; } }),
}));

const render = (record: Record<string, unknown>, { replySource = "fallback" as string | null, status = "answered", platform = "discord" } = {}) =>
  renderToStaticMarkup(createElement(RelayRecord, { record, platform, replySource, status }));

/** A message as React writes it into markup. */
const text = (message: string) => message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

const REFUSALS: Record<string, Record<string, unknown>> = {
  timeout: { code: "timeout", ms: 2350 },
  unreachable: { code: "unreachable", ms: 3 },
  too_large: { code: "too_large", status: 200, ms: 40 },
  status: { code: "status", status: 500, ms: 12 },
  empty: { code: "empty", status: 200, ms: 12 },
  invalid_json: { code: "invalid_json", status: 200, ms: 12 },
  schema: { code: "schema", status: 200, ms: 12, issues: [{ code: "field.required", path: ["data", "content"] }] },
  unfit: { code: "unfit", status: 200, ms: 12 },
};

describe.each([["en", en], ["zh-CN", zh]] as const)("relay record (%s)", (locale, messages) => {
  catalogue.locale = locale;
  catalogue.messages = messages as unknown as Record<string, unknown>;

  it("shows a used answer: target, status, time, the channel, and that the bot's answer reached the platform", () => {
    catalogue.locale = locale;
    catalogue.messages = messages as unknown as Record<string, unknown>;
    const html = render({ target: "http://127.0.0.1:4000/interactions", late: false, ms: 87, status: 200, body: '{"type":4,"data":{"content":"hi"}}', used: "response" }, { replySource: "relay" });
    expect(html).toContain('data-testid="relay-record"');
    expect(html).toContain('data-relay-status="200"');
    expect(html).toContain('data-relay-used="response"');
    expect(html).toContain('data-relay-late="false"');
    expect(html).not.toContain("data-relay-reason");
    expect(html).toContain("http://127.0.0.1:4000/interactions");
    expect(html).toContain(text(messages.live.delivered.response));
    expect(html).toContain(text(messages.live.relay.reachedBy.relay));
    // Pretty-printed whole JSON; short, so not collapsed.
    expect(html).toContain('data-collapsed="false"');
    expect(html).toContain("&quot;content&quot;: &quot;hi&quot;");
  });

  it.each(Object.entries(REFUSALS))("says why an answer was not used: %s", (code, reason) => {
    catalogue.locale = locale;
    catalogue.messages = messages as unknown as Record<string, unknown>;
    const withStatus = "status" in reason ? { status: reason.status, body: "" } : {};
    const html = render({ target: "https://bot.example/i", late: code === "timeout", ms: reason.ms, ...withStatus, used: false, reason });
    expect(html).toContain(`data-relay-reason="${code}"`);
    expect(html).toContain('data-relay-used="false"');
    expect(html).toContain('data-testid="relay-reason"');
    expect(html).toContain(`data-relay-status="${"status" in reason ? reason.status : code}"`);
    expect(html).not.toContain(text(messages.live.relay.reasons.other.split("(")[0]!));
    if (code === "schema") expect(html).toContain(`data.content: ${text(messages.rules.field.required)}`);
    if (code === "status") expect(html).toContain("HTTP 500");
  });

  it("no tunnel: says the fallback went, without times it does not have", () => {
    catalogue.locale = locale;
    catalogue.messages = messages as unknown as Record<string, unknown>;
    const html = render({ target: "tunnel", used: false, reason: { code: "no_tunnel" } });
    expect(html).toContain('data-relay-target="tunnel"');
    expect(html).toContain('data-relay-reason="no_tunnel"');
    expect(html).toContain(text(messages.live.relay.reasons.no_tunnel));
    expect(html).not.toContain('data-testid="relay-ms"');
  });

  it("a valid answer the lifecycle refused says so; an unknown code is still shown", () => {
    catalogue.locale = locale;
    catalogue.messages = messages as unknown as Record<string, unknown>;
    const html = render({ target: "https://bot.example/i", late: true, ms: 5000, status: 200, body: "{}", used: false, refused: "already_answered" }, { replySource: "manual" });
    expect(html).toContain('data-relay-refused="already_answered"');
    expect(html).toContain(text(messages.live.relay.refused.already_answered));
    expect(render({ target: "https://bot.example/i", late: false, ms: 1, used: false, reason: { code: "newer" } })).toContain("newer");
  });

  it("collapses a long body start behind a toggle", () => {
    catalogue.locale = locale;
    catalogue.messages = messages as unknown as Record<string, unknown>;
    const html = render({ target: "https://bot.example/i", late: false, ms: 1, status: 200, body: "x".repeat(2048), used: false, reason: { code: "invalid_json", status: 200, ms: 1 } });
    expect(html).toContain('data-collapsed="true"');
    expect(html).toContain('data-testid="relay-body-toggle"');
  });
});

describe("relayRecordPending", () => {
  it("holds while the record is behind the reply or a late answer is still awaited", () => {
    expect(relayRecordPending({ relay: null, replySource: "relay" })).toBe(true);
    expect(relayRecordPending({ relay: { target: "https://b/i", late: false, ms: 2000, used: false, reason: { code: "timeout", ms: 2000 } }, replySource: "fallback" })).toBe(true);
    expect(relayRecordPending({ relay: { target: "https://b/i", late: true, ms: 30000, used: false, reason: { code: "timeout", ms: 30000 } }, replySource: "fallback" })).toBe(false);
    expect(relayRecordPending({ relay: { target: "https://b/i", late: false, ms: 20, status: 200, used: "response" }, replySource: "relay" })).toBe(false);
    expect(relayRecordPending({ relay: null, replySource: "rule" })).toBe(false);
  });
});
