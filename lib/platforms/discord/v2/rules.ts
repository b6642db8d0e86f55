import { isRecord, issuesFromZod, WITH_INPUT } from "../../issues";
import type { IssuePath } from "../../types";
import { DISCORD_SELECT_TYPES } from "../limits";
import { checkActionRow, checkComponentId, checkInteractive, newMessageScope, type Findings, type MessageScope } from "../rules";
import { checkAccent, checkFile, checkGallery, checkMedia, checkSeparator } from "./content-rules";
import {
  DISCORD_MODAL_ONLY_TYPES,
  DISCORD_V2_ACCESSORY_TYPES,
  DISCORD_V2_COMPONENT as V2,
  DISCORD_V2_CONTAINER_CHILD_TYPES,
  DISCORD_V2_FLAG,
  DISCORD_V2_MAX_COMPONENTS,
  DISCORD_V2_REFUSED_FIELDS,
  DISCORD_V2_SECTION_TEXTS_MAX,
  DISCORD_V2_SECTION_TEXTS_MIN,
  DISCORD_V2_TEXT_TOTAL_MAX,
  DISCORD_V2_TOP_LEVEL_TYPES,
} from "./limits";
import {
  discordContainerNodeSchema,
  discordFileSchema,
  discordMediaGallerySchema,
  discordSectionNodeSchema,
  discordSeparatorSchema,
  discordTextDisplaySchema,
  discordThumbnailSchema,
} from "./schema";

/** Where a component sits, which decides the types it may have (components/reference.mdx, each "Child Components"). */
type Place = "root" | "container" | "section" | "accessory";

const INTERACTIVE: readonly number[] = [2, ...DISCORD_SELECT_TYPES];
const KNOWN: readonly number[] = [...INTERACTIVE, ...DISCORD_V2_TOP_LEVEL_TYPES, V2.thumbnail];
const NODE_SCHEMAS = {
  [V2.textDisplay]: discordTextDisplaySchema,
  [V2.thumbnail]: discordThumbnailSchema,
  [V2.mediaGallery]: discordMediaGallerySchema,
  [V2.file]: discordFileSchema,
  [V2.separator]: discordSeparatorSchema,
  [V2.section]: discordSectionNodeSchema,
  [V2.container]: discordContainerNodeSchema,
} as const;

/** A message carries something in a field the flag disables (null, "" and [] clear a field, as an edit must). */
const carries = (value: unknown) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);

/** Checks a Components V2 message layout ({flags, components}); structure of each component, then the message-wide rules. */
export function checkDiscordV2Layout(layout: unknown): Findings {
  const scope = newMessageScope();
  const found = scope.found;
  if (!isRecord(layout)) {
    found.errors.push({ code: "field.type", path: [], params: { expected: "object" } });
    return found;
  }
  const flags = layout.flags;
  if (typeof flags !== "number" || !Number.isInteger(flags) || (flags & DISCORD_V2_FLAG) === 0) {
    found.errors.push({ code: "discord.v2.flag", path: ["flags"], params: { flag: String(DISCORD_V2_FLAG) } });
  }
  for (const field of DISCORD_V2_REFUSED_FIELDS) {
    if (carries(layout[field])) found.errors.push({ code: "discord.v2.field.refused", path: [field], params: { field } });
  }
  const roots = layout.components;
  if (!Array.isArray(roots)) {
    found.errors.push({ code: roots === undefined ? "field.required" : "field.type", path: ["components"], params: { expected: "array" } });
    return found;
  }
  if (roots.length === 0) found.errors.push({ code: "discord.v2.components.none", path: ["components"] });
  const walk = new Walk(scope);
  roots.forEach((node: unknown, i) => walk.visit(node, ["components", i], "root"));
  walk.finish();
  return found;
}

class Walk {
  private count = 0;
  private firstOver: IssuePath | null = null;
  private chars = 0;
  private charsOver: IssuePath | null = null;

  constructor(private readonly scope: MessageScope) {}

  /** "Messages allow up to 40 total components": every component counts, nested ones and accessories included. */
  private counted(path: IssuePath) {
    this.count++;
    if (this.count === DISCORD_V2_MAX_COMPONENTS + 1) this.firstOver = path;
  }

  finish() {
    const errors = this.scope.found.errors;
    if (this.firstOver) errors.push({ code: "discord.v2.components.max", path: this.firstOver, params: { max: DISCORD_V2_MAX_COMPONENTS, count: this.count } });
    if (this.charsOver) errors.push({ code: "discord.v2.text.total", path: this.charsOver, params: { max: DISCORD_V2_TEXT_TOTAL_MAX, count: this.chars } });
  }

