import { isRecord } from "../../issues";
import type { Actor, ClickOutcome } from "../../types";
import { clickDiscordComponent } from "../click";
import { DISCORD_SELECT_TYPES } from "../limits";

const INTERACTIVE: readonly number[] = [2, ...DISCORD_SELECT_TYPES];

/** Component type 9: Section (components reference). */
const SECTION = 9;

/**
 * A button or select in a V2 tree sends the same MESSAGE_COMPONENT interaction as in a legacy message
 * (interactions/receiving-and-responding "Message Component Data Structure" is the same for both).
 * Text, media, separators and containers take no clicks.
 */
export function clickDiscordV2Component(cell: unknown, actor: Actor): ClickOutcome {
  // A section's accessory is no node of its own: a click on the section is a click on its button.
  if (isRecord(cell) && cell.type === SECTION && isRecord(cell.accessory)) return clickDiscordComponent(cell.accessory, actor);
  if (isRecord(cell) && !INTERACTIVE.includes(Number(cell.type))) return { kind: "none", code: "discord.v2.click.static" };
  return clickDiscordComponent(cell, actor);
}
