import type { DiscordLayout } from "./schema";

/** Create Message body: `content` beside the action rows; Discord rejects an empty content string. */
export function toDiscordMessage(layout: DiscordLayout, text: string): Record<string, unknown> {
  return text === "" ? { components: layout.components } : { content: text, components: layout.components };
}

/** Create Message: content is at most 2000 characters. */
export const DISCORD_CONTENT_MAX = 2000;

export function checkDiscordText(text: string) {
  const length = [...text].length;
  return {
    errors: length > DISCORD_CONTENT_MAX ? [{ code: "discord.text.tooLong", path: ["text"], params: { max: DISCORD_CONTENT_MAX, count: length } }] : [],
    warnings: [],
  };
}
