import { isRecord } from "../../issues";
import { DISCORD_V2_FLAG } from "./limits";

/** Interaction callback types whose data is a message: 4 CHANNEL_MESSAGE_WITH_SOURCE, 7 UPDATE_MESSAGE. */
const MESSAGE_RESPONSES: readonly unknown[] = [4, 7];

/** Whether a message body has IS_COMPONENTS_V2 set. */
export function isDiscordV2Body(json: unknown): json is Record<string, unknown> {
  return isRecord(json) && Array.isArray(json.components) && typeof json.flags === "number" && (json.flags & DISCORD_V2_FLAG) !== 0;
}

/**
 * A pasted V2 Create Message body, or an interaction response `{type: 4, data: {flags, components}}`; null when
 * not a V2 message. The body itself becomes the layout, so key order and unknown fields survive to export.
 */
export function importDiscordV2Message(json: unknown): { layout: unknown; text: string } | null {
  const body = isRecord(json) && MESSAGE_RESPONSES.includes(json.type) && isRecord(json.data) ? json.data : json;
  return isDiscordV2Body(body) ? { layout: body, text: "" } : null;
}
