import { isRecord } from "../issues";
import type { IssuePath, RuleIssue } from "../types";

type Json = Record<string, unknown>;

/** A JSON 1.0 card: no `schema: "2.0"`, elements at the top level (or per locale), no `body`. */
export function isV1Card(input: unknown): input is Json {
  if (!isRecord(input) || input.schema === "2.0" || input.body !== undefined) return false;
  return Array.isArray(input.elements) || isRecord(input.i18n_elements);
}

// 1.0 config keys 2.0 dropped; the rest carry over and are checked as 2.0 attributes.
const V1_ONLY_CONFIG = ["wide_screen_mode"];
const I18N_PREFERENCE = ["zh_cn", "en_us"];

/**
 * Converts a JSON 1.0 card to 2.0 (release notes "卡片 JSON 2.0 版本更新说明"): elements move under
 * body, `action` modules become the buttons themselves (side by side in a column_set), button
 * value/url/multi_url become behaviors, 1.0 form buttons get form_action_type. Each change is a
 * warning at the converted card's path; the input is never mutated.
 */
export function convertV1Card(input: Json): { layout: Json; warnings: RuleIssue[] } {
  const warnings: RuleIssue[] = [{ code: "feishu.legacy.converted", path: ["schema"] }];
  const { elements, i18n_elements, config, header, fallback, i18n_header, ...rest } = input;
  const drop = (attribute: string, path: IssuePath) => warnings.push({ code: "feishu.legacy.dropped", path, params: { attribute } });

  let source: unknown[] = Array.isArray(elements) ? elements : [];
  if (!Array.isArray(elements) && isRecord(i18n_elements)) {
    const locale = I18N_PREFERENCE.find((l) => Array.isArray(i18n_elements[l])) ?? Object.keys(i18n_elements).find((l) => Array.isArray(i18n_elements[l]));
    if (locale) {
      source = i18n_elements[locale] as unknown[];
      warnings.push({ code: "feishu.legacy.i18nElements", path: ["body", "elements"], params: { locale } });
    }
  } else if (i18n_elements !== undefined) {
    drop("i18n_elements", []);
  }
  if (fallback !== undefined) drop("fallback", []);
  if (i18n_header !== undefined) drop("i18n_header", []);

  const card: Json = { schema: "2.0", ...rest };
  if (isRecord(config)) card.config = convertConfig(config, warnings, drop);
  if (isRecord(header)) card.header = convertHeader(header, warnings);
  else if (header !== undefined) card.header = header;
  card.body = { elements: convertList(source, ["body", "elements"], warnings) };
  return { layout: card, warnings };
}

function convertConfig(config: Json, warnings: RuleIssue[], drop: (attribute: string, path: IssuePath) => void): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(config)) {
    if (V1_ONLY_CONFIG.includes(key)) drop(`config.${key}`, ["config"]);
    else if (key === "update_multi" && value !== true) {
      // 2.0 cards are shared cards only; true is also 2.0's default.
      warnings.push({ code: "feishu.legacy.updateMulti", path: ["config", "update_multi"] });
      out.update_multi = true;
    } else out[key] = value;
  }
  return out;
}

function convertHeader(header: Json, warnings: RuleIssue[]): Json {
  const out: Json = { ...header };
  for (const key of ["title", "subtitle"]) {
    const text = header[key];
    if (isRecord(text) && text.i18n !== undefined) {
      const { i18n, ...kept } = text;
      out[key] = { ...kept, i18n_content: i18n };
      warnings.push({ code: "feishu.legacy.renamed", path: ["header", key, "i18n_content"], params: { from: "i18n", to: "i18n_content" } });
    }
  }
  return out;
}

function convertList(list: unknown[], path: IssuePath, warnings: RuleIssue[]): unknown[] {
  const out: unknown[] = [];
  for (const element of list) {
    for (const converted of convertElement(element, [...path, out.length], warnings)) out.push(converted);
  }
  return out;
}

