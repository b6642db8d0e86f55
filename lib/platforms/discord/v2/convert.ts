import { isRecord } from "../../issues";
import { DISCORD_MAX_ROWS } from "../limits";
import { DISCORD_V2_FLAG, DISCORD_V2_REFUSED_FIELDS } from "./limits";
import { allComponents } from "./tree";

const REFUSED: readonly string[] = DISCORD_V2_REFUSED_FIELDS;

/** Whether a layout is a V2 message: its `flags` has IS_COMPONENTS_V2 (what kindOf needs; the components may be half-edited). */
export function isDiscordV2Layout(layout: unknown): boolean {
  return isRecord(layout) && typeof layout.flags === "number" && (layout.flags & DISCORD_V2_FLAG) !== 0;
}

/**
 * A legacy message as V2: its action rows become top-level components and the flag is set; the fields the flag
 * disables are dropped (a legacy template's content lives in its text, which a V2 message cannot send).
 */
export function legacyToV2(layout: unknown): Record<string, unknown> {
  const base = isRecord(layout) ? layout : {};
  const kept = Object.fromEntries(Object.entries(base).filter(([key]) => key !== "flags" && !REFUSED.includes(key)));
  const flags = typeof base.flags === "number" ? base.flags | DISCORD_V2_FLAG : DISCORD_V2_FLAG;
  return { flags, ...kept, components: Array.isArray(base.components) ? base.components : [] };
}

/**
 * A V2 message as legacy: its action rows, wherever they sat, in reading order and at most 5; text, media and
 * containers have no legacy form and are dropped. Only for a template never sent: a sent message keeps the flag.
 */
export function v2ToLegacy(layout: unknown): Record<string, unknown> {
  const base = isRecord(layout) ? layout : {};
  const rows = allComponents(layout).filter((c) => isRecord(c) && c.type === 1).slice(0, DISCORD_MAX_ROWS);
  const { flags, ...rest } = base;
  const left = typeof flags === "number" ? flags & ~DISCORD_V2_FLAG : 0;
  return { ...(left ? { flags: left } : {}), ...rest, components: rows };
}
