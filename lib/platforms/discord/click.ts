import { isRecord } from "../issues";
import type { Actor, ClickOutcome } from "../types";
import { DISCORD_COMPONENT, DISCORD_STYLE_LINK, DISCORD_STYLE_PREMIUM } from "./limits";
import { isDiscordSelect } from "./grid";

/** interaction.type 3: MESSAGE_COMPONENT. */
const MESSAGE_COMPONENT = 3;

/** The interaction Discord POSTs to the endpoint: `type` (3 MESSAGE_COMPONENT, 5 MODAL_SUBMIT) and its `data`. */
export function discordInteraction<D>(type: number, data: D, actor: Actor, id: string = crypto.randomUUID()) {
  return {
    id,
    application_id: "APPLICATION_ID",
    type,
    // Random like Discord's: the simulator's webhook stand-in accepts only tokens it sent, and a fixed one could be guessed.
    token: `aW50ZXJhY3Rpb24${crypto.randomUUID().replaceAll("-", "")}`,
    version: 1,
    guild_id: "GUILD_ID",
    channel_id: "CHANNEL_ID",
    member: { user: { id: actor.userId }, roles: actor.roles },
    data,
  };
}

/** The MESSAGE_COMPONENT interaction Discord POSTs to the endpoint when a component is used. */
export function discordComponentInteraction(component: Record<string, unknown>, actor: Actor, id = crypto.randomUUID()) {
  const select = isDiscordSelect(component);
  const options = Array.isArray(component.options) ? component.options.filter(isRecord) : [];
  return discordInteraction(MESSAGE_COMPONENT, {
    custom_id: component.custom_id,
    component_type: component.type,
    ...(select ? { values: options.slice(0, 1).map((o) => o.value) } : {}),
  }, actor, id);
}

export function clickDiscordComponent(cell: unknown, actor: Actor): ClickOutcome {
  if (!isRecord(cell)) return { kind: "none", code: "discord.click.invalid" };
  if (cell.disabled === true) return { kind: "none", code: "discord.click.disabled" };
  if (cell.type === DISCORD_COMPONENT.button && cell.style === DISCORD_STYLE_LINK) {
    return { kind: "link", url: typeof cell.url === "string" ? cell.url : "" };
  }
  if (cell.type === DISCORD_COMPONENT.button && cell.style === DISCORD_STYLE_PREMIUM) {
    return { kind: "none", code: "discord.click.premium" };
  }
  return { kind: "request", payload: discordComponentInteraction(cell, actor) };
}