/** One 1.0 element becomes one 2.0 element, except a div with `extra`, which becomes two. */
function convertElement(element: unknown, path: IssuePath, warnings: RuleIssue[]): unknown[] {
  if (!isRecord(element)) return [element];
  switch (element.tag) {
    case "action":
      return [convertActionModule(element, path, warnings)];
    case "note":
      return [convertNote(element, path, warnings)];
    case "div":
      if (element.extra !== undefined) {
        const { extra, ...div } = element;
        warnings.push({ code: "feishu.legacy.divExtra", path: [...path.slice(0, -1), Number(path.at(-1)) + 1] });
        return [div, ...convertElement(extra, [...path.slice(0, -1), Number(path.at(-1)) + 1], warnings)];
      }
      return [element];
    case "column_set": {
      const columns = Array.isArray(element.columns) ? element.columns : [];
      return [{
        ...element,
        columns: columns.map((column: unknown, c) => {
          if (!isRecord(column) || !Array.isArray(column.elements)) return column;
          return { ...column, elements: convertList(column.elements, [...path, "columns", c, "elements"], warnings) };
        }),
      }];
    }
    case "form":
      return [Array.isArray(element.elements) ? { ...element, elements: convertList(element.elements, [...path, "elements"], warnings) } : element];
    default:
      return [convertInteractive(element, path, warnings)];
  }
}

/** The `action` module is gone in 2.0: one action stands alone, several sit side by side in columns. */
function convertActionModule(module: Json, path: IssuePath, warnings: RuleIssue[]): unknown {
  const actions = Array.isArray(module.actions) ? module.actions : [];
  warnings.push({ code: "feishu.legacy.actionModule", path, params: { count: actions.length } });
  if (actions.length === 1) return convertElement(actions[0], path, warnings)[0];
  return {
    tag: "column_set",
    flex_mode: "flow",
    columns: actions.map((action: unknown, c) => ({
      tag: "column",
      width: "auto",
      elements: convertElement(action, [...path, "columns", c, "elements", 0], warnings).slice(0, 1),
    })),
  };
}

/** The 1.0 note (备注) becomes small markdown text; its images are dropped. */
function convertNote(note: Json, path: IssuePath, warnings: RuleIssue[]): Json {
  const parts = Array.isArray(note.elements) ? note.elements : [];
  const content = parts
    .map((part: unknown) => (isRecord(part) && typeof part.content === "string" ? part.content : ""))
    .filter((text) => text !== "")
    .join(" ");
  warnings.push({ code: "feishu.legacy.note", path });
  return { tag: "markdown", content, text_size: "notation" };
}

/** 1.0 `value`, `url`, `multi_url` and form `action_type` become 2.0 behaviors and form_action_type. */
function convertInteractive(element: Json, path: IssuePath, warnings: RuleIssue[]): Json {
  const { value, url, multi_url, ...out } = element;
  const behaviors: unknown[] = Array.isArray(element.behaviors) ? [...element.behaviors] : [];
  const tag = String(element.tag ?? "");
  if (value !== undefined) {
    behaviors.push({ type: "callback", value });
    warnings.push({ code: "feishu.legacy.value", path: [...path, "behaviors"], params: { tag } });
  }
  const link = isRecord(multi_url) ? multi_url : undefined;
  const defaultUrl = typeof url === "string" ? url : typeof link?.url === "string" ? link.url : undefined;
  if (defaultUrl !== undefined) {
    const perDevice = Object.fromEntries(
      ["pc_url", "ios_url", "android_url"].flatMap((key) => (typeof link?.[key] === "string" && link[key] !== "" ? [[key, link[key]]] : [])),
    );
    behaviors.push({ type: "open_url", default_url: defaultUrl, ...perDevice });
    warnings.push({ code: "feishu.legacy.url", path: [...path, "behaviors"], params: { tag } });
  }
  if (behaviors.length > 0) out.behaviors = behaviors;
  if (element.action_type === "form_submit" || element.action_type === "form_reset") {
    delete out.action_type;
    out.form_action_type = element.action_type === "form_submit" ? "submit" : "reset";
    warnings.push({ code: "feishu.legacy.actionType", path: [...path, "form_action_type"], params: { from: String(element.action_type) } });
  }
  return out;
}
