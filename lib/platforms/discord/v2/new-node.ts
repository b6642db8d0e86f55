import { nextFreeId } from "../../grid-ids";
import { isRecord } from "../../issues";
import type { StarterText } from "../../types";

/*
 * Fresh V2 components, each valid on its own (components/reference.mdx). No numeric `id`: Discord fills ids in
 * sequentially when they are omitted, so only custom_ids need to be made unique here.
 */

/** A public image Discord itself serves (a default avatar), so a new gallery or thumbnail sends as is. */
const SAMPLE_IMAGE = "https://cdn.discordapp.com/embed/avatars/0.png";
/** File components take only attachment:// references: the file is uploaded with the message. */
const SAMPLE_FILE = "attachment://file.pdf";

const SELECT_TYPES: Record<string, number> = { string_select: 3, user_select: 5, role_select: 6, mentionable_select: 7, channel_select: 8 };

/** Hands out custom_ids unused by `existing` nor earlier by this same allocator; `n` numbers the starter label. */
function allocator(existing: unknown[]) {
  const taken = new Set(existing.map((c) => (isRecord(c) ? c.custom_id : undefined)));
  return (prefix: string) => {
    const next = nextFreeId(taken, (i) => `${prefix}_${i}`);
    taken.add(next.id);
    return next;
  };
}
type Allocate = ReturnType<typeof allocator>;

function button(next: Allocate, text: StarterText) {
  const { n, id } = next("button");
  return { type: 2, style: 1, label: text.label(n), custom_id: id };
}

function textDisplay(text: StarterText) {
  return { type: 10, content: text.phrase?.("cardBody") ?? "**Hello!** Pick an option below." };
}

function select(kind: string, next: Allocate, text: StarterText) {
  const type = SELECT_TYPES[kind]!;
  const { id } = next("select");
  if (type !== 3) return { type, custom_id: id };
  const option = (i: number) => ({ label: text.phrase?.("option", { n: i }) ?? `Option ${i}`, value: `option_${i}` });
  return { type, custom_id: id, options: [option(1), option(2)] };
}

function build(kind: string, next: Allocate, text: StarterText): Record<string, unknown> {
  switch (kind) {
    case "text_display":
      return textDisplay(text);
    case "button":
      return button(next, text);
    case "action_row":
      return { type: 1, components: [button(next, text)] };
    case "section":
      return { type: 9, components: [textDisplay(text)], accessory: button(next, text) };
    case "thumbnail":
      return { type: 11, media: { url: SAMPLE_IMAGE } };
    case "media_gallery":
      return { type: 12, items: [{ media: { url: SAMPLE_IMAGE } }] };
    case "file":
      return { type: 13, file: { url: SAMPLE_FILE } };
    case "separator":
      return { type: 14, divider: true, spacing: 1 };
    case "container":
      return { type: 17, components: [textDisplay(text)] };
    default:
      if (kind in SELECT_TYPES) return select(kind, next, text);
      throw new Error(`Discord V2 messages have no new-node template for ${kind}`);
  }
}

/** A new component of a kind; `existing` is every component of the message, whose custom_ids it avoids. */
export function buildV2Node(kind: string, existing: unknown[], text: StarterText): Record<string, unknown> {
  return build(kind, allocator(existing), text);
}

/** The message a new V2 template starts from: a Container with a Text Display and an Action Row with one button. */
export function emptyV2Layout(text: StarterText, flag: number): Record<string, unknown> {
  const next = allocator([]);
  return {
    flags: flag,
    // Discord's blurple: the accent bar shows what a Container is.
    components: [{ type: 17, accent_color: 0x5865f2, components: [textDisplay(text), build("action_row", next, text)] }],
  };
}
