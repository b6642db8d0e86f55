// The relay parts of the endpoint forms, drawn on the server (no DOM here) in both languages: the relay modes are
// offered, the target field shows only for them, the API's refusal naming relayTarget lands at the field, and the
// tunnel's command carries a placeholder, never a token.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "use-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { readFormError } from "./api-error";
import { relayDraftOf, relayTargetOf } from "./relay-target-field";
import { ReplyModeFields } from "./reply-mode-fields";
import { TunnelCommand, tunnelCommand } from "./tunnel-command";

const catalogue = vi.hoisted(() => ({ locale: "en", messages: {} as Record<string, unknown> }));
vi.mock("next-intl", () => ({
  useTranslations: (namespace: string) =>
    createTranslator({ locale: catalogue.locale, messages: catalogue.messages, namespace: namespace as never, onError: (error) => { throw error; } }),
}));

const fields = (mode: "rules" | "relay" | "rules-then-relay", target = relayDraftOf(null), errors: string[] = []) =>
  renderToStaticMarkup(createElement(ReplyModeFields, { id: "m", mode, onMode: () => {}, target, onTarget: () => {}, targetErrors: errors, inputClass: "" }));

describe("relay target drafts", () => {
  it("reads a stored target and gives back what the API takes", () => {
    expect(relayDraftOf("tunnel")).toEqual({ kind: "tunnel", url: "" });
    expect(relayTargetOf(relayDraftOf(" https://bot.example/i "))).toBe("https://bot.example/i");
    expect(relayTargetOf({ kind: "tunnel", url: "https://kept.example" })).toBe("tunnel");
  });
});

describe("readFormError", () => {
  it("puts issues naming relayTarget at the field, once each, and the rest in the message", () => {
    const body = { error: { message: "The request is not valid; see issues.", issues: [
      { path: "relayTarget", message: "Not a valid url." },
      { path: "relayTarget", message: "This value is not valid here." },
      { path: "relayTarget", message: "This value is not valid here." },
      { path: "name", message: "Too long." },
    ] } };
    expect(readFormError(body, "failed", ["relayTarget"])).toEqual({
      message: "The request is not valid; see issues. name: Too long.",
      fields: { relayTarget: ["Not a valid url.", "This value is not valid here."] },
    });
    expect(readFormError(null, "failed", ["relayTarget"])).toEqual({ message: "failed", fields: {} });
  });
});

describe.each([["en", en], ["zh-CN", zh]] as const)("reply mode fields (%s)", (locale, messages) => {
  const use = () => {
    catalogue.locale = locale;
    catalogue.messages = messages as unknown as Record<string, unknown>;
  };

  it("offers every mode and shows the target only for the relay modes", () => {
    use();
    const rules = fields("rules");
    for (const mode of ["rules", "manual", "rules-then-manual", "relay", "rules-then-relay"]) expect(rules).toContain(`value="${mode}"`);
    expect(rules).not.toContain('data-testid="relay-target-field"');
    expect(fields("relay")).toContain('data-testid="relay-target-url"');
    const tunnel = fields("rules-then-relay", relayDraftOf("tunnel"));
    expect(tunnel).toContain('data-testid="relay-target-field"');
    expect(tunnel).not.toContain('data-testid="relay-target-url"');
  });

  it("shows the API's refusal at the field", () => {
    use();
    const html = fields("relay", relayDraftOf("ftp://x"), ["This value is not valid here."]);
    expect(html).toMatch(/data-testid="relay-target-error"[^>]*>This value is not valid here\.</);
    expect(html).toContain('aria-invalid="true"');
  });

  it("shows the tunnel command with a placeholder token, and whether a CLI is connected", () => {
    use();
    const command = tunnelCommand("https://studio.example", "ep_1");
    expect(command).toBe("npx button-studio relay --server https://studio.example --token <API_TOKEN> --endpoint ep_1 --to http://localhost:3000/interactions");
    const off = renderToStaticMarkup(createElement(TunnelCommand, { endpointId: "ep_1", origin: "https://studio.example", connected: false }));
    expect(off).toContain("--token &lt;API_TOKEN&gt;");
    expect(off).toContain('data-connected="false"');
    expect(renderToStaticMarkup(createElement(TunnelCommand, { endpointId: "ep_1", origin: "https://studio.example", connected: true }))).toContain('data-connected="true"');
  });
});
