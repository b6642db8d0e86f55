import type { DiscordLayout } from "./schema";

/** Create Message body: `content` beside the action rows; Discord rejects an empty content string. */
export function toDiscordMessage(layout: DiscordLayout, text: string): Record<string, unknown> {
  return text === "" ? { components: layout.components } : { content: text, components: layout.components };
}
