import type { LimitNote, PlatformAdapter } from "../types";
import { clickDiscordComponent } from "./click";
import { discordGrid } from "./grid";
import { discordKinds } from "./kinds";
import { importDiscordMessage } from "./import";
import { DISCORD_CUSTOM_ID_MAX, DISCORD_LABEL_MAX, DISCORD_MAX_BUTTONS_PER_ROW, DISCORD_MAX_ROWS, DISCORD_URL_MAX } from "./limits";
import { checkDiscordText, toDiscordMessage } from "./message";
import { checkDiscordLayout } from "./rules";
import { discordLayoutSchema, type DiscordLayout } from "./schema";

export const discordAdapter: PlatformAdapter<DiscordLayout> = {
  id: "discord",
  name: "Discord",
  // `modal`: a MODAL_SUBMIT's modal custom_id; `data` then holds the submitted values by custom_id.
  ruleFields: ["control", "data", "command", "modal"],
  manualReplies: true,
  layout: {
    schema: discordLayoutSchema,
    limits: {
      rows: DISCORD_MAX_ROWS,
      buttonsPerRow: DISCORD_MAX_BUTTONS_PER_ROW,
      customIdLength: DISCORD_CUSTOM_ID_MAX,
      labelLength: DISCORD_LABEL_MAX,
      urlLength: DISCORD_URL_MAX,
    },
    limitNotes: (): LimitNote[] => [
      { key: "gridRows", params: { rows: DISCORD_MAX_ROWS, buttons: DISCORD_MAX_BUTTONS_PER_ROW } },
      { key: "customIdLength", params: { max: DISCORD_CUSTOM_ID_MAX } },
    ],
    hasText: true,
    scenes: [],
    emptyLayout: (text) => discordGrid.withRows({}, [[discordGrid.newCell([], text)]]) as DiscordLayout,
    // Discord has no known misspellings to repair.
    normalize: (input) => ({ layout: input, warnings: [] }),
    validate(input) {
      const found = checkDiscordLayout(input);
      return { ok: found.errors.length === 0, ...found, layout: input };
    },
    toMessage: toDiscordMessage,
    checkText: checkDiscordText,
    importMessage: importDiscordMessage,
    grid: discordGrid,
    click: clickDiscordComponent,
    // The V2 message and the modal are kinds of their own (kinds.ts); this adapter is the default one.
    kinds: discordKinds(() => discordAdapter.layout!),
  },
};
