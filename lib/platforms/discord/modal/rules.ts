import { isRecord, issuesFromZod, WITH_INPUT } from "../../issues";
import type { IssuePath } from "../../types";
import { checkLabelChild } from "./controls";
import { checkText, lengthOf, type Findings } from "./findings";
import { COMPONENT_ID_MAX, COMPONENT_ID_MIN, MODAL_COMPONENT, MODAL_COMPONENTS_MAX, MODAL_CUSTOM_ID_MAX, MODAL_DESCRIPTION_MAX, MODAL_LABEL_MAX, MODAL_TITLE_MAX } from "./limits";
import { modalLabelSchema, modalTextDisplaySchema } from "./schema";

const labelFields = modalLabelSchema.omit({ component: true });

/**
 * Every rule for a modal (`data` of a type-9 response): title, custom_id, 1–5 top-level Labels or Text
 * Displays (an Action Row with one Text Input still passes, with a deprecation warning), each Label's one
 * control, no disabled component, custom_ids and numeric ids unique in the modal.
 */
export function checkDiscordModal(modal: unknown): Findings {
  const found: Findings = { errors: [], warnings: [] };
  if (!isRecord(modal)) {
    found.errors.push({ code: "field.type", path: [], params: { expected: "object" } });
    return found;
  }
  checkText(modal.title, ["title"], { code: "discord.modal.title.length", min: 1, max: MODAL_TITLE_MAX }, found);
  checkText(modal.custom_id, ["custom_id"], { code: "discord.modal.customId.length", min: 1, max: MODAL_CUSTOM_ID_MAX }, found);
  const components = modal.components;
  if (!Array.isArray(components)) {
    found.errors.push({ code: components === undefined ? "field.required" : "field.type", path: ["components"], params: { expected: "array" } });
    return found;
  }
  if (components.length === 0) found.errors.push({ code: "discord.modal.components.none", path: ["components"] });
  if (components.length > MODAL_COMPONENTS_MAX) {
    found.errors.push({ code: "discord.modal.components.max", path: ["components", MODAL_COMPONENTS_MAX], params: { max: MODAL_COMPONENTS_MAX, count: components.length } });
  }
  components.forEach((component: unknown, i) => checkTopLevel(component, ["components", i], found));
  checkUnique(components, found);
  return found;
}

function checkTopLevel(component: unknown, path: IssuePath, found: Findings): void {
  const type = isRecord(component) ? component.type : undefined;
  if (!isRecord(component)) {
    found.errors.push({ code: "field.type", path, params: { expected: "object" } });
  } else if (type === MODAL_COMPONENT.label) {
    const parsed = labelFields.safeParse(component, WITH_INPUT);
    if (!parsed.success) found.errors.push(...issuesFromZod(parsed.error, path));
    else {
      const { label, description } = parsed.data;
      if (lengthOf(label) < 1 || lengthOf(label) > MODAL_LABEL_MAX) {
        found.errors.push({ code: "discord.modal.label.length", path: [...path, "label"], params: { min: 1, max: MODAL_LABEL_MAX, count: lengthOf(label) } });
      }
      if (description !== undefined && lengthOf(description) > MODAL_DESCRIPTION_MAX) {
        found.errors.push({ code: "discord.modal.label.description", path: [...path, "description"], params: { max: MODAL_DESCRIPTION_MAX, count: lengthOf(description) } });
      }
    }
    if (component.component === undefined) found.errors.push({ code: "discord.modal.label.empty", path: [...path, "component"] });
    else checkLabelChild(component.component, [...path, "component"], true, found);
  } else if (type === MODAL_COMPONENT.textDisplay) {
    const parsed = modalTextDisplaySchema.safeParse(component, WITH_INPUT);
    if (!parsed.success) found.errors.push(...issuesFromZod(parsed.error, path));
  } else if (type === MODAL_COMPONENT.actionRow) {
    // "Action Row with Text Inputs in modals are now deprecated" (reference.mdx, Action Row).
    found.warnings.push({ code: "discord.modal.actionRow.deprecated", path });
    const inner = component.components;
    const onlyTextInput = Array.isArray(inner) && inner.length === 1 && isRecord(inner[0]) && inner[0].type === MODAL_COMPONENT.textInput;
    if (!onlyTextInput) found.errors.push({ code: "discord.modal.actionRow.textInput", path: [...path, "components"] });
    else checkLabelChild(inner[0], [...path, "components", 0], false, found);
  } else {
    found.errors.push({ code: "discord.modal.component.type", path: [...path, "type"] });
  }
  if (isRecord(component) && component.disabled !== undefined) {
    found.errors.push({ code: "discord.modal.disabled", path: [...path, "disabled"] });
  }
}

/** Every component of the modal with its path, top-level first, then its children. */
function eachComponent(components: unknown[]): { node: Record<string, unknown>; path: IssuePath }[] {
  const out: { node: Record<string, unknown>; path: IssuePath }[] = [];
  components.forEach((node, i) => {
    if (!isRecord(node)) return;
    out.push({ node, path: ["components", i] });
    if (isRecord(node.component)) out.push({ node: node.component, path: ["components", i, "component"] });
    if (Array.isArray(node.components)) {
      node.components.forEach((child: unknown, j) => {
        if (isRecord(child)) out.push({ node: child, path: ["components", i, "components", j] });
      });
    }
  });
  return out;
}

/**
 * custom_id "must be unique per component" and a numeric `id` "must be unique within the message"
 * (reference.mdx, Anatomy of a Component); `id` is a 32-bit integer and 0 means unset.
 */
function checkUnique(components: unknown[], found: Findings): void {
  const customIds = new Map<string, IssuePath>();
  const ids = new Map<number, IssuePath>();
  for (const { node, path } of eachComponent(components)) {
    const customId = node.custom_id;
    if (typeof customId === "string" && customId !== "") {
      const first = customIds.get(customId);
      if (first) found.errors.push({ code: "discord.modal.customId.duplicate", path: [...path, "custom_id"], params: { id: customId, first: first.join(".") } });
      else customIds.set(customId, [...path, "custom_id"]);
    }
    const id = node.id;
    if (typeof id !== "number" || !Number.isInteger(id)) continue;
    if (id < COMPONENT_ID_MIN || id > COMPONENT_ID_MAX) {
      found.errors.push({ code: "discord.modal.id.range", path: [...path, "id"], params: { min: COMPONENT_ID_MIN, max: COMPONENT_ID_MAX, value: id } });
    } else if (id !== 0) {
      const first = ids.get(id);
      if (first) found.errors.push({ code: "discord.modal.id.duplicate", path: [...path, "id"], params: { id, first: first.join(".") } });
      else ids.set(id, [...path, "id"]);
    }
  }
}
