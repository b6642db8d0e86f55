import * as B from "@discordjs/builders";
import { describe, expect, it } from "vitest";
import type { RuleIssue } from "../../types";
import { discordV2Layout } from ".";
import {
  button, buttons, container, file, gallery, ISSUE_EXAMPLE, item, row, section, separator, text, texts, thumbnail, userSelect, users, v2,
} from "./fixtures/layouts";

const at = (issues: RuleIssue[]) => issues.map((i) => `${i.code}@${i.path.join(".")}`);
const C0 = "components.0";

/**
 * @discordjs/builders 1.15 as a second opinion. `agrees`: it accepts exactly when our rules do. Where it lags the
 * docs (protocols.md §8.1: no message- or row-level checks, placement not checked on raw data, ids read as unsigned
 * 1..2^32-1 while the docs say "32 bit integer" with 0 meaning unset) the disagreement is expected and asserted, so
 * the row fails if builders catches up and the note must be revisited.
 */
interface Oracle {
  run: () => unknown;
  agrees: boolean;
}
const accepts = (run: () => unknown) => {
  try {
    run();
    return true;
  } catch {
    return false;
  }
};
/** builders' checks of every top-level component it knows (it has no message-level rules). */
const built = (layout: { components: unknown[] }, agrees = true): Oracle => ({
  run: () => layout.components.forEach((c) => B.createComponentBuilder(c as never).toJSON()),
  agrees,
});
const setter = (run: () => unknown, agrees = true): Oracle => ({ run, agrees });

interface Row {
  rule: string;
  layout: unknown;
  errors: string[];
  warnings?: string[];
  oracle?: Oracle;
}

