import { isRecord, issuesFromZod, WITH_INPUT } from "../issues";
import type { IssuePath, RuleIssue } from "../types";
import {
  DISCORD_COMPONENT,
  DISCORD_MAX_BUTTONS_PER_ROW,
  DISCORD_MAX_ROWS,
  DISCORD_SELECT_TYPES,
  DISCORD_STYLE_LINK,
  DISCORD_STYLE_PREMIUM,
} from "./limits";
import { discordButtonSchema, discordSelectSchema, type DiscordButton, type DiscordSelect } from "./schema";

interface Findings {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

const SELECT_TYPES: readonly number[] = DISCORD_SELECT_TYPES;
// Link buttons open a URL in the client; Discord accepts http(s) and discord: links.
const LINK_URL = /^(https?|discord):\/\/\S+$/i;

/** Checks a Discord layout ({components: action rows}); structure first, then cross-field rules. */
export function checkDiscordLayout(layout: unknown): Findings {
  const found: Findings = { errors: [], warnings: [] };
  if (!isRecord(layout)) {
    found.errors.push({ code: "field.type", path: [], params: { expected: "object" } });
    return found;
  }
  const rows = layout.components;
  if (!Array.isArray(rows)) {
    found.errors.push({ code: rows === undefined ? "field.required" : "field.type", path: ["components"], params: { expected: "array" } });
    return found;
  }
  if (rows.length === 0) found.errors.push({ code: "discord.rows.none", path: ["components"] });
  if (rows.length > DISCORD_MAX_ROWS) {
    found.errors.push({ code: "discord.rows.max", path: ["components", DISCORD_MAX_ROWS], params: { max: DISCORD_MAX_ROWS, count: rows.length } });
  }
  const customIds = new Map<string, IssuePath>();
  rows.forEach((row: unknown, r) => checkRow(row, ["components", r], customIds, found));
  return found;
}

function checkRow(row: unknown, rowPath: IssuePath, customIds: Map<string, IssuePath>, found: Findings): void {
  if (!isRecord(row)) {
    found.errors.push({ code: "field.type", path: rowPath, params: { expected: "object" } });
    return;
  }
  if (row.type !== DISCORD_COMPONENT.actionRow) {
    found.errors.push({ code: "discord.row.type", path: [...rowPath, "type"] });
  }
  const components = row.components;
  if (!Array.isArray(components)) {
    found.errors.push({ code: "field.required", path: [...rowPath, "components"] });
    return;
  }
  const selects = components.filter((c: unknown) => isRecord(c) && SELECT_TYPES.includes(Number(c.type))).length;
  if (components.length === 0) found.errors.push({ code: "discord.row.empty", path: rowPath });
  if (selects > 0 && components.length > 1) {
    found.errors.push({ code: "discord.row.selectAlone", path: [...rowPath, "components"] });
  } else if (components.length > DISCORD_MAX_BUTTONS_PER_ROW) {
    found.errors.push({
      code: "discord.row.buttonsMax",
      path: [...rowPath, "components", DISCORD_MAX_BUTTONS_PER_ROW],
      params: { max: DISCORD_MAX_BUTTONS_PER_ROW, count: components.length },
    });
  }
  components.forEach((component: unknown, c) => {
    const path = [...rowPath, "components", c];
    checkComponent(component, path, found);
    const id = isRecord(component) ? component.custom_id : undefined;
    if (typeof id === "string" && id !== "") {
      const first = customIds.get(id);
      if (first) found.errors.push({ code: "discord.customId.duplicate", path: [...path, "custom_id"], params: { id, first: first.join(".") } });
      else customIds.set(id, [...path, "custom_id"]);
    }
  });
}

function checkComponent(component: unknown, path: IssuePath, found: Findings): void {
  const type = isRecord(component) ? component.type : undefined;
  if (type === DISCORD_COMPONENT.button) {
    const parsed = discordButtonSchema.safeParse(component, WITH_INPUT);
    if (parsed.success) checkButton(parsed.data, path, found);
    else found.errors.push(...issuesFromZod(parsed.error, path));
  } else if (SELECT_TYPES.includes(Number(type))) {
    const parsed = discordSelectSchema.safeParse(component, WITH_INPUT);
    if (parsed.success) checkSelect(parsed.data, path, found);
    else found.errors.push(...issuesFromZod(parsed.error, path));
  } else if (type === DISCORD_COMPONENT.textInput) {
    found.errors.push({ code: "discord.component.modalOnly", path: [...path, "type"] });
  } else {
    found.errors.push({ code: "discord.component.type", path: [...path, "type"] });
  }
}

function checkButton(button: DiscordButton, path: IssuePath, found: Findings): void {
  const style = button.style;
  const forbid = (field: keyof DiscordButton) => {
    if (button[field] !== undefined) found.errors.push({ code: "discord.button.forbidden", path: [...path, field], params: { field, style } });
  };
  const require = (field: keyof DiscordButton) => {
    if (button[field] === undefined) found.errors.push({ code: "discord.button.requires", path: [...path, field], params: { field, style } });
  };
  if (style === DISCORD_STYLE_LINK) {
    require("url");
    forbid("custom_id");
    forbid("sku_id");
    if (button.url !== undefined && !LINK_URL.test(button.url)) {
      found.errors.push({ code: "discord.button.url", path: [...path, "url"] });
    }
  } else if (style === DISCORD_STYLE_PREMIUM) {
    require("sku_id");
    for (const field of ["custom_id", "label", "url", "emoji"] as const) forbid(field);
  } else {
    require("custom_id");
    forbid("url");
    forbid("sku_id");
  }
  if (style !== DISCORD_STYLE_PREMIUM && !button.label && !button.emoji?.name && !button.emoji?.id) {
    found.errors.push({ code: "discord.button.labelOrEmoji", path: [...path, "label"] });
  }
}

function checkSelect(select: DiscordSelect, path: IssuePath, found: Findings): void {
  const isStringSelect = select.type === DISCORD_COMPONENT.stringSelect;
  if (isStringSelect && !select.options) {
    found.errors.push({ code: "discord.select.optionsRequired", path: [...path, "options"] });
  }
  if (!isStringSelect && select.options) {
    found.errors.push({ code: "discord.select.optionsForbidden", path: [...path, "options"] });
  }
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  if (min > max) {
    found.errors.push({ code: "discord.select.minOverMax", path: [...path, "min_values"], params: { min, max } });
  }
  if (select.options && max > select.options.length) {
    found.errors.push({ code: "discord.select.maxOverOptions", path: [...path, "max_values"], params: { max, options: select.options.length } });
  }
  const values = new Set<string>();
  select.options?.forEach((option, o) => {
    if (values.has(option.value)) {
      found.errors.push({ code: "discord.select.valueDuplicate", path: [...path, "options", o, "value"], params: { value: option.value } });
    }
    values.add(option.value);
  });
}
