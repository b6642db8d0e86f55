import { isRecord } from "../../issues";
import type { Actor, ClickOutcome } from "../../types";
import { clickDiscordComponent } from "../click";
import { DISCORD_SELECT_TYPES } from "../limits";

const INTERACTIVE: readonly number[] = [2, ...DISCORD_SELECT_TYPES];

/**
 * A button or select in a V2 tree sends the same MESSAGE_COMPONENT interaction as in a legacy message
 * (interactions/receiving-and-responding "Message Component Data Structure" is the same for both).
 * Text, media, separators and containers take no clicks.
 */
export function clickDiscordV2Component(cell: unknown, actor: Actor): ClickOutcome {
  if (isRecord(cell) && !INTERACTIVE.includes(Number(cell.type))) return { kind: "none", code: "discord.v2.click.static" };
  return clickDiscordComponent(cell, actor);
}
