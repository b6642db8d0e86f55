// Discord message components (discord-api-docs components/reference.mdx).
/** Legacy (non-IS_COMPONENTS_V2) messages: up to 5 action rows as top-level components. */
export const DISCORD_MAX_ROWS = 5;
/** An action row holds up to 5 buttons or a single select. */
export const DISCORD_MAX_BUTTONS_PER_ROW = 5;
export const DISCORD_CUSTOM_ID_MAX = 100;
export const DISCORD_LABEL_MAX = 80;
export const DISCORD_URL_MAX = 512;
export const DISCORD_SELECT_OPTIONS_MAX = 25;
export const DISCORD_OPTION_TEXT_MAX = 100;
export const DISCORD_PLACEHOLDER_MAX = 150;
export const DISCORD_SELECT_VALUES_MAX = 25;

export const DISCORD_COMPONENT = {
  actionRow: 1,
  button: 2,
  stringSelect: 3,
  textInput: 4,
  userSelect: 5,
  roleSelect: 6,
  mentionableSelect: 7,
  channelSelect: 8,
} as const;

export const DISCORD_SELECT_TYPES = [3, 5, 6, 7, 8] as const;

/**
 * Select Default Value types each auto-populated select takes (User/Role/Mentionable/Channel Select structures:
 * `default_values` of `{id, type: "user" | "role" | "channel"}`, their count within min_values..max_values).
 */
export const DISCORD_DEFAULT_VALUE_TYPES: Readonly<Record<number, readonly string[]>> = {
  5: ["user"],
  6: ["role"],
  7: ["user", "role"],
  8: ["channel"],
};

/** Every component's optional `id`: "32 bit integer … must be unique within the message"; 0 means unset. */
export const DISCORD_COMPONENT_ID_MIN = -(2 ** 31);
export const DISCORD_COMPONENT_ID_MAX = 2 ** 31 - 1;

/** Button styles 1 Primary, 2 Secondary, 3 Success, 4 Danger, 5 Link, 6 Premium. */
export const DISCORD_BUTTON_STYLES = [1, 2, 3, 4, 5, 6] as const;
export const DISCORD_STYLE_LINK = 5;
export const DISCORD_STYLE_PREMIUM = 6;
