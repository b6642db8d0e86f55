// Feishu/Lark card JSON 2.0 (protocols.md §3.6 and §8.3; official "卡片 JSON 2.0 版本更新说明" and the
// card-json-v2-components pages; larksuite/cli skills/lark-im/references/card/components, 2026).

/** "一张卡片最多支持 200 个元素…或组件" (error 300305). */
export const FEISHU_MAX_COMPONENTS = 200;
/** element_id: starts with a letter; letters, digits, underscores; at most 20 characters. */
export const FEISHU_ELEMENT_ID_MAX = 20;
export const FEISHU_ELEMENT_ID = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * A card is at most 30 KB: Feishu refuses a larger one (200860 "card content exceeds the limit";
 * protocols.md §8.3). Measured as the UTF-8 bytes of the card JSON itself (JSON.stringify(card)),
 * because the limit is on the card content, whichever body carries it (the send-message `content`
 * string, a callback response's `card.data`, a CardKit entity).
 */
export const FEISHU_CARD_MAX_BYTES = 30 * 1024;
/**
 * "容器类组件最多支持嵌套五层组件" (column-set, form and collapsible-panel pages). How the levels are
 * counted is not spelled out, so only column_sets inside column_sets are counted: a sixth is an error.
 */
export const FEISHU_COLUMN_SET_DEPTH_MAX = 5;

export const FEISHU_HEADER_TEMPLATES = [
  "blue", "wathet", "turquoise", "green", "yellow", "orange", "red",
  "carmine", "violet", "purple", "indigo", "grey", "default",
] as const;

export const FEISHU_BUTTON_TYPES = [
  "default", "primary", "danger", "text", "primary_text", "danger_text", "primary_filled", "danger_filled", "laser",
] as const;
export const FEISHU_BUTTON_SIZES = ["tiny", "small", "medium", "large"] as const;
export const FEISHU_INPUT_TYPES = ["text", "multiline_text", "password"] as const;
export const FEISHU_FLEX_MODES = ["none", "stretch", "flow", "bisect", "trisect"] as const;
export const FEISHU_PERSON_SIZES = ["extra_small", "small", "medium", "large"] as const;
export const FEISHU_CHART_ASPECT_RATIOS = ["1:1", "2:1", "4:3", "16:9"] as const;
export const FEISHU_CHART_COLOR_THEMES = ["brand", "rainbow", "complementary", "converse", "primary"] as const;
export const FEISHU_IMG_ASPECT_RATIOS = ["1:1", "16:9", "4:3"] as const;
/** A checker's button area holds at most three buttons. */
export const FEISHU_CHECKER_BUTTONS_MAX = 3;

/** How many images each img_combination mode lays out; more are not shown, fewer leave blanks. */
export const FEISHU_IMG_COMBINATION_SLOTS = { double: 2, triple: 3, bisect: 6, trisect: 9 } as const;
export const FEISHU_IMG_COMBINATION_MODES = ["double", "triple", "bisect", "trisect"] as const;

/** Table: columns[].data_type, rows per page [1,10], row_height low/middle/high/auto or [32,124]px, ≤ 50 columns. */
export const FEISHU_TABLE_DATA_TYPES = ["text", "lark_md", "options", "number", "persons", "date", "markdown"] as const;
export const FEISHU_TABLE_PAGE_SIZE_MAX = 10;
export const FEISHU_TABLE_COLUMNS_MAX = 50;
export const FEISHU_TABLE_ROW_HEIGHTS = ["low", "middle", "high", "auto"] as const;
export const FEISHU_TABLE_ROW_HEIGHT_PX = { min: 32, max: 124 } as const;
/** "单张卡片最多支持放置五个表格组件" (table 2.0 page). */
export const FEISHU_TABLES_MAX = 5;

/** Initial values of the pickers: yyyy-MM-dd, HH:mm, yyyy-MM-dd HH:mm. */
export const FEISHU_PICKER_FORMATS = { date_picker: "YYYY-MM-DD", picker_time: "HH:mm", picker_datetime: "YYYY-MM-DD HH:mm" } as const;

// Tags by group (§8.3). The editor's preview and inspector import these lists.
export const FEISHU_CONTAINER_TAGS = ["column_set", "column", "form", "interactive_container", "collapsible_panel"] as const;
export const FEISHU_DISPLAY_TAGS = ["markdown", "div", "hr", "img", "img_combination", "chart", "table", "person", "person_list"] as const;
/** Components that take input or clicks: each takes behaviors; inside a form each needs a unique `name` (error 200530). */
export const FEISHU_INTERACTIVE_TAGS: readonly string[] = [
  "input", "button", "overflow", "select_static", "multi_select_static", "select_person", "multi_select_person",
  "date_picker", "picker_time", "picker_datetime", "select_img", "checker",
];
/** Every tag of card JSON 2.0 this builder checks. */
export const FEISHU_TAGS: readonly string[] = [...FEISHU_CONTAINER_TAGS, ...FEISHU_DISPLAY_TAGS, ...FEISHU_INTERACTIVE_TAGS];
/** Tags whose value a submit puts in `form_value[name]` (buttons and overflow only fire; they hold no value). */
export const FEISHU_FORM_VALUE_TAGS: readonly string[] = [
  "input", "select_static", "multi_select_static", "select_person", "multi_select_person",
  "date_picker", "picker_time", "picker_datetime", "select_img", "checker",
];

/**
 * Components that need a unique `name` inside a form (200530): the value-holding ones and the button.
 * overflow takes no name (its attribute list has none); it fires on its own, like a callback button.
 */
export const FEISHU_NAMED_TAGS: readonly string[] = [...FEISHU_FORM_VALUE_TAGS, "button"];

/**
 * Where each kind may go (§8.3 nesting rules, from the container pages): a form and a table only at the
 * root ("表单容器组件不可被内嵌在其它组件内"; "表格组件…只可放在卡片根节点下"), a column only in a
 * column_set, which holds nothing else. Every other kind may go anywhere an element may.
 */
export const FEISHU_ROOT_ONLY_TAGS: readonly string[] = ["form", "table"];
/** Kinds that go anywhere an element may (everything but the root-only ones and column). */
export const FEISHU_CONTENT_TAGS: readonly string[] = FEISHU_TAGS.filter((tag) => tag !== "column" && !FEISHU_ROOT_ONLY_TAGS.includes(tag));
/** Kinds that only make sense in a form (their value is submitted with it); kept for older imports. */
export const FEISHU_FORM_FIELD_TAGS: readonly string[] = FEISHU_FORM_VALUE_TAGS;
