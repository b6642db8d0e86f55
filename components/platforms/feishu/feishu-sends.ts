import { FEISHU_FORM_VALUE_TAGS } from "@/lib/platforms/feishu/limits";

/**
 * What operating a component puts in card.action.trigger's event.action, by tag (the card callback
 * page's action table; lib/platforms/feishu/click.ts builds the same fields): a message key under
 * editor.feishu.inspector.sends, and whether a form collects it as form_value[name] instead.
 */
export type FeishuSends = "button" | "input" | "option" | "options" | "image" | "picker" | "checked" | "container";

const SENDS: Record<string, FeishuSends> = {
  button: "button",
  input: "input",
  overflow: "option",
  select_static: "option",
  select_person: "option",
  multi_select_static: "options",
  multi_select_person: "options",
  // A lone select_img reports its one pick in options, as a string (its callback example).
  select_img: "image",
  date_picker: "picker",
  picker_time: "picker",
  picker_datetime: "picker",
  checker: "checked",
  interactive_container: "container",
};

export function feishuSends(tag: string): { kind: FeishuSends; inForm: boolean } | null {
  const kind = SENDS[tag];
  return kind ? { kind, inForm: FEISHU_FORM_VALUE_TAGS.includes(tag) } : null;
}
