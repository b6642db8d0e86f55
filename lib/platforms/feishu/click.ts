import { isRecord } from "../issues";
import type { Actor, ClickInput, ClickOutcome } from "../types";
import { FEISHU_MULTI_TAGS, FEISHU_PICKER_TAGS, FEISHU_TIMEZONE, feishuFieldValue, type ControlState } from "./control-values";
import { isSubmitButton } from "./rules";

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, "0")).join("");
}

function behavior(node: Record<string, unknown>, type: string): Record<string, unknown> | undefined {
  const list = Array.isArray(node.behaviors) ? node.behaviors : [];
  return list.find((b: unknown): b is Record<string, unknown> => isRecord(b) && b.type === type);
}

/**
 * event.action of card.action.trigger, field by field (card callback page "卡片回传交互", action table):
 * value (the component's callback value), tag, timezone (buttons and pickers), form_value (a form's
 * submit), name, input_value (a lone input), option (a lone overflow, single select, person select or
 * picker), options (a lone multi select; a lone select_img sends its one picked value here),
 * checked (a lone checker). A field that does not apply is absent, not empty.
 */
export interface FeishuAction {
  value?: unknown;
  tag: string;
  timezone?: string;
  form_value?: Record<string, unknown>;
  name?: string;
  input_value?: string;
  option?: string;
  options?: string[] | string;
  checked?: boolean;
}

/**
 * The card.action.trigger (schema 2.0) request Feishu POSTs when a card component is operated
 * (protocols.md §3.1). header.token and header.app_id stay empty: the simulator fills in the
 * endpoint's verification token and app id when it signs the request.
 */
export function feishuCardActionTrigger(action: FeishuAction, actor: Actor, now = new Date()) {
  // Drop absent fields so the JSON carries exactly the ones that apply.
  const fields = Object.fromEntries(Object.entries(action).filter(([, v]) => v !== undefined));
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
      action: fields as unknown as FeishuAction,
      host: "im_message",
      context: { open_message_id: `om_simulated_${randomHex(12)}`, open_chat_id: `oc_simulated_${randomHex(12)}` },
    },
  };
}

const str = (value: unknown) => (typeof value === "string" ? value : "");
const nameOf = (node: Record<string, unknown>) => str(node.name) || undefined;
/** The callback behavior's value; select_img and the older selects may still carry a top-level value. */
const callbackValue = (node: Record<string, unknown>) => behavior(node, "callback")?.value ?? node.value;
const request = (action: FeishuAction, actor: Actor): ClickOutcome => ({ kind: "request", payload: feishuCardActionTrigger(action, actor) });

function openUrl(link: Record<string, unknown> | undefined): ClickOutcome | null {
  if (!link) return null;
  const url = str(link.pc_url) || link.default_url || link.url;
  return { kind: "link", url: typeof url === "string" ? url : "" };
}

function clickButton(node: Record<string, unknown>, actor: Actor, input?: ClickInput): ClickOutcome {
  const callback = behavior(node, "callback");
  const submit = isSubmitButton(node);
  if (callback || submit) {
    // The official button and form examples both carry timezone.
    const formValue = submit ? (input?.formValue ?? {}) : undefined;
    return request({ value: callback?.value, tag: "button", timezone: FEISHU_TIMEZONE, form_value: formValue, name: nameOf(node) }, actor);
  }
  const link = openUrl(behavior(node, "open_url"));
  if (link) return link;
  const resets = node.form_action_type === "reset" || node.action_type === "form_reset" || behavior(node, "form_action")?.behavior === "reset";
  return { kind: "none", code: resets ? "feishu.click.reset" : "feishu.click.noBehavior" };
}

/**
 * Overflow: the picked option (by value, or by position when it has none) answers with its value
 * in action.option, or opens its multi_url when it has no value.
 */
function clickOverflow(node: Record<string, unknown>, actor: Actor, picked: unknown): ClickOutcome {
  const options = Array.isArray(node.options) ? node.options.filter(isRecord) : [];
  const option = typeof picked === "number" ? options[picked] : options.find((o) => typeof picked === "string" && o.value === picked);
  if (!option) return { kind: "none", code: "feishu.click.invalid" };
  if (str(option.value)) return request({ value: callbackValue(node), tag: "overflow", name: nameOf(node), option: str(option.value) }, actor);
  return openUrl(isRecord(option.multi_url) ? option.multi_url : undefined) ?? { kind: "none", code: "feishu.click.noBehavior" };
}

/**
 * What operating a card component does, outside a form: a button's callback (or, for a submit
 * button, the form's values), a link, or a lone control reporting its new state (`input.value`, in
 * the preview's ControlState). Inside a form the preview only collects the state; the submit sends it.
 */
export function clickFeishuElement(node: unknown, actor: Actor, input?: ClickInput): ClickOutcome {
  if (!isRecord(node) || typeof node.tag !== "string") return { kind: "none", code: "feishu.click.invalid" };
  if (node.disabled === true) return { kind: "none", code: "feishu.click.disabled" };
  const tag = node.tag;
  const state = input?.value as ControlState | undefined;
  switch (tag) {
    case "button":
      return clickButton(node, actor, input);
    case "interactive_container": {
      // A clickable area: its callback fires with the container's own tag; else its link opens.
      if (behavior(node, "callback")) return request({ value: behavior(node, "callback")?.value, tag, name: nameOf(node) }, actor);
      return openUrl(behavior(node, "open_url")) ?? { kind: "none", code: "feishu.click.noBehavior" };
    }
    case "overflow":
      return clickOverflow(node, actor, input?.value);
    case "checker":
      // "未配置 behaviors 时，终端用户可勾选，但仅本地有效": without a callback the tick stays local.
      if (!behavior(node, "callback")) return { kind: "none", code: "feishu.click.noBehavior" };
      return request({ value: callbackValue(node), tag, name: nameOf(node), checked: state === true }, actor);
    default:
      break;
  }
  const value = feishuFieldValue(node, state);
  if (value === undefined) return { kind: "none", code: "feishu.click.invalid" };
  // These controls are interactive by default ("默认拥有交互能力"): they report even without behaviors.
  const base: FeishuAction = { value: callbackValue(node), tag, name: nameOf(node) };
  if (tag === "input") return request({ ...base, input_value: String(value) }, actor);
  if (FEISHU_PICKER_TAGS.includes(tag)) return request({ ...base, timezone: FEISHU_TIMEZONE, option: String(value) }, actor);
  if (tag === "select_static" || tag === "select_person") return request({ ...base, option: String(value) }, actor);
  if (FEISHU_MULTI_TAGS.includes(tag) && Array.isArray(value)) return request({ ...base, options: value }, actor);
  // A lone select_img picks one image and submits at once; the official example sends it as "options": "picture1".
  if (tag === "select_img" && Array.isArray(value) && value.length > 0) return request({ ...base, options: value[0] }, actor);
  return { kind: "none", code: "feishu.click.invalid" };
}
