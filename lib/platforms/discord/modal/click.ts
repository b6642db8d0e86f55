import { isRecord } from "../../issues";
import type { Actor, ClickInput, ClickOutcome } from "../../types";
import { discordInteraction } from "../click";
import { MODAL_COMPONENT, MODAL_SELECT_TYPES } from "./limits";

/** interaction.type 5: MODAL_SUBMIT (receiving-and-responding.mdx, Interaction Type). */
export const MODAL_SUBMIT = 5;

const LIST_TYPES: readonly number[] = [...MODAL_SELECT_TYPES, MODAL_COMPONENT.checkboxGroup];

/**
 * Discord fills in missing component ids "sequentially" and never reuses one the modal defines
 * (reference.mdx, Anatomy of a Component); 0 counts as missing.
 */
function idAllocator(nodes: Record<string, unknown>[]) {
  const taken = new Set(nodes.map((n) => n.id).filter((id) => typeof id === "number" && id !== 0));
  let next = 0;
  return (node: Record<string, unknown>): number => {
    if (typeof node.id === "number" && node.id !== 0) return node.id;
    do next++;
    while (taken.has(next));
    return next;
  };
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : undefined;

function defaults(control: Record<string, unknown>): string[] {
  const options = Array.isArray(control.options) ? control.options.filter(isRecord) : [];
  if (options.length > 0) return options.filter((o) => o.default === true).map((o) => String(o.value));
  const values = Array.isArray(control.default_values) ? control.default_values.filter(isRecord) : [];
  return values.map((v) => String(v.id));
}

/** A snowflake-like id for a simulated upload (Discord's are 17–20 digits). */
const attachmentId = () => `${Date.now()}${Math.floor(Math.random() * 1e6).toString().padStart(6, "0")}`;

/**
 * One control's answer as Discord reports it (each control's "Interaction Response Structure"): Text Input
 * `value` string, Radio Group `value` string|null, Checkbox `value` boolean, selects, Checkbox Group and
 * File Upload `values` (uploads as attachment ids, described in `resolved.attachments`).
 */
function answer(control: Record<string, unknown>, typed: unknown, id: number, attachments: Record<string, unknown>) {
  const base = { type: control.type, id, custom_id: control.custom_id };
  switch (control.type) {
    case MODAL_COMPONENT.textInput:
      return { ...base, value: typeof typed === "string" ? typed : typeof control.value === "string" ? control.value : "" };
    case MODAL_COMPONENT.radioGroup:
      return { ...base, value: typeof typed === "string" ? typed : typed === null ? null : (defaults(control)[0] ?? null) };
    case MODAL_COMPONENT.checkbox:
      return { ...base, value: typeof typed === "boolean" ? typed : control.default === true };
    case MODAL_COMPONENT.fileUpload: {
      const values = (strings(typed) ?? []).map((filename) => {
        const attachment = attachmentId();
        attachments[attachment] = { id: attachment, filename, size: 0, url: `https://cdn.discordapp.com/ephemeral-attachments/${attachment}/${encodeURIComponent(filename)}` };
        return attachment;
      });
      return { ...base, values };
    }
    default:
      return LIST_TYPES.includes(Number(control.type)) ? { ...base, values: strings(typed) ?? defaults(control) } : base;
  }
}

/**
 * The MODAL_SUBMIT `data` Discord sends for a modal and what was typed into it, by custom_id:
 * `{custom_id, components: [{type: 18, id, component: {type, id, custom_id, value | values}}], resolved?}`
 * (receiving-and-responding.mdx, Modal Submit Data Structure). A Text Display comes back as `{type: 10, id}`.
 */
export function modalSubmitData(modal: Record<string, unknown>, typed: Record<string, unknown> = {}) {
  const top = Array.isArray(modal.components) ? modal.components.filter(isRecord) : [];
  const nested = top.flatMap((n) => [n, ...(isRecord(n.component) ? [n.component] : []), ...(Array.isArray(n.components) ? n.components.filter(isRecord) : [])]);
  const idOf = idAllocator(nested);
  const attachments: Record<string, unknown> = {};
  const respond = (control: Record<string, unknown>) => {
    const id = idOf(control);
    return answer(control, typeof control.custom_id === "string" ? typed[control.custom_id] : undefined, id, attachments);
  };
  const components = top.map((node) => {
    const id = idOf(node);
    if (node.type === MODAL_COMPONENT.label && isRecord(node.component)) return { type: node.type, id, component: respond(node.component) };
    if (node.type === MODAL_COMPONENT.actionRow && Array.isArray(node.components)) {
      return { type: node.type, id, components: node.components.filter(isRecord).map(respond) };
    }
    return { type: node.type, id };
  });
  return {
    custom_id: modal.custom_id,
    components,
    ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
  };
}

/** Submitting the modal in the preview: the MODAL_SUBMIT interaction with the values typed into it. */
export function clickDiscordModal(modal: unknown, actor: Actor, input?: ClickInput): ClickOutcome {
  if (!isRecord(modal) || typeof modal.custom_id !== "string" || !Array.isArray(modal.components)) {
    return { kind: "none", code: "discord.click.invalid" };
  }
  return { kind: "request", payload: discordInteraction(MODAL_SUBMIT, modalSubmitData(modal, input?.formValue), actor) };
}
