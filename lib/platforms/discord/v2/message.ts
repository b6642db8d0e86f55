import { isRecord } from "../../issues";
import { DISCORD_V2_REFUSED_FIELDS } from "./limits";

const REFUSED: readonly string[] = DISCORD_V2_REFUSED_FIELDS;

/**
 * The Create Message body (`POST /channels/{id}/messages`): the layout as saved, `{flags, components}` and any
 * other body field it carries (allowed_mentions, attachments for attachment:// references), in its own order, so
 * export is byte-faithful. The fields the flag disables never go out; the rules refuse a layout carrying them.
 */
export function toDiscordV2Message(layout: unknown): Record<string, unknown> {
  const body = isRecord(layout) ? layout : {};
  return Object.fromEntries(Object.entries(body).filter(([key]) => !REFUSED.includes(key)));
}

/** CHANNEL_MESSAGE_WITH_SOURCE (interaction callback type 4) with the same message as its data. */
const CHANNEL_MESSAGE_WITH_SOURCE = 4;

export function discordV2ExtraExports(layout: unknown): Record<string, unknown> {
  return { interactionResponse: { type: CHANNEL_MESSAGE_WITH_SOURCE, data: toDiscordV2Message(layout) } };
}
