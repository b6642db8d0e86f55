import type { z } from "zod";
import { isRecord, issuesFromZod, WITH_INPUT } from "../issues";
import type { IssuePath, RuleIssue } from "../types";
import {
  FEISHU_ELEMENT_ID,
  FEISHU_ELEMENT_ID_MAX,
  FEISHU_INTERACTIVE_TAGS,
  FEISHU_MAX_COMPONENTS,
  FEISHU_MESSAGE_BODY_MAX_BYTES,
} from "./limits";
import { messageBodyBytes } from "./message";
import {
  FEISHU_ELEMENT_SCHEMAS,
  feishuCallbackBehaviorSchema,
  feishuCardShallowSchema,
  feishuFormActionBehaviorSchema,
  feishuOpenUrlBehaviorSchema,
} from "./schema";

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
  elementIds: Map<string, IssuePath>;
  /** Interactive names are unique across the card, not only per form ("卡片内全局唯一"). */
  names: Map<string, IssuePath>;
}

// open_url opens a web page or an app link (e.g. lark://, https://applink.feishu.cn/…);
// schemes that run code or read local files are never a target.
const LINK_TARGET = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript|file|blob):/i;
const BEHAVIOR_SCHEMAS: Record<string, z.ZodType> = {
  callback: feishuCallbackBehaviorSchema,
  open_url: feishuOpenUrlBehaviorSchema,
  form_action: feishuFormActionBehaviorSchema,
};

/** Structural zod findings with Feishu's own code for attributes 2.0 does not know. */
function zodFindings(error: z.ZodError, path: IssuePath): RuleIssue[] {
  return issuesFromZod(error, path).map((issue) =>
    issue.code === "field.unknown"
      ? { code: "feishu.unknownAttribute", path: issue.path, params: { attribute: String(issue.params?.key ?? "") } }
      : issue,
  );
}

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
  const walk: Walk = { found, count: 0, elementIds: new Map(), names: new Map() };
  elements.forEach((element: unknown, i) => checkElement(element, ["body", "elements", i], walk, { root: true, form: null, inColumnSet: false }));
  if (walk.count > FEISHU_MAX_COMPONENTS) {
    found.errors.push({ code: "feishu.tooManyComponents", path: ["body", "elements"], params: { max: FEISHU_MAX_COMPONENTS, count: walk.count } });
  }
  const bytes = messageBodyBytes(card);
  if (bytes > FEISHU_MESSAGE_BODY_MAX_BYTES) {
    found.warnings.push({ code: "feishu.cardTooLarge", path: [], params: { max: FEISHU_MESSAGE_BODY_MAX_BYTES, size: bytes } });
  }
  return found;
}

interface Place {
  root: boolean;
  form: FormScope | null;
  /** True for the direct children of a column_set, the only place a column may be. */
  inColumnSet: boolean;
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
    // A 2.0 component this builder does not model (table, chart, person…): counted, not judged.
    found.warnings.push({ code: "feishu.tagUnchecked", path: [...path, "tag"], params: { tag } });
    return;
  }
  const parsed = schema.safeParse(element, WITH_INPUT);
  if (!parsed.success) found.errors.push(...zodFindings(parsed.error, path));

  if (tag === "column" && !place.inColumnSet) found.errors.push({ code: "feishu.columnOutsideSet", path: [...path, "tag"] });
  if (tag !== "column" && place.inColumnSet) found.errors.push({ code: "feishu.columnSetChild", path: [...path, "tag"], params: { tag } });
  if (place.form && FEISHU_INTERACTIVE_TAGS.includes(tag)) checkFormName(element.name, path, walk);
  if (tag === "button") checkButton(element, path, walk, place);

  if (tag === "form") {
    if (!place.root) found.errors.push({ code: "feishu.formNotRoot", path: [...path, "tag"] });
    const scope: FormScope = { hasSubmit: false };
    eachChild(element.elements, [...path, "elements"], walk, { root: false, form: scope, inColumnSet: false });
    if (!scope.hasSubmit) found.errors.push({ code: "feishu.formNoSubmit", path });
  } else if (tag === "column_set") {
    eachChild(element.columns, [...path, "columns"], walk, { root: false, form: place.form, inColumnSet: true });
  } else if (tag === "column") {
    eachChild(element.elements, [...path, "elements"], walk, { root: false, form: place.form, inColumnSet: false });
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
  const behaviors = button.behaviors;
  if (!Array.isArray(behaviors)) {
    const acts = submits || button.form_action_type === "reset" || button.action_type === "form_reset";
    if (!acts && button.disabled !== true) found.warnings.push({ code: "feishu.buttonNoBehavior", path });
    return;
  }
  const seen = new Set<string>();
  behaviors.forEach((behavior: unknown, i) => {
    const behaviorPath = [...path, "behaviors", i];
    const type = isRecord(behavior) ? behavior.type : undefined;
    const schema = typeof type === "string" ? BEHAVIOR_SCHEMAS[type] : undefined;
    if (!isRecord(behavior) || !schema) {
      found.errors.push({ code: "feishu.behaviorType", path: [...behaviorPath, "type"], params: { type: String(type ?? "") } });
      return;
    }
    if (seen.has(type as string)) found.errors.push({ code: "feishu.behaviorDuplicate", path: [...behaviorPath, "type"], params: { type: String(type) } });
    seen.add(type as string);
    const parsed = schema.safeParse(behavior, WITH_INPUT);
    if (!parsed.success) {
      found.errors.push(...zodFindings(parsed.error, behaviorPath));
      return;
    }
    if (type === "open_url") {
      for (const field of ["default_url", "pc_url", "ios_url", "android_url"]) {
        const url = behavior[field];
        if (typeof url === "string" && url !== "" && (!LINK_TARGET.test(url) || UNSAFE_SCHEME.test(url))) {
          found.errors.push({ code: "feishu.behaviorUrl", path: [...behaviorPath, field] });
        }
      }
    }
  });
}
