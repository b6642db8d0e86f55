import type { LayoutAdapter, LayoutKinds } from "../types";
import { discordModalLayout, isModalData } from "./modal";
import { discordV2Layout, isDiscordV2Layout, legacyToV2, v2ToLegacy } from "./v2";

/**
 * Discord's three kinds of layout: a message with action rows (the default), a Components V2 message
 * (flag 1 << 15) and a modal (the data of a type-9 response). Each is recognised by its shape.
 */
export function discordKinds(legacy: () => LayoutAdapter): LayoutKinds {
  return {
    ids: ["legacy", "v2", "modal"],
    kindOf: (layout) => (isModalData(layout) ? "modal" : isDiscordV2Layout(layout) ? "v2" : "legacy"),
    get: (kind) => (kind === "v2" ? discordV2Layout : kind === "modal" ? discordModalLayout : legacy()),
    convert(layout, to) {
      const from = isModalData(layout) ? "modal" : isDiscordV2Layout(layout) ? "v2" : "legacy";
      // The flag can never be removed from a sent message (components reference, "IS_COMPONENTS_V2"): say so first.
      if (from === "legacy" && to === "v2") return { layout: legacyToV2(layout), warning: "discord.kind.toV2" };
      if (from === "v2" && to === "legacy") return { layout: v2ToLegacy(layout), warning: "discord.kind.toLegacy" };
      return null;
    },
  };
}
