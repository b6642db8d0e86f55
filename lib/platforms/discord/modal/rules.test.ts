import { describe, expect, it } from "vitest";
import type { RuleIssue } from "../../types";
import { choices, label, labels, modal, textInput, withControl } from "./fixtures";
import { discordModalLayout } from "./index";

const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const C = "components.0.component";
const select = (type: number, patch: Record<string, unknown> = {}) =>
  ({ type, custom_id: "s", ...(type === 3 ? { options: choices(2) } : {}), ...patch });

const table: { rule: string; layout: unknown; errors: string[]; warnings?: string[] }[] = [
  // The modal itself
  { rule: "title of 45 ok", layout: modal([label(textInput("a"))], { title: "t".repeat(45) }), errors: [] },
  { rule: "title of 46 rejected", layout: modal([label(textInput("a"))], { title: "t".repeat(46) }), errors: ["discord.modal.title.length@title"] },
  { rule: "empty title rejected", layout: modal([label(textInput("a"))], { title: "" }), errors: ["discord.modal.title.length@title"] },
  { rule: "title required", layout: { custom_id: "m", components: [label(textInput("a"))] }, errors: ["field.required@title"] },
  { rule: "modal custom_id of 100 ok", layout: modal([label(textInput("a"))], { custom_id: "m".repeat(100) }), errors: [] },
  { rule: "modal custom_id of 101 rejected", layout: modal([label(textInput("a"))], { custom_id: "m".repeat(101) }), errors: ["discord.modal.customId.length@custom_id"] },
  { rule: "empty modal custom_id rejected", layout: modal([label(textInput("a"))], { custom_id: "" }), errors: ["discord.modal.customId.length@custom_id"] },
  { rule: "5 components ok", layout: labels(5), errors: [] },
  { rule: "6 components rejected", layout: labels(6), errors: ["discord.modal.components.max@components.5"] },
  { rule: "no components rejected", layout: modal([]), errors: ["discord.modal.components.none@components"] },
  { rule: "a text display at the top ok", layout: modal([{ type: 10, content: "Hello" }, label(textInput("a"))]), errors: [] },
  { rule: "a button at the top rejected", layout: modal([{ type: 2, style: 1, label: "x", custom_id: "b" }]), errors: ["discord.modal.component.type@components.0.type"] },
  {
    rule: "action row + text input accepted, deprecated",
    layout: modal([{ type: 1, components: [textInput("a", { label: "Name" })] }]),
    errors: [],
    warnings: ["discord.modal.actionRow.deprecated@components.0"],
  },
  {
    rule: "action row with two text inputs rejected",
    layout: modal([{ type: 1, components: [textInput("a", { label: "A" }), textInput("b", { label: "B" })] }]),
    errors: ["discord.modal.actionRow.textInput@components.0.components"],
    warnings: ["discord.modal.actionRow.deprecated@components.0"],
  },
  {
    rule: "text input in an action row needs a label ≤ 45",
    layout: modal([{ type: 1, components: [textInput("a", { label: "l".repeat(46) })] }]),
    errors: ["discord.modal.textInput.label@components.0.components.0.label"],
    warnings: ["discord.modal.actionRow.deprecated@components.0"],
  },
  // Label
  { rule: "label of 45 ok", layout: modal([label(textInput("a"), { label: "l".repeat(45) })]), errors: [] },
  { rule: "label of 46 rejected", layout: modal([label(textInput("a"), { label: "l".repeat(46) })]), errors: ["discord.modal.label.length@components.0.label"] },
  { rule: "description of 100 ok", layout: modal([label(textInput("a"), { description: "d".repeat(100) })]), errors: [] },
  { rule: "description of 101 rejected", layout: modal([label(textInput("a"), { description: "d".repeat(101) })]), errors: ["discord.modal.label.description@components.0.description"] },
  { rule: "an empty label rejected", layout: modal([{ type: 18, label: "Q" }]), errors: ["discord.modal.label.empty@components.0.component"] },
  { rule: "a button in a label rejected", layout: withControl({ type: 2, style: 1, label: "x", custom_id: "b" }), errors: [`discord.modal.label.component@${C}.type`] },
  // Text Input
  { rule: "paragraph style ok", layout: withControl(textInput("a", { style: 2 })), errors: [] },
  { rule: "style 3 rejected", layout: withControl(textInput("a", { style: 3 })), errors: [`discord.modal.textInput.style@${C}.style`] },
  { rule: "min_length 0 and 4,000 ok", layout: withControl(textInput("a", { min_length: 4000, max_length: 4000 })), errors: [] },
  { rule: "min_length 4,001 rejected", layout: withControl(textInput("a", { min_length: 4001 })), errors: [`discord.modal.textInput.minLength@${C}.min_length`] },
  { rule: "min_length -1 rejected", layout: withControl(textInput("a", { min_length: -1 })), errors: [`discord.modal.textInput.minLength@${C}.min_length`] },
  { rule: "max_length 1 ok", layout: withControl(textInput("a", { max_length: 1 })), errors: [] },
  { rule: "max_length 0 rejected", layout: withControl(textInput("a", { max_length: 0 })), errors: [`discord.modal.textInput.maxLength@${C}.max_length`] },
  { rule: "max_length 4,001 rejected", layout: withControl(textInput("a", { max_length: 4001 })), errors: [`discord.modal.textInput.maxLength@${C}.max_length`] },
  { rule: "min_length over max_length rejected", layout: withControl(textInput("a", { min_length: 11, max_length: 10 })), errors: [`discord.modal.textInput.minOverMax@${C}.min_length`] },
  { rule: "value of 4,000 ok", layout: withControl(textInput("a", { style: 2, value: "v".repeat(4000) })), errors: [] },
  { rule: "value of 4,001 rejected", layout: withControl(textInput("a", { style: 2, value: "v".repeat(4001) })), errors: [`discord.modal.textInput.value@${C}.value`] },
  { rule: "placeholder of 100 ok", layout: withControl(textInput("a", { placeholder: "p".repeat(100) })), errors: [] },
  { rule: "placeholder of 101 rejected", layout: withControl(textInput("a", { placeholder: "p".repeat(101) })), errors: [`discord.modal.textInput.placeholder@${C}.placeholder`] },
  { rule: "a text input in a label takes no label", layout: withControl(textInput("a", { label: "Name" })), errors: [`discord.modal.textInput.labelInLabel@${C}.label`] },
  { rule: "control custom_id of 101 rejected", layout: withControl(textInput("a".repeat(101))), errors: [`discord.modal.customId.length@${C}.custom_id`] },
  { rule: "control needs a custom_id", layout: withControl({ type: 4, style: 1 }), errors: [`field.required@${C}.custom_id`] },
  // Selects in a modal
  ...[3, 5, 6, 7, 8].map((type) => ({ rule: `select ${type} in a label ok`, layout: withControl(select(type)), errors: [] })),
  { rule: "required allowed on a select", layout: withControl(select(3, { required: false, min_values: 0 })), errors: [] },
  { rule: "disabled refused on a select", layout: withControl(select(3, { disabled: false })), errors: [`discord.modal.disabled@${C}.disabled`] },
  { rule: "25 options ok", layout: withControl(select(3, { options: choices(25) })), errors: [] },
  { rule: "26 options rejected", layout: withControl(select(3, { options: choices(26) })), errors: [`discord.modal.select.options@${C}.options`] },
  { rule: "string select needs options", layout: withControl({ type: 3, custom_id: "s" }), errors: [`discord.modal.select.optionsRequired@${C}.options`] },
  { rule: "user select takes no options", layout: withControl(select(5, { options: choices(1) })), errors: [`discord.modal.select.optionsForbidden@${C}.options`] },
  { rule: "select placeholder of 150 ok", layout: withControl(select(5, { placeholder: "p".repeat(150) })), errors: [] },
  { rule: "select placeholder of 151 rejected", layout: withControl(select(5, { placeholder: "p".repeat(151) })), errors: [`discord.modal.select.placeholder@${C}.placeholder`] },
  { rule: "max_values 25 ok", layout: withControl(select(5, { max_values: 25 })), errors: [] },
  { rule: "max_values 26 rejected", layout: withControl(select(5, { max_values: 26 })), errors: [`discord.modal.values.max@${C}.max_values`] },
  { rule: "min_values 26 rejected", layout: withControl(select(5, { min_values: 26, max_values: 25 })), errors: [`discord.modal.values.min@${C}.min_values`, `discord.modal.values.minOverMax@${C}.min_values`] },
  { rule: "min over max rejected", layout: withControl(select(5, { min_values: 3, max_values: 2 })), errors: [`discord.modal.values.minOverMax@${C}.min_values`] },
  { rule: "min_values 0 while required rejected", layout: withControl(select(5, { min_values: 0 })), errors: [`discord.modal.values.requiredMin@${C}.min_values`] },
  { rule: "max_values over options rejected", layout: withControl(select(3, { max_values: 3 })), errors: [`discord.modal.select.maxOverOptions@${C}.max_values`] },
  { rule: "option label of 100 ok", layout: withControl(select(3, { options: choices(1, () => ({ label: "l".repeat(100) })) })), errors: [] },
  { rule: "option label of 101 rejected", layout: withControl(select(3, { options: choices(1, () => ({ label: "l".repeat(101) })) })), errors: [`discord.modal.option.label@${C}.options.0.label`] },
  { rule: "option value of 101 rejected", layout: withControl(select(3, { options: choices(1, () => ({ value: "v".repeat(101) })) })), errors: [`discord.modal.option.value@${C}.options.0.value`] },
  { rule: "option description of 101 rejected", layout: withControl(select(3, { options: choices(1, () => ({ description: "d".repeat(101) })) })), errors: [`discord.modal.option.description@${C}.options.0.description`] },
  { rule: "duplicate option values rejected", layout: withControl(select(3, { options: choices(2, () => ({ value: "same" })) })), errors: [`discord.modal.option.duplicate@${C}.options.1.value`] },
  { rule: "default_values within min..max ok", layout: withControl(select(5, { default_values: [{ id: "1", type: "user" }] })), errors: [] },
  {
    rule: "default_values beyond max_values rejected",
    layout: withControl(select(5, { default_values: [{ id: "1", type: "user" }, { id: "2", type: "user" }] })),
    errors: [`discord.modal.select.defaultValuesCount@${C}.default_values`],
  },
  { rule: "a role default in a user select rejected", layout: withControl(select(5, { default_values: [{ id: "1", type: "role" }] })), errors: [`discord.modal.select.defaultValueType@${C}.default_values.0.type`] },
  { rule: "default_values on a string select rejected", layout: withControl(select(3, { default_values: [{ id: "1", type: "user" }] })), errors: [`discord.modal.select.defaultValuesForbidden@${C}.default_values`] },
  { rule: "channel_types on a channel select ok", layout: withControl(select(8, { channel_types: [0] })), errors: [] },
  { rule: "channel_types on a role select rejected", layout: withControl(select(6, { channel_types: [0] })), errors: [`discord.modal.select.channelTypes@${C}.channel_types`] },
  // File Upload
  { rule: "file upload 0..10 ok", layout: withControl({ type: 19, custom_id: "f", min_values: 0, max_values: 10, required: false }), errors: [] },
  { rule: "file upload max 11 rejected", layout: withControl({ type: 19, custom_id: "f", max_values: 11 }), errors: [`discord.modal.values.max@${C}.max_values`] },
  { rule: "file upload min 11 rejected", layout: withControl({ type: 19, custom_id: "f", min_values: 11, max_values: 10 }), errors: [`discord.modal.values.min@${C}.min_values`, `discord.modal.values.minOverMax@${C}.min_values`] },
  { rule: "file upload max 0 rejected", layout: withControl({ type: 19, custom_id: "f", max_values: 0 }), errors: [`discord.modal.values.max@${C}.max_values`, `discord.modal.values.minOverMax@${C}.min_values`] },
  { rule: "file types ok", layout: withControl({ type: 19, custom_id: "f", file_types: ["image", ".pdf"] }), errors: [] },
  { rule: "a file type that is no type rejected", layout: withControl({ type: 19, custom_id: "f", file_types: ["pdf"] }), errors: [`discord.modal.fileUpload.fileType@${C}.file_types.0`] },
  { rule: "10 file types ok", layout: withControl({ type: 19, custom_id: "f", file_types: Array.from({ length: 10 }, (_, i) => `.e${i}`) }), errors: [] },
  { rule: "11 file types rejected", layout: withControl({ type: 19, custom_id: "f", file_types: Array.from({ length: 11 }, (_, i) => `.e${i}`) }), errors: [`discord.modal.fileUpload.fileTypesMax@${C}.file_types`] },
  // Radio Group
  { rule: "radio with 2 options ok", layout: withControl({ type: 21, custom_id: "r", options: choices(2) }), errors: [] },
  { rule: "radio with 1 option rejected", layout: withControl({ type: 21, custom_id: "r", options: choices(1) }), errors: [`discord.modal.radio.options@${C}.options`] },
  { rule: "radio with 10 options ok", layout: withControl({ type: 21, custom_id: "r", options: choices(10) }), errors: [] },
  { rule: "radio with 11 options rejected", layout: withControl({ type: 21, custom_id: "r", options: choices(11) }), errors: [`discord.modal.radio.options@${C}.options`] },
  { rule: "radio with two defaults rejected", layout: withControl({ type: 21, custom_id: "r", options: choices(3, (i) => ({ default: i < 2 })) }), errors: [`discord.modal.radio.defaults@${C}.options`] },
  // Checkbox Group
  { rule: "checkbox group with 1 option ok", layout: withControl({ type: 22, custom_id: "c", options: choices(1) }), errors: [] },
  { rule: "checkbox group with 0 options rejected", layout: withControl({ type: 22, custom_id: "c", options: [] }), errors: [`discord.modal.checkboxGroup.options@${C}.options`, `discord.modal.values.minOverMax@${C}.min_values`] },
  { rule: "checkbox group with 10 options ok", layout: withControl({ type: 22, custom_id: "c", options: choices(10), max_values: 10 }), errors: [] },
  { rule: "checkbox group with 11 options rejected", layout: withControl({ type: 22, custom_id: "c", options: choices(11) }), errors: [`discord.modal.checkboxGroup.options@${C}.options`] },
  { rule: "checkbox group max over options rejected", layout: withControl({ type: 22, custom_id: "c", options: choices(2), max_values: 3 }), errors: [`discord.modal.checkboxGroup.maxOverOptions@${C}.max_values`] },
  { rule: "checkbox group max 11 rejected", layout: withControl({ type: 22, custom_id: "c", options: choices(10), max_values: 11 }), errors: [`discord.modal.values.max@${C}.max_values`, `discord.modal.checkboxGroup.maxOverOptions@${C}.max_values`] },
  { rule: "checkbox group defaults over max rejected", layout: withControl({ type: 22, custom_id: "c", options: choices(3, () => ({ default: true })), max_values: 2 }), errors: [`discord.modal.checkboxGroup.defaults@${C}.options`] },
  // Checkbox
  { rule: "checkbox ok", layout: withControl({ type: 23, custom_id: "x", default: true }), errors: [] },
  { rule: "checkbox cannot be required", layout: withControl({ type: 23, custom_id: "x", required: true }), errors: [], warnings: [`discord.modal.checkbox.required@${C}.required`] },
  { rule: "disabled checkbox rejected", layout: withControl({ type: 23, custom_id: "x", disabled: true }), errors: [`discord.modal.disabled@${C}.disabled`] },
  // Unique ids across the modal
  { rule: "custom_id unique in the modal", layout: modal([label(textInput("same")), label(textInput("same"))]), errors: ["discord.modal.customId.duplicate@components.1.component.custom_id"] },
  { rule: "numeric id unique in the modal", layout: modal([label(textInput("a", { id: 7 }), { id: 7 })]), errors: ["discord.modal.id.duplicate@components.0.component.id"] },
  { rule: "id 0 means unset, may repeat", layout: modal([label(textInput("a", { id: 0 }), { id: 0 })]), errors: [] },
  { rule: "id 2^31-1 ok", layout: modal([label(textInput("a"), { id: 2 ** 31 - 1 })]), errors: [] },
  { rule: "id 2^31 rejected", layout: modal([label(textInput("a"), { id: 2 ** 31 })]), errors: ["discord.modal.id.range@components.0.id"] },
];

