import type { ComponentType } from "react";
import type { PlatformId } from "@/lib/platforms/types";
import { DiscordInspector } from "./discord/discord-inspector";
import { DiscordPreview } from "./discord/discord-preview";
import { QqInspector } from "./qq/qq-inspector";
import { QqPreview } from "./qq/qq-preview";
import type { InspectorProps, PreviewProps } from "./types";

/** The only place the builder UI maps a platform to its platform-specific panels. */
export const platformPanels: Record<PlatformId, { Inspector: ComponentType<InspectorProps>; Preview: ComponentType<PreviewProps> }> = {
  qq: { Inspector: QqInspector, Preview: QqPreview },
  discord: { Inspector: DiscordInspector, Preview: DiscordPreview },
};