  visit(node: unknown, path: IssuePath, place: Place): void {
    this.counted(path);
    const errors = this.scope.found.errors;
    if (!isRecord(node)) {
      errors.push({ code: "field.type", path, params: { expected: "object" } });
      return;
    }
    const type = node.type;
    if (typeof type !== "number" || !Number.isInteger(type)) {
      errors.push(type === undefined ? { code: "field.required", path: [...path, "type"] } : { code: "field.type", path: [...path, "type"], params: { expected: "int" } });
      return;
    }
    if (!this.known(type, path, place)) return;
    if (type === 1) {
      checkActionRow(node, path, this.scope);
      if (Array.isArray(node.components)) node.components.forEach((_, c) => this.counted([...path, "components", c]));
      return;
    }
    if (INTERACTIVE.includes(type)) {
      checkInteractive(node, path, this.scope);
      return;
    }
    checkComponentId(node, path, this.scope);
    this.content(node, type, path);
  }

  /**
   * Whether the type is a message component at all (false: nothing more to check), with a finding when it may not
   * sit here. A misplaced component is still checked: it counts, and its custom_id and id stay taken.
   */
  private known(type: number, path: IssuePath, place: Place): boolean {
    const errors = this.scope.found.errors;
    const at = [...path, "type"];
    if (DISCORD_MODAL_ONLY_TYPES.includes(type)) errors.push({ code: "discord.v2.component.modalOnly", path: at, params: { type } });
    else if (!KNOWN.includes(type)) errors.push({ code: "discord.v2.component.type", path: at, params: { type } });
    else {
      if (place === "root" && !DISCORD_V2_TOP_LEVEL_TYPES.includes(type)) errors.push({ code: "discord.v2.root.type", path: at, params: { type } });
      else if (place === "container" && type === V2.container) errors.push({ code: "discord.v2.container.nested", path: at });
      else if (place === "container" && !DISCORD_V2_CONTAINER_CHILD_TYPES.includes(type)) errors.push({ code: "discord.v2.container.child", path: at, params: { type } });
      else if (place === "section" && type !== V2.textDisplay) errors.push({ code: "discord.v2.section.child", path: at, params: { type } });
      else if (place === "accessory" && !DISCORD_V2_ACCESSORY_TYPES.includes(type)) errors.push({ code: "discord.v2.section.accessory", path: at, params: { type } });
      return true;
    }
    return false;
  }

  private content(node: Record<string, unknown>, type: number, path: IssuePath): void {
    const found = this.scope.found;
    const schema = NODE_SCHEMAS[type as keyof typeof NODE_SCHEMAS];
    const parsed = schema.safeParse(node, WITH_INPUT);
    if (!parsed.success) found.errors.push(...issuesFromZod(parsed.error, path));
    switch (type) {
      case V2.textDisplay:
        if (typeof node.content === "string") this.text(node.content, [...path, "content"]);
        return;
      case V2.thumbnail:
        return checkMedia(node, path, found);
      case V2.mediaGallery:
        return checkGallery(node, path, found);
      case V2.file:
        return checkFile(node, path, found);
      case V2.separator:
        return checkSeparator(node, path, found);
      case V2.section:
        return this.section(node, path);
      case V2.container:
        checkAccent(node, path, found);
        if (Array.isArray(node.components)) {
          if (node.components.length === 0) found.warnings.push({ code: "discord.v2.container.empty", path: [...path, "components"] });
          node.components.forEach((child: unknown, c) => this.visit(child, [...path, "components", c], "container"));
        }
    }
  }

  /** Section: 1–3 Text Displays and one accessory, a Button or a Thumbnail. */
  private section(node: Record<string, unknown>, path: IssuePath): void {
    const found = this.scope.found;
    const texts = node.components;
    if (Array.isArray(texts)) {
      if (texts.length < DISCORD_V2_SECTION_TEXTS_MIN || texts.length > DISCORD_V2_SECTION_TEXTS_MAX) {
        found.errors.push({
          code: "discord.v2.section.texts",
          path: [...path, "components"],
          params: { min: DISCORD_V2_SECTION_TEXTS_MIN, max: DISCORD_V2_SECTION_TEXTS_MAX, count: texts.length },
        });
      }
      texts.forEach((text: unknown, t) => this.visit(text, [...path, "components", t], "section"));
    }
    // A missing or typeless accessory is the schema's finding.
    if (isRecord(node.accessory) && node.accessory.type !== undefined) this.visit(node.accessory, [...path, "accessory"], "accessory");
  }

  /** All Text Display content together: the path of the one that crosses the limit. */
  private text(content: string, path: IssuePath) {
    this.chars += [...content].length;
    if (this.chars > DISCORD_V2_TEXT_TOTAL_MAX && !this.charsOver) this.charsOver = path;
  }
}