const table: Row[] = [
  { rule: "the issue's container message is valid", layout: ISSUE_EXAMPLE, errors: [], oracle: built(ISSUE_EXAMPLE) },
  { rule: "a new template is valid", layout: discordV2Layout.emptyLayout(), errors: [] },
  // Flag and the fields it disables
  { rule: "other flag bits are kept (ephemeral 64)", layout: { ...v2(text()), flags: 32768 | 64 }, errors: [] },
  { rule: "flags without IS_COMPONENTS_V2", layout: { ...v2(text()), flags: 0 }, errors: ["discord.v2.flag@flags"] },
  { rule: "flags missing", layout: { components: [text()] }, errors: ["discord.v2.flag@flags"] },
  { rule: "content refused", layout: { ...v2(text()), content: "hi" }, errors: ["discord.v2.field.refused@content"] },
  { rule: "content null clears, ok", layout: { ...v2(text()), content: null }, errors: [] },
  { rule: "embeds refused", layout: { ...v2(text()), embeds: [{ title: "x" }] }, errors: ["discord.v2.field.refused@embeds"] },
  { rule: "empty embeds ok", layout: { ...v2(text()), embeds: [] }, errors: [] },
  { rule: "poll refused", layout: { ...v2(text()), poll: { question: { text: "?" } } }, errors: ["discord.v2.field.refused@poll"] },
  { rule: "sticker_ids refused", layout: { ...v2(text()), sticker_ids: ["1"] }, errors: ["discord.v2.field.refused@sticker_ids"] },
  { rule: "at least one component", layout: v2(), errors: ["discord.v2.components.none@components"] },
  // 40 components in total, nested ones counted
  { rule: "40 top-level components ok", layout: v2(...texts(40)), errors: [], oracle: built(v2(...texts(40))) },
  { rule: "41 top-level components rejected", layout: v2(...texts(41)), errors: ["discord.v2.components.max@components.40"], oracle: built(v2(...texts(41)), false) },
  { rule: "container + 39 children = 40 ok", layout: v2(container(texts(39))), errors: [] },
  { rule: "container + 40 children = 41 rejected", layout: v2(container(texts(40))), errors: [`discord.v2.components.max@${C0}.components.39`] },
  {
    rule: "rows, buttons and accessories count: 40 ok",
    // 6 rows × (1 + 5) = 36, a section with its text and accessory = 39, one text = 40.
    layout: v2(...[0, 1, 2, 3, 4, 5].map((r) => row(...buttons(5, `r${r}_`))), section([text()]), text()),
    errors: [],
  },
  {
    rule: "rows, buttons and accessories count: 41 rejected at the 41st",
    layout: v2(...[0, 1, 2, 3, 4, 5].map((r) => row(...buttons(5, `r${r}_`))), section([text()]), text(), text()),
    errors: ["discord.v2.components.max@components.8"],
  },
  // 4,000 characters across all Text Displays
  { rule: "one text of 4,000 ok", layout: v2(text("x".repeat(4000))), errors: [], oracle: built(v2(text("x".repeat(4000)))) },
  { rule: "one text of 4,001 rejected", layout: v2(text("x".repeat(4001))), errors: ["discord.v2.text.total@components.0.content"], oracle: built(v2(text("x".repeat(4001)))) },
  { rule: "2,000 + 2,000 across texts ok", layout: v2(text("x".repeat(2000)), section([text("y".repeat(2000))])), errors: [] },
  {
    rule: "2,000 + 2,001 across texts rejected (builders checks each text alone)",
    layout: v2(text("x".repeat(2000)), container([text("y".repeat(2001))])),
    errors: [`discord.v2.text.total@components.1.components.0.content`],
    oracle: built(v2(text("x".repeat(2000)), container([text("y".repeat(2001))])), false),
  },
  { rule: "empty text rejected", layout: v2(text("")), errors: [`field.empty@${C0}.content`], oracle: built(v2(text(""))) },
  // Section shape
  { rule: "section with 1 text and a button ok", layout: v2(section(texts(1))), errors: [], oracle: built(v2(section(texts(1)))) },
  { rule: "section with 3 texts and a thumbnail ok", layout: v2(section(texts(3), thumbnail())), errors: [], oracle: built(v2(section(texts(3), thumbnail()))) },
  { rule: "section with 4 texts rejected", layout: v2(section(texts(4))), errors: [`discord.v2.section.texts@${C0}.components`], oracle: built(v2(section(texts(4)))) },
  { rule: "section with no text rejected", layout: v2(section([])), errors: [`discord.v2.section.texts@${C0}.components`], oracle: built(v2(section([]))) },
  { rule: "section child is a text display", layout: v2(section([text(), row(button("x"))])), errors: [`discord.v2.section.child@${C0}.components.1.type`] },
  { rule: "accessory is a button or thumbnail", layout: v2(section([text()], text())), errors: [`discord.v2.section.accessory@${C0}.accessory.type`], oracle: built(v2(section([text()], text()))) },
  { rule: "accessory required", layout: v2({ type: 9, components: [text()] }), errors: [`field.required@${C0}.accessory`], oracle: built(v2({ type: 9, components: [text()] })) },
  { rule: "accessory button follows button rules", layout: v2(section([text()], { type: 2, style: 5, label: "Docs" })), errors: [`discord.button.requires@${C0}.accessory.url`] },
  // Media: descriptions and URLs
  { rule: "thumbnail description 1,024 ok", layout: v2(section([text()], thumbnail(undefined, { description: "d".repeat(1024) }))), errors: [], oracle: setter(() => new B.ThumbnailBuilder().setDescription("d".repeat(1024))) },
  {
    rule: "thumbnail description 1,025 rejected",
    layout: v2(section([text()], thumbnail(undefined, { description: "d".repeat(1025) }))),
    errors: [`discord.v2.media.description@${C0}.accessory.description`],
    oracle: setter(() => new B.ThumbnailBuilder().setDescription("d".repeat(1025))),
  },
  { rule: "gallery description 1,024 ok", layout: v2({ type: 12, items: [item(undefined, { description: "d".repeat(1024) })] }), errors: [], oracle: setter(() => new B.MediaGalleryItemBuilder().setDescription("d".repeat(1024))) },
  {
    rule: "gallery description 1,025 rejected",
    layout: v2({ type: 12, items: [item(undefined, { description: "d".repeat(1025) })] }),
    errors: [`discord.v2.media.description@${C0}.items.0.description`],
    oracle: setter(() => new B.MediaGalleryItemBuilder().setDescription("d".repeat(1025))),
  },
  { rule: "description null ok", layout: v2({ type: 12, items: [item(undefined, { description: null })] }), errors: [] },
  { rule: "thumbnail https ok", layout: v2(section([text()], thumbnail("https://x.dev/a.png"))), errors: [], oracle: built(v2(thumbnail("https://x.dev/a.png")), true) },
  { rule: "thumbnail attachment ok", layout: v2(section([text()], thumbnail("attachment://a.png"))), errors: [], oracle: built(v2(thumbnail("attachment://a.png"))) },
  { rule: "thumbnail ftp rejected", layout: v2(section([text()], thumbnail("ftp://x.dev/a.png"))), errors: [`discord.v2.media.url@${C0}.accessory.media.url`], oracle: built(v2(thumbnail("ftp://x.dev/a.png"))) },
  { rule: "gallery item bare name rejected", layout: v2({ type: 12, items: [item("a.png")] }), errors: [`discord.v2.media.url@${C0}.items.0.media.url`], oracle: built(v2({ type: 12, items: [item("a.png")] })) },
  // Media Gallery 1–10 items
  { rule: "gallery of 10 ok", layout: v2(gallery(10)), errors: [], oracle: built(v2(gallery(10))) },
  { rule: "gallery of 11 rejected", layout: v2(gallery(11)), errors: [`discord.v2.gallery.items@${C0}.items`], oracle: built(v2(gallery(11))) },
  { rule: "gallery of 0 rejected", layout: v2(gallery(0)), errors: [`discord.v2.gallery.items@${C0}.items`], oracle: built(v2(gallery(0))) },
  // File: attachment:// only
  { rule: "file attachment ok", layout: v2(file("attachment://manual.pdf")), errors: [], oracle: built(v2(file("attachment://manual.pdf"))) },
  { rule: "file https rejected", layout: v2(file("https://x.dev/manual.pdf")), errors: [`discord.v2.file.url@${C0}.file.url`], oracle: built(v2(file("https://x.dev/manual.pdf"))) },
  // Placement: top level, container children
  ...[text(), section([text()]), gallery(1), separator(), file(), row(button("r"))].map((child) => ({
    rule: `container takes type ${child.type}`,
    layout: v2(container([child])),
    errors: [],
  })),
  { rule: "no nested container", layout: v2(container([container([text()])])), errors: [`discord.v2.container.nested@${C0}.components.0.type`], oracle: built(v2(container([container([text()])])), false) },
  { rule: "no bare button in a container", layout: v2(container([button("b")])), errors: [`discord.v2.container.child@${C0}.components.0.type`], oracle: built(v2(container([button("b")])), false) },
  { rule: "no bare button at the top level", layout: v2(button("b")), errors: [`discord.v2.root.type@${C0}.type`] },
  { rule: "no thumbnail at the top level", layout: v2(thumbnail()), errors: [`discord.v2.root.type@${C0}.type`] },
  { rule: "modal-only types refused", layout: v2(container([{ type: 18, label: "x" }])), errors: [`discord.v2.component.modalOnly@${C0}.components.0.type`] },
  { rule: "unknown types refused", layout: v2({ type: 15 }), errors: [`discord.v2.component.type@${C0}.type`] },
  { rule: "an empty container is a warning", layout: v2(container([]), text()), errors: [], warnings: [`discord.v2.container.empty@${C0}.components`] },
  // accent_color
  { rule: "accent 0 ok", layout: v2(container([text()], { accent_color: 0 })), errors: [], oracle: setter(() => new B.ContainerBuilder().setAccentColor(0)) },
  { rule: "accent 0xFFFFFF ok", layout: v2(container([text()], { accent_color: 0xffffff })), errors: [], oracle: setter(() => new B.ContainerBuilder().setAccentColor(0xffffff)) },
  { rule: "accent 0x1000000 rejected", layout: v2(container([text()], { accent_color: 0x1000000 })), errors: [`discord.v2.container.accent@${C0}.accent_color`], oracle: setter(() => new B.ContainerBuilder().setAccentColor(0x1000000)) },
  { rule: "accent -1 rejected", layout: v2(container([text()], { accent_color: -1 })), errors: [`discord.v2.container.accent@${C0}.accent_color`], oracle: setter(() => new B.ContainerBuilder().setAccentColor(-1)) },
  { rule: "accent null ok", layout: v2(container([text()], { accent_color: null })), errors: [], oracle: setter(() => new B.ContainerBuilder().setAccentColor(null as never)) },
  // Separator spacing
  { rule: "spacing 2 ok", layout: v2(separator({ spacing: 2 }), text()), errors: [], oracle: setter(() => new B.SeparatorBuilder().setSpacing(2 as never)) },
  { rule: "spacing 3 rejected", layout: v2(separator({ spacing: 3 }), text()), errors: [`discord.v2.separator.spacing@${C0}.spacing`], oracle: setter(() => new B.SeparatorBuilder().setSpacing(3 as never)) },
  // Numeric id: int32, unique; 0 means unset
  { rule: "id 2^31-1 ok", layout: v2(text("a", { id: 2 ** 31 - 1 })), errors: [], oracle: setter(() => new B.TextDisplayBuilder().setId(2 ** 31 - 1)) },
  { rule: "id 2^31 rejected (builders reads ids as unsigned)", layout: v2(text("a", { id: 2 ** 31 })), errors: [`discord.id.range@${C0}.id`], oracle: setter(() => new B.TextDisplayBuilder().setId(2 ** 31), false) },
  { rule: "id -2^31 ok (builders refuses below 1)", layout: v2(text("a", { id: -(2 ** 31) })), errors: [], oracle: setter(() => new B.TextDisplayBuilder().setId(-(2 ** 31)), false) },
  { rule: "id -2^31-1 rejected", layout: v2(text("a", { id: -(2 ** 31) - 1 })), errors: [`discord.id.range@${C0}.id`], oracle: setter(() => new B.TextDisplayBuilder().setId(-(2 ** 31) - 1)) },
  { rule: "id 1.5 rejected", layout: v2(text("a", { id: 1.5 })), errors: [`field.type@${C0}.id`] },
  { rule: "two ids of 0 ok (unset; builders refuses 0)", layout: v2(text("a", { id: 0 }), text("b", { id: 0 })), errors: [], oracle: setter(() => new B.TextDisplayBuilder().setId(0), false) },
  {
    rule: "an id used twice in the tree rejected (builders has no message-level check)",
    layout: v2(container([text("a", { id: 7 }), row(button("b", { id: 7 }))])),
    errors: [`discord.id.duplicate@${C0}.components.1.components.0.id`],
    oracle: built(v2(container([text("a", { id: 7 }), row(button("b", { id: 7 }))])), false),
  },
  // custom_id: 1–100, unique across the whole tree
  { rule: "custom_id of 100 ok", layout: v2(row(button("x".repeat(100), { label: "L" }))), errors: [], oracle: setter(() => new B.ButtonBuilder().setCustomId("x".repeat(100))) },
  { rule: "custom_id of 101 rejected", layout: v2(row(button("x".repeat(101), { label: "L" }))), errors: [`field.tooLong@${C0}.components.0.custom_id`], oracle: setter(() => new B.ButtonBuilder().setCustomId("x".repeat(101))) },
  {
    rule: "custom_id unique across a row and a section accessory",
    layout: v2(container([row(button("same")), section([text()], button("same"))])),
    errors: [`discord.customId.duplicate@${C0}.components.1.accessory.custom_id`],
  },
  // Action rows inside V2, as in legacy
  { rule: "row of 5 buttons ok", layout: v2(row(...buttons(5))), errors: [] },
  { rule: "row of 6 buttons rejected (builders has no row-level check)", layout: v2(row(...buttons(6))), errors: [`discord.row.buttonsMax@${C0}.components.5`], oracle: built(v2(row(...buttons(6))), false) },
  { rule: "select beside a button rejected", layout: v2(row(userSelect(), button("b"))), errors: [`discord.row.selectAlone@${C0}.components`] },
  // Selects' newer fields
  { rule: "default_values within min..max ok", layout: v2(row(userSelect({ max_values: 2, default_values: users(2) }))), errors: [] },
  {
    rule: "default_values over max_values rejected (builders does not count)",
    layout: v2(row(userSelect({ max_values: 2, default_values: users(3) }))),
    errors: [`discord.select.defaultValuesCount@${C0}.components.0.default_values`],
    oracle: setter(() => B.SelectMenuAssertions.selectMenuUserPredicate.parse(userSelect({ max_values: 2, default_values: users(3) })), false),
  },
  { rule: "empty default_values preselects nothing, ok", layout: v2(row(userSelect({ min_values: 1, default_values: [] }))), errors: [] },
  { rule: "default_values under min_values rejected", layout: v2(row(userSelect({ min_values: 2, max_values: 3, default_values: users(1) }))), errors: [`discord.select.defaultValuesCount@${C0}.components.0.default_values`] },
  {
    rule: "default value of the wrong kind rejected",
    layout: v2(row(userSelect({ default_values: [{ id: "1", type: "role" }] }))),
    errors: [`discord.select.defaultValueType@${C0}.components.0.default_values.0.type`],
    oracle: setter(() => B.SelectMenuAssertions.selectMenuUserPredicate.parse(userSelect({ default_values: [{ id: "1", type: "role" }] }))),
  },
  { rule: "mentionable select takes users and roles", layout: v2(row({ type: 7, custom_id: "m", max_values: 2, default_values: [{ id: "1", type: "user" }, { id: "2", type: "role" }] })), errors: [] },
  { rule: "channel_types on a channel select ok", layout: v2(row({ type: 8, custom_id: "c", channel_types: [0, 2] })), errors: [] },
  {
    rule: "channel_types on a user select rejected (builders ignores unknown keys)",
    layout: v2(row(userSelect({ channel_types: [0] }))),
    errors: [`discord.select.channelTypesOnly@${C0}.components.0.channel_types`],
    oracle: setter(() => B.SelectMenuAssertions.selectMenuUserPredicate.parse(userSelect({ channel_types: [0] })), false),
  },
  { rule: "required is ignored in a message: warning", layout: v2(row(userSelect({ required: true }))), errors: [], warnings: [`discord.select.requiredIgnored@${C0}.components.0.required`] },
  { rule: "disabled select ok in a message", layout: v2(row(userSelect({ disabled: true }))), errors: [] },
];

describe("Discord Components V2 rules", () => {
  it.each(table)("$rule", ({ layout, errors, warnings }) => {
    const result = discordV2Layout.validate(layout);
    expect(at(result.errors)).toEqual(errors);
    expect(at(result.warnings)).toEqual(warnings ?? []);
    expect(result.ok).toBe(errors.length === 0);
  });

  it.each(table.filter((row) => row.oracle))("@discordjs/builders on: $rule", ({ errors, oracle }) => {
    const ours = errors.length === 0;
    expect(accepts(oracle!.run)).toBe(oracle!.agrees ? ours : !ours);
  });

  it("reads every layout the schema accepts as its type, and the issue's body parses whole", () => {
    expect(discordV2Layout.schema.safeParse(ISSUE_EXAMPLE).success).toBe(true);
    expect(discordV2Layout.schema.safeParse(discordV2Layout.emptyLayout()).success).toBe(true);
  });
});