describe("Discord modal rules", () => {
  it.each(table)("$rule", ({ layout, errors, warnings }) => {
    const result = discordModalLayout.validate(layout);
    expect(at(result.errors)).toEqual(errors);
    expect(at(result.warnings)).toEqual(warnings ?? []);
    expect(result.ok).toBe(errors.length === 0);
  });

  it("accepts the docs' examples (reference.mdx: Label, File Upload, Radio Group, Checkbox Group, Checkbox)", () => {
    const docs = modal([
      label({ type: 4, custom_id: "game_feedback", style: 2, min_length: 100, max_length: 4000, placeholder: "Write your feedback here...", required: true }, { description: "Please give us as much detail as possible so we can improve the game!" }),
      label({ type: 19, custom_id: "file_upload", min_values: 1, max_values: 10, required: true }),
      label({ type: 21, custom_id: "class_radio", options: [{ value: "warrior", label: "Warrior", description: "Strong and brave" }, { value: "rogue", label: "Rogue" }] }),
      label({ type: 22, custom_id: "event_checkbox", options: [{ value: "march-4", label: "March 4th" }, { value: "march-5", label: "March 5th" }] }),
      label({ type: 23, custom_id: "like_checkbox" }),
    ]);
    expect(discordModalLayout.validate(docs)).toMatchObject({ ok: true, errors: [], warnings: [] });
  });

  it("checks structure: a modal that is not an object, components that are not a list", () => {
    expect(at(discordModalLayout.validate("x").errors)).toEqual(["field.type@"]);
    expect(at(discordModalLayout.validate({ title: "t", custom_id: "m", components: {} }).errors)).toEqual(["field.type@components"]);
    expect(at(discordModalLayout.validate(withControl({ type: 4, custom_id: "a", style: "short" })).errors)).toEqual([`field.type@${C}.style`]);
  });
});
