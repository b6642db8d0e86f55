import { isRecord } from "../../issues";

/**
 * The Create Message body (`POST /channels/{id}/messages`): the layout exactly as saved, `{flags, components}` and
 * any other body field it carries (allowed_mentions, attachments for attachment:// references), in its own order:
 * export is byte-faithful. A saved layout carries no content the flag disables (the rules refuse it), only cleared
 * fields (`content: null`, `embeds: []`), which Discord takes as they are.
 */
export function toDiscordV2Message(layout: unknown): Record<string, unknown> {
  return isRecord(layout) ? layout : {};
}

/** CHANNEL_MESSAGE_WITH_SOURCE (interaction callback type 4) with the same message as its data. */
const CHANNEL_MESSAGE_WITH_SOURCE = 4;

export function discordV2ExtraExports(layout: unknown): Record<string, unknown> {
  return { interactionResponse: { type: CHANNEL_MESSAGE_WITH_SOURCE, data: toDiscordV2Message(layout) } };
}
