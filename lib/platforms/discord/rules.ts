import { isRecord, issuesFromZod, WITH_INPUT } from "../issues";
import type { IssuePath, RuleIssue } from "../types";
import {
  DISCORD_COMPONENT,
  DISCORD_COMPONENT_ID_MAX,
  DISCORD_COMPONENT_ID_MIN,
  DISCORD_MAX_BUTTONS_PER_ROW,
  DISCORD_MAX_ROWS,
  DISCORD_SELECT_TYPES,
  DISCORD_STYLE_LINK,
  DISCORD_STYLE_PREMIUM,
} from "./limits";
import { discordButtonSchema, discordSelectSchema, type DiscordButton } from "./schema";
import { checkSelect } from "./select-rules";

export interface Findings {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

/** What must be unique across one message, legacy or V2: custom_ids and numeric ids, with where each was first seen. */
export interface MessageScope {
  found: Findings;
  customIds: Map<string, IssuePath>;
  ids: Map<number, IssuePath>;
}

export const newMessageScope = (): MessageScope => ({ found: { errors: [], warnings: [] }, customIds: new Map(), ids: new Map() });

const SELECT_TYPES: readonly number[] = DISCORD_SELECT_TYPES;
// Link buttons open a URL in the client; Discord accepts http(s) and discord: links.
const LINK_URL = /^(https?|discord):\/\/\S+$/i;

/** Checks a Discord layout ({components: action rows}); structure first, then cross-field rules. */
export function checkDiscordLayout(layout: unknown): Findings {
  const scope = newMessageScope();
  const found = scope.found;
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
  rows.forEach((row: unknown, r) => checkActionRow(row, ["components", r], scope));
  return found;
}

/**
 * A component's optional numeric `id`: "32 bit integer … must be unique within the message"; an id of 0 "will
 * be treated as empty and replaced by the API", so zeros never collide (components/reference.mdx, Anatomy).
 */
export function checkComponentId(component: Record<string, unknown>, path: IssuePath, scope: MessageScope): void {
  const id = component.id;
  if (typeof id !== "number" || !Number.isInteger(id)) return;
  if (id < DISCORD_COMPONENT_ID_MIN || id > DISCORD_COMPONENT_ID_MAX) {
    scope.found.errors.push({ code: "discord.id.range", path: [...path, "id"], params: { min: DISCORD_COMPONENT_ID_MIN, max: DISCORD_COMPONENT_ID_MAX } });
    return;
  }
  if (id === 0) return;
  const first = scope.ids.get(id);
  if (first) scope.found.errors.push({ code: "discord.id.duplicate", path: [...path, "id"], params: { id: String(id), first: first.join(".") } });
  else scope.ids.set(id, [...path, "id"]);
}

/** An action row: 1–5 buttons or a single select, the same in legacy and V2 messages. */
export function checkActionRow(row: unknown, rowPath: IssuePath, scope: MessageScope): void {
  const found = scope.found;
  if (!isRecord(row)) {
    found.errors.push({ code: "field.type", path: rowPath, params: { expected: "object" } });
    return;
  }
  if (row.type !== DISCORD_COMPONENT.actionRow) {
    found.errors.push({ code: "discord.row.type", path: [...rowPath, "type"] });
  }
  checkComponentId(row, rowPath, scope);
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
  components.forEach((component: unknown, c) => checkInteractive(component, [...rowPath, "components", c], scope));
}

/** A button or select (in an action row, or a V2 section's accessory button): its own rules, then message-wide uniqueness. */
export function checkInteractive(component: unknown, path: IssuePath, scope: MessageScope): void {
  const found = scope.found;
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
  if (!isRecord(component)) return;
  checkComponentId(component, path, scope);
  const id = component.custom_id;
  if (typeof id === "string" && id !== "") {
    const first = scope.customIds.get(id);
    if (first) found.errors.push({ code: "discord.customId.duplicate", path: [...path, "custom_id"], params: { id, first: first.join(".") } });
    else scope.customIds.set(id, [...path, "custom_id"]);
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
