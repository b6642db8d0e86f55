import { getLayout } from "@/lib/platforms/registry";
import { describe, expect, it } from "vitest";
import type { RuleIssue } from "../types";
import { discordButton, discordGrid, discordRows, discordSelect } from "./fixtures/layouts";

const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const C = "components.0.components.0";
const one = (component: unknown) => discordRows([component]);

const table: { rule: string; layout: unknown; errors: string[] }[] = [
  // Rows: the 5-row boundary
  { rule: "5 action rows ok", layout: discordGrid(5, 1), errors: [] },
  { rule: "6 action rows rejected", layout: discordGrid(6, 1), errors: ["discord.rows.max@components.5"] },
  { rule: "5 buttons in a row ok", layout: discordGrid(1, 5), errors: [] },
  { rule: "6 buttons in a row rejected", layout: discordGrid(1, 6), errors: ["discord.row.buttonsMax@components.0.components.5"] },
  { rule: "full 5 × 5 ok", layout: discordGrid(5, 5), errors: [] },
  { rule: "at least one row", layout: { components: [] }, errors: ["discord.rows.none@components"] },
  { rule: "no empty row", layout: discordRows([]), errors: ["discord.row.empty@components.0"] },
  { rule: "row type is 1", layout: { components: [{ type: 2, components: [discordButton("a")] }] }, errors: ["discord.row.type@components.0.type"] },
  // Selects fill their row
  { rule: "a select alone ok", layout: one(discordSelect("s")), errors: [] },
  { rule: "select with a button rejected", layout: discordRows([discordSelect("s"), discordButton("b")]), errors: ["discord.row.selectAlone@components.0.components"] },
  { rule: "two selects rejected", layout: discordRows([discordSelect("s1"), discordSelect("s2")]), errors: ["discord.row.selectAlone@components.0.components"] },
  { rule: "text input is modal-only", layout: one({ type: 4, custom_id: "t", style: 1, label: "x" }), errors: [`discord.component.modalOnly@${C}.type`] },
  { rule: "unknown component type", layout: one({ type: 9 }), errors: [`discord.component.type@${C}.type`] },
  // Button styles and their fields
  ...[1, 2, 3, 4].map((style) => ({ rule: `style ${style} with custom_id ok`, layout: one(discordButton("a", { style })), errors: [] })),
  { rule: "style 7 rejected", layout: one(discordButton("a", { style: 7 })), errors: [`field.enum@${C}.style`] },
  { rule: "primary needs custom_id", layout: one({ type: 2, style: 1, label: "x" }), errors: [`discord.button.requires@${C}.custom_id`] },
  { rule: "primary must not have url", layout: one(discordButton("a", { url: "https://x.dev" })), errors: [`discord.button.forbidden@${C}.url`] },
  { rule: "primary must not have sku_id", layout: one(discordButton("a", { sku_id: "1" })), errors: [`discord.button.forbidden@${C}.sku_id`] },
  { rule: "link with url ok", layout: one({ type: 2, style: 5, label: "Docs", url: "https://discord.com/developers" }), errors: [] },
  { rule: "link needs url", layout: one({ type: 2, style: 5, label: "Docs" }), errors: [`discord.button.requires@${C}.url`] },
  { rule: "link must not have custom_id", layout: one({ type: 2, style: 5, label: "Docs", url: "https://x.dev", custom_id: "c" }), errors: [`discord.button.forbidden@${C}.custom_id`] },
  { rule: "link url must be http(s)/discord", layout: one({ type: 2, style: 5, label: "Docs", url: "ftp://x" }), errors: [`discord.button.url@${C}.url`] },
  { rule: "premium with sku_id ok", layout: one({ type: 2, style: 6, sku_id: "1234" }), errors: [] },
  { rule: "premium needs sku_id", layout: one({ type: 2, style: 6 }), errors: [`discord.button.requires@${C}.sku_id`] },
  { rule: "premium must not have label", layout: one({ type: 2, style: 6, sku_id: "1", label: "Buy" }), errors: [`discord.button.forbidden@${C}.label`] },
  { rule: "button needs label or emoji", layout: one({ type: 2, style: 1, custom_id: "a" }), errors: [`discord.button.labelOrEmoji@${C}.label`] },
  { rule: "an empty emoji is no label", layout: one({ type: 2, style: 1, custom_id: "a", emoji: {} }), errors: [`discord.button.labelOrEmoji@${C}.label`] },
  { rule: "emoji instead of label ok", layout: one({ type: 2, style: 1, custom_id: "a", emoji: { name: "🔥" } }), errors: [] },
  // Lengths: the exact boundaries
  { rule: "custom_id of 100 chars ok", layout: one(discordButton("x".repeat(100), { label: "L" })), errors: [] },
  { rule: "custom_id of 101 chars rejected", layout: one(discordButton("x".repeat(101), { label: "L" })), errors: [`field.tooLong@${C}.custom_id`] },
  { rule: "empty custom_id rejected", layout: one(discordButton("")), errors: [`field.empty@${C}.custom_id`] },
  { rule: "label of 80 chars ok", layout: one(discordButton("a", { label: "l".repeat(80) })), errors: [] },
  { rule: "label of 81 chars rejected", layout: one(discordButton("a", { label: "l".repeat(81) })), errors: [`field.tooLong@${C}.label`] },
  { rule: "url of 512 chars ok", layout: one({ type: 2, style: 5, label: "L", url: `https://x.dev/${"a".repeat(498)}` }), errors: [] },
  { rule: "url of 513 chars rejected", layout: one({ type: 2, style: 5, label: "L", url: `https://x.dev/${"a".repeat(499)}` }), errors: [`field.tooLong@${C}.url`] },
  // Unique custom_id across the message
  { rule: "custom_id unique across rows", layout: discordRows([discordButton("same")], [discordButton("same")]), errors: ["discord.customId.duplicate@components.1.components.0.custom_id"] },
  { rule: "select custom_id counts too", layout: discordRows([discordButton("same")], [discordSelect("same")]), errors: ["discord.customId.duplicate@components.1.components.0.custom_id"] },
  // Select option limits
  { rule: "25 options ok", layout: one(discordSelect("s", { options: options(25) })), errors: [] },
  { rule: "26 options rejected", layout: one(discordSelect("s", { options: options(26) })), errors: [`field.tooMany@${C}.options`] },
  { rule: "string select needs options", layout: one({ type: 3, custom_id: "s" }), errors: [`discord.select.optionsRequired@${C}.options`] },
  { rule: "user select takes no options", layout: one({ type: 5, custom_id: "s", options: options(1) }), errors: [`discord.select.optionsForbidden@${C}.options`] },
  { rule: "user select without options ok", layout: one({ type: 5, custom_id: "s" }), errors: [] },
  { rule: "option label of 100 ok", layout: one(discordSelect("s", { options: [{ label: "l".repeat(100), value: "v" }] })), errors: [] },
  { rule: "option label of 101 rejected", layout: one(discordSelect("s", { options: [{ label: "l".repeat(101), value: "v" }] })), errors: [`field.tooLong@${C}.options.0.label`] },
  { rule: "option description of 101 rejected", layout: one(discordSelect("s", { options: [{ label: "l", value: "v", description: "d".repeat(101) }] })), errors: [`field.tooLong@${C}.options.0.description`] },
  { rule: "placeholder of 150 ok", layout: one(discordSelect("s", { placeholder: "p".repeat(150) })), errors: [] },
  { rule: "placeholder of 151 rejected", layout: one(discordSelect("s", { placeholder: "p".repeat(151) })), errors: [`field.tooLong@${C}.placeholder`] },
  { rule: "max_values 25 ok", layout: one(discordSelect("s", { options: options(25), max_values: 25 })), errors: [] },
  { rule: "max_values 26 rejected", layout: one(discordSelect("s", { options: options(25), max_values: 26 })), errors: [`field.max@${C}.max_values`] },
  { rule: "min_values 0 ok", layout: one(discordSelect("s", { min_values: 0 })), errors: [] },
  { rule: "min_values over max_values rejected", layout: one(discordSelect("s", { min_values: 2, max_values: 1 })), errors: [`discord.select.minOverMax@${C}.min_values`] },
  { rule: "max_values over option count rejected", layout: one(discordSelect("s", { max_values: 3 })), errors: [`discord.select.maxOverOptions@${C}.max_values`] },
  { rule: "option values unique", layout: one(discordSelect("s", { options: [{ label: "a", value: "v" }, { label: "b", value: "v" }] })), errors: [`discord.select.valueDuplicate@${C}.options.1.value`] },
  // Numeric component ids: int32, unique in the message; 0 means unset (components/reference.mdx, Anatomy)
  { rule: "ids unique across rows ok", layout: discordRows([discordButton("a", { id: 1 })], [discordButton("b", { id: 2 })]), errors: [] },
  { rule: "an id used twice rejected", layout: discordRows([discordButton("a", { id: 1 })], [discordButton("b", { id: 1 })]), errors: ["discord.id.duplicate@components.1.components.0.id"] },
  { rule: "a row's id counts too", layout: { components: [{ type: 1, id: 5, components: [discordButton("a", { id: 5 })] }] }, errors: [`discord.id.duplicate@${C}.id`] },
  { rule: "ids of 0 never collide", layout: discordRows([discordButton("a", { id: 0 }), discordButton("b", { id: 0 })]), errors: [] },
  { rule: "id 2^31-1 ok", layout: one(discordButton("a", { id: 2 ** 31 - 1 })), errors: [] },
  { rule: "id 2^31 rejected", layout: one(discordButton("a", { id: 2 ** 31 })), errors: [`discord.id.range@${C}.id`] },
  // Auto-populated selects: default_values within min..max and of the select's kind; channel_types on channel selects
  { rule: "2 default users with max 2 ok", layout: one({ type: 5, custom_id: "u", max_values: 2, default_values: users(2) }), errors: [] },
  { rule: "3 default users with max 2 rejected", layout: one({ type: 5, custom_id: "u", max_values: 2, default_values: users(3) }), errors: [`discord.select.defaultValuesCount@${C}.default_values`] },
  { rule: "2 default users with the default max 1 rejected", layout: one({ type: 5, custom_id: "u", default_values: users(2) }), errors: [`discord.select.defaultValuesCount@${C}.default_values`] },
  { rule: "1 default with min 2 rejected", layout: one({ type: 6, custom_id: "r", min_values: 2, max_values: 3, default_values: [{ id: "1", type: "role" }] }), errors: [`discord.select.defaultValuesCount@${C}.default_values`] },
  { rule: "a role default in a user select rejected", layout: one({ type: 5, custom_id: "u", default_values: [{ id: "1", type: "role" }] }), errors: [`discord.select.defaultValueType@${C}.default_values.0.type`] },
  { rule: "a channel default in a channel select ok", layout: one({ type: 8, custom_id: "c", default_values: [{ id: "1", type: "channel" }] }), errors: [] },
  { rule: "26 default values rejected", layout: one({ type: 5, custom_id: "u", min_values: 0, max_values: 25, default_values: users(26) }), errors: [`field.tooMany@${C}.default_values`] },
  { rule: "channel_types on a channel select ok", layout: one({ type: 8, custom_id: "c", channel_types: [0] }), errors: [] },
  { rule: "channel_types on a role select rejected", layout: one({ type: 6, custom_id: "r", channel_types: [0] }), errors: [`discord.select.channelTypesOnly@${C}.channel_types`] },
  { rule: "disabled select ok in a message", layout: one(discordSelect("s", { disabled: true })), errors: [] },
];

describe("Discord component rules", () => {
  it.each(table)("$rule", ({ layout, errors }) => {
    const result = getLayout("discord").validate(layout);
    expect(at(result.errors)).toEqual(errors);
    expect(result.ok).toBe(errors.length === 0);
  });

  it.each([
    { rule: "required is ignored in a message", layout: one(discordSelect("s", { required: true })), warnings: [`discord.select.requiredIgnored@${C}.required`] },
    { rule: "a string select preselects with option.default", layout: one(discordSelect("s", { default_values: [] })), warnings: [`discord.select.defaultValuesUnused@${C}.default_values`] },
  ])("warns: $rule", ({ layout, warnings }) => {
    const result = getLayout("discord").validate(layout);
    expect(at(result.warnings)).toEqual(warnings);
    expect(result.ok).toBe(true);
  });

  it("starts new templates from a valid layout", () => {
    expect(getLayout("discord").validate(getLayout("discord").emptyLayout()).ok).toBe(true);
  });
});

function users(count: number) {
  return Array.from({ length: count }, (_, i) => ({ id: `10000000000000000${i}`, type: "user" }));
}

function options(count: number) {
  return Array.from({ length: count }, (_, i) => ({ label: `Option ${i}`, value: `v${i}` }));
}
