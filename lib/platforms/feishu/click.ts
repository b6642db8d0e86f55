import { isRecord } from "../issues";
import type { Actor, ClickInput, ClickOutcome } from "../types";
import { isSubmitButton } from "./rules";

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, "0")).join("");
}

function behavior(button: Record<string, unknown>, type: string): Record<string, unknown> | undefined {
  const list = Array.isArray(button.behaviors) ? button.behaviors : [];
  return list.find((b: unknown): b is Record<string, unknown> => isRecord(b) && b.type === type);
}

/**
 * The card.action.trigger (schema 2.0) request Feishu POSTs when a button is clicked
 * (protocols.md §3.1). header.token and header.app_id stay empty: the simulator fills in the
 * endpoint's verification token and app id when it signs the request.
 */
export function feishuCardActionTrigger(
  action: { value?: unknown; name?: string; formValue?: Record<string, unknown> },
  actor: Actor,
  now = new Date(),
) {
  return {
    schema: "2.0",
    header: {
      event_id: globalThis.crypto.randomUUID().replaceAll("-", ""),
      token: "",
      create_time: String(now.getTime() * 1000),
      event_type: "card.action.trigger",
      tenant_key: "tenant_simulated",
      app_id: "",
    },
    event: {
      operator: { tenant_key: "tenant_simulated", user_id: actor.userId, open_id: actor.userId.startsWith("ou_") ? actor.userId : `ou_${actor.userId}` },
      token: `c-${randomHex(20)}`,
      action: {
        ...(action.value !== undefined ? { value: action.value } : {}),
        tag: "button",
        timezone: "Asia/Shanghai",
        ...(action.formValue ? { form_value: action.formValue } : {}),
        ...(action.name ? { name: action.name } : {}),
      },
      host: "im_message",
      context: { open_message_id: `om_simulated_${randomHex(12)}`, open_chat_id: `oc_simulated_${randomHex(12)}` },
    },
  };
}

/** What clicking a card button does: a callback request (also a form submit), a link, or nothing. */
export function clickFeishuButton(node: unknown, actor: Actor, input?: ClickInput): ClickOutcome {
  if (!isRecord(node) || node.tag !== "button") return { kind: "none", code: "feishu.click.invalid" };
  if (node.disabled === true) return { kind: "none", code: "feishu.click.disabled" };
  const callback = behavior(node, "callback");
  const submit = isSubmitButton(node);
  const name = typeof node.name === "string" && node.name ? node.name : undefined;
  if (callback || submit) {
    const formValue = submit ? input?.formValue : undefined;
    return { kind: "request", payload: feishuCardActionTrigger({ value: callback?.value, name, formValue }, actor) };
  }
  const link = behavior(node, "open_url");
  if (link) {
    const url = typeof link.pc_url === "string" && link.pc_url ? link.pc_url : link.default_url;
    return { kind: "link", url: typeof url === "string" ? url : "" };
  }
  const resets = node.form_action_type === "reset" || node.action_type === "form_reset"
    || behavior(node, "form_action")?.behavior === "reset";
  return { kind: "none", code: resets ? "feishu.click.reset" : "feishu.click.noBehavior" };
}
