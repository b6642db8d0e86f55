// Feishu/Lark card JSON 2.0 (protocols.md §3.6; official "卡片 JSON 2.0 版本更新说明" and component pages).

/** "一张卡片最多支持 200 个元素…或组件" (error 300305). */
export const FEISHU_MAX_COMPONENTS = 200;
/** element_id: starts with a letter; letters, digits, underscores; at most 20 characters. */
export const FEISHU_ELEMENT_ID_MAX = 20;
export const FEISHU_ELEMENT_ID = /^[A-Za-z][A-Za-z0-9_]*$/;
/** The send-message request body may be at most 30 KB (error 230025); quoted second-hand, so a warning. */
export const FEISHU_MESSAGE_BODY_MAX_BYTES = 30 * 1024;

export const FEISHU_HEADER_TEMPLATES = [
  "blue", "wathet", "turquoise", "green", "yellow", "orange", "red",
  "carmine", "violet", "purple", "indigo", "grey", "default",
] as const;

export const FEISHU_BUTTON_TYPES = [
  "default", "primary", "danger", "text", "primary_text", "danger_text", "primary_filled", "danger_filled", "laser",
] as const;
export const FEISHU_BUTTON_SIZES = ["tiny", "small", "medium", "large"] as const;

/** Components that take input or clicks: inside a form each needs a unique `name` (error 200530). */
export const FEISHU_INTERACTIVE_TAGS: readonly string[] = [
  "button", "input", "select_static", "multi_select_static", "select_person", "multi_select_person",
  "date_picker", "picker_time", "picker_datetime", "select_img", "checker", "overflow",
];

/** Where each kind of component may go (form: root only, "表单容器组件不可被内嵌在其它组件内"). */
export const FEISHU_CONTENT_TAGS = ["markdown", "div", "hr", "img", "button", "column_set"] as const;
export const FEISHU_FORM_FIELD_TAGS = ["input", "select_static"] as const;
