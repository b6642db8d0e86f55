"use client";

import { isModalData } from "@/lib/platforms/discord/modal/import";
import type { TreePreviewProps } from "../types";
import { DiscordModalPreview } from "./discord-modal-preview";
import { DiscordV2Preview } from "./discord-v2-preview";

/** A Discord tree layout in the client's look: a modal (it has a title) as its dialog, else a Components V2 message. */
export function DiscordTreePreview(props: TreePreviewProps) {
  return isModalData(props.layout) ? <DiscordModalPreview {...props} /> : <DiscordV2Preview {...props} />;
}
