import { isRecord, WITH_INPUT } from "../issues";
import type { IssuePath, RuleIssue } from "../types";
import {
  FEISHU_CARD_MAX_BYTES,
  FEISHU_COLUMN_SET_DEPTH_MAX,
  FEISHU_ELEMENT_ID,
  FEISHU_ELEMENT_ID_MAX,
  FEISHU_INTERACTIVE_TAGS,
  FEISHU_MAX_COMPONENTS,
  FEISHU_NAMED_TAGS,
  FEISHU_TABLES_MAX,
} from "./limits";
import { cardBytes } from "./message";
import { checkBehaviors, zodFindings } from "./rules-behaviors";
import { checkComponent } from "./rules-components";
import { FEISHU_ELEMENT_SCHEMAS, feishuCardShallowSchema } from "./schema";

interface Findings {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

/** The form an element sits in: whether a submit button was found in it. */
interface FormScope {
  hasSubmit: boolean;
}

interface Walk {
  found: Findings;
  count: number;
  tables: number;
  elementIds: Map<string, IssuePath>;
  /** Interactive names are unique across the card, not only per form ("卡片内全局唯一"). */
  names: Map<string, IssuePath>;
}

interface Place {
  /** The container the element sits in; null at the root of the body. */
  parent: string | null;
  form: FormScope | null;
  /** column_sets around the element (the docs allow five levels of nesting). */
  columnSetDepth: number;
}

const ROOT: Place = { parent: null, form: null, columnSetDepth: 0 };

/** Checks a (normalized, 2.0) card: structure first, then the rules that span components. */
export function checkFeishuCard(card: unknown): Findings {
  const found: Findings = { errors: [], warnings: [] };
  if (!isRecord(card)) {
    found.errors.push({ code: "field.type", path: [], params: { expected: "object" } });
    return found;
  }
  const parsed = feishuCardShallowSchema.safeParse(card, WITH_INPUT);
  if (!parsed.success) found.errors.push(...zodFindings(parsed.error, []));
  if (isRecord(card.config) && card.config.update_multi === false) {
    found.errors.push({ code: "feishu.updateMultiTrue", path: ["config", "update_multi"] });
  }
  const elements = isRecord(card.body) && Array.isArray(card.body.elements) ? card.body.elements : [];
  const walk: Walk = { found, count: 0, tables: 0, elementIds: new Map(), names: new Map() };
  eachChild(elements, ["body", "elements"], walk, ROOT);
  if (walk.count > FEISHU_MAX_COMPONENTS) {
    found.errors.push({ code: "feishu.tooManyComponents", path: ["body", "elements"], params: { max: FEISHU_MAX_COMPONENTS, count: walk.count } });
  }
  if (walk.tables > FEISHU_TABLES_MAX) {
    found.errors.push({ code: "feishu.tooManyTables", path: ["body", "elements"], params: { max: FEISHU_TABLES_MAX, count: walk.tables } });
  }
  // Feishu refuses a card over 30 KB (200860), so this is an error, not advice.
  const bytes = cardBytes(card);
  if (bytes > FEISHU_CARD_MAX_BYTES) found.errors.push({ code: "feishu.cardTooLarge", path: [], params: { max: FEISHU_CARD_MAX_BYTES, size: bytes } });
  return found;
}

function checkElement(element: unknown, path: IssuePath, walk: Walk, place: Place): void {
  const { found } = walk;
  walk.count++;
  if (!isRecord(element)) {
    found.errors.push({ code: "field.type", path, params: { expected: "object" } });
    return;
  }
  const tag = element.tag;
  if (typeof tag !== "string") {
    found.errors.push({ code: tag === undefined ? "field.required" : "field.type", path: [...path, "tag"], params: { expected: "string" } });
    return;
  }
  checkElementId(element.element_id, path, walk);
  if (tag === "action") {
    found.errors.push({ code: "feishu.actionModule", path: [...path, "tag"] });
    return;
  }
  const schema = FEISHU_ELEMENT_SCHEMAS[tag];
  if (!schema) {
    // A tag outside card JSON 2.0's component set (§8.3): counted, left to Feishu.
    found.warnings.push({ code: "feishu.tagUnchecked", path: [...path, "tag"], params: { tag } });
    return;
  }
  const parsed = schema.safeParse(element, WITH_INPUT);
  if (!parsed.success) found.errors.push(...zodFindings(parsed.error, path));

  checkPlacement(tag, path, walk, place);
  if (tag === "table") walk.tables++;
  const interactive = FEISHU_INTERACTIVE_TAGS.includes(tag);
  if (place.form && FEISHU_NAMED_TAGS.includes(tag)) checkFormName(element.name, path, walk);
  if (interactive || tag === "interactive_container") checkBehaviors(element.behaviors, path, tag, found.errors);
  if (tag === "button") checkButton(element, path, walk, place);
  checkComponent(tag, element, path, found, { inForm: place.form !== null });
  walkChildren(tag, element, path, walk, place);
}

/** §8.3 nesting: column only in a column_set, which holds only columns; form and table only at the root. */
function checkPlacement(tag: string, path: IssuePath, walk: Walk, place: Place): void {
  const { errors } = walk.found;
  const tagPath = [...path, "tag"];
  if (tag === "column") {
    if (place.parent !== "column_set") errors.push({ code: "feishu.columnOutsideSet", path: tagPath });
    return;
  }
  if (place.parent === "column_set") {
    errors.push({ code: "feishu.columnSetChild", path: tagPath, params: { tag } });
    return;
  }
  if (place.parent === "checker") {
    if (tag !== "button") errors.push({ code: "feishu.buttonAreaChild", path: tagPath, params: { tag } });
    return;
  }
  if (place.parent === null) return;
  if (tag === "form") errors.push({ code: "feishu.formNotRoot", path: tagPath, params: { parent: place.parent } });
  if (tag === "table") errors.push({ code: "feishu.tableNotRoot", path: tagPath, params: { parent: place.parent } });
  if (tag === "column_set" && place.columnSetDepth >= FEISHU_COLUMN_SET_DEPTH_MAX) {
    errors.push({ code: "feishu.columnSetTooDeep", path: tagPath, params: { max: FEISHU_COLUMN_SET_DEPTH_MAX } });
  }
}

function walkChildren(tag: string, element: Record<string, unknown>, path: IssuePath, walk: Walk, place: Place): void {
  const inside = (parent: string, form = place.form): Place => ({ parent, form, columnSetDepth: place.columnSetDepth });
  switch (tag) {
    case "form": {
      const scope: FormScope = { hasSubmit: false };
      eachChild(element.elements, [...path, "elements"], walk, inside("form", scope));
      if (!scope.hasSubmit) walk.found.errors.push({ code: "feishu.formNoSubmit", path });
      return;
    }
    case "column_set":
      eachChild(element.columns, [...path, "columns"], walk, { ...inside("column_set"), columnSetDepth: place.columnSetDepth + 1 });
      return;
    case "column":
    case "interactive_container":
    case "collapsible_panel":
      eachChild(element.elements, [...path, "elements"], walk, inside(tag));
      return;
    case "checker":
      if (isRecord(element.button_area)) eachChild(element.button_area.buttons, [...path, "button_area", "buttons"], walk, inside("checker"));
      return;
    default:
      return;
  }
}

function eachChild(children: unknown, path: IssuePath, walk: Walk, place: Place): void {
  if (Array.isArray(children)) children.forEach((child: unknown, i) => checkElement(child, [...path, i], walk, place));
}

function checkElementId(id: unknown, path: IssuePath, walk: Walk): void {
  if (typeof id !== "string") return;
  const idPath = [...path, "element_id"];
  if (id.length > FEISHU_ELEMENT_ID_MAX) {
    walk.found.errors.push({ code: "feishu.elementIdTooLong", path: idPath, params: { max: FEISHU_ELEMENT_ID_MAX, count: id.length } });
  } else if (!FEISHU_ELEMENT_ID.test(id)) {
    walk.found.errors.push({ code: "feishu.elementIdFormat", path: idPath, params: { id } });
  }
  const first = walk.elementIds.get(id);
  if (first) walk.found.errors.push({ code: "feishu.elementIdDuplicate", path: idPath, params: { id, first: first.join(".") } });
  else walk.elementIds.set(id, idPath);
}

function checkFormName(name: unknown, path: IssuePath, walk: Walk): void {
  const namePath = [...path, "name"];
  if (typeof name !== "string" || name === "") {
    walk.found.errors.push({ code: "feishu.formNameMissing", path: namePath });
    return;
  }
  const first = walk.names.get(name);
  if (first) walk.found.errors.push({ code: "feishu.formNameDuplicate", path: namePath, params: { name, first: first.join(".") } });
  else walk.names.set(name, namePath);
}

/** A button submits its form by form_action_type, a form_action behavior, or 1.0's action_type. */
export function isSubmitButton(button: Record<string, unknown>): boolean {
  if (button.form_action_type === "submit" || button.action_type === "form_submit") return true;
  return Array.isArray(button.behaviors) && button.behaviors.some((b: unknown) => isRecord(b) && b.type === "form_action" && b.behavior === "submit");
}

function checkButton(button: Record<string, unknown>, path: IssuePath, walk: Walk, place: Place): void {
  const { found } = walk;
  const submits = isSubmitButton(button);
  if (submits && place.form) place.form.hasSubmit = true;
  if (submits && !place.form) found.warnings.push({ code: "feishu.submitOutsideForm", path });
  if (Array.isArray(button.behaviors)) return;
  const acts = submits || button.form_action_type === "reset" || button.action_type === "form_reset";
  if (!acts && button.disabled !== true) found.warnings.push({ code: "feishu.buttonNoBehavior", path });
}
