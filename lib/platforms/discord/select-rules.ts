import type { IssuePath, RuleIssue } from "../types";
import { DISCORD_COMPONENT, DISCORD_DEFAULT_VALUE_TYPES } from "./limits";
import type { DiscordSelect } from "./schema";

interface Findings {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

/**
 * Cross-field rules of a select in a message (legacy or V2), after its schema passed
 * (components/reference.mdx: String, User, Role, Mentionable and Channel Select structures).
 */
export function checkSelect(select: DiscordSelect, path: IssuePath, found: Findings): void {
  const isStringSelect = select.type === DISCORD_COMPONENT.stringSelect;
  if (isStringSelect && !select.options) {
    found.errors.push({ code: "discord.select.optionsRequired", path: [...path, "options"] });
  }
  if (!isStringSelect && select.options) {
    found.errors.push({ code: "discord.select.optionsForbidden", path: [...path, "options"] });
  }
  // Both default to 1 when omitted.
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
  checkDefaultValues(select, path, min, max, found);
  if (select.channel_types !== undefined && select.type !== DISCORD_COMPONENT.channelSelect) {
    found.errors.push({ code: "discord.select.channelTypesOnly", path: [...path, "channel_types"] });
  }
  // "The required field is only available for … Selects in modals. It is ignored in messages."
  if (select.required !== undefined) {
    found.warnings.push({ code: "discord.select.requiredIgnored", path: [...path, "required"] });
  }
}

/** "number of default values must be in the range defined by min_values and max_values"; each of the select's kind. */
function checkDefaultValues(select: DiscordSelect, path: IssuePath, min: number, max: number, found: Findings): void {
  const defaults = select.default_values;
  if (defaults === undefined) return;
  const allowed = DISCORD_DEFAULT_VALUE_TYPES[select.type];
  if (!allowed) {
    // String selects preselect with an option's `default`; their structure has no default_values (a warning: not documented as refused).
    found.warnings.push({ code: "discord.select.defaultValuesUnused", path: [...path, "default_values"] });
    return;
  }
  // An empty list preselects nothing, as an absent one does.
  if (defaults.length > 0 && (defaults.length < min || defaults.length > max)) {
    found.errors.push({ code: "discord.select.defaultValuesCount", path: [...path, "default_values"], params: { count: defaults.length, min, max } });
  }
  defaults.forEach((value, v) => {
    if (!allowed.includes(value.type)) {
      found.errors.push({ code: "discord.select.defaultValueType", path: [...path, "default_values", v, "type"], params: { type: value.type, allowed: allowed.join(", ") } });
    }
  });
}
