import { isRecord } from "../issues";

/** Accepts a Create Message body ({content, components}), {components}, or a bare array of action rows. */
export function importDiscordMessage(json: unknown): { layout: unknown; text: string } | null {
  if (Array.isArray(json)) return { layout: { components: json }, text: "" };
  if (!isRecord(json) || !Array.isArray(json.components)) return null;
  return { layout: { components: json.components }, text: typeof json.content === "string" ? json.content : "" };
}
