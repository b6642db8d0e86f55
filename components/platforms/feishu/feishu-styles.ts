// Feishu client colours (light theme), read off the card builder's palette.

/** Header band per `header.template`: a tint of the colour, the title in ink. */
export const HEADER_STYLES: Record<string, { background: string; color: string; swatch: string }> = {
  blue: { background: "#e1eaff", color: "#1f2329", swatch: "#3370ff" },
  wathet: { background: "#d9f3fd", color: "#1f2329", swatch: "#3db8f5" },
  turquoise: { background: "#d5f6f2", color: "#1f2329", swatch: "#2dbeab" },
  green: { background: "#d9f5d6", color: "#1f2329", swatch: "#34c724" },
  yellow: { background: "#faf1d1", color: "#1f2329", swatch: "#ffc60a" },
  orange: { background: "#feead2", color: "#1f2329", swatch: "#ff8800" },
  red: { background: "#fde2e2", color: "#1f2329", swatch: "#f54a45" },
  carmine: { background: "#fddded", color: "#1f2329", swatch: "#f14c9c" },
  violet: { background: "#eadffd", color: "#1f2329", swatch: "#9f6ff1" },
  purple: { background: "#f1defb", color: "#1f2329", swatch: "#b54dea" },
  indigo: { background: "#e0e2fa", color: "#1f2329", swatch: "#4954e6" },
  grey: { background: "#eff0f1", color: "#1f2329", swatch: "#8f959e" },
  default: { background: "#ffffff", color: "#1f2329", swatch: "#ffffff" },
};

/** Button look per `type`: border, fill and text. */
export const BUTTON_TYPE_CLASSES: Record<string, string> = {
  default: "border border-[#d0d3d6] bg-white text-[#1f2329] hover:bg-[#f2f3f5]",
  primary: "border border-[#3370ff] bg-white text-[#3370ff] hover:bg-[#e1eaff]",
  danger: "border border-[#f54a45] bg-white text-[#f54a45] hover:bg-[#fde2e2]",
  text: "border border-transparent bg-transparent text-[#1f2329] hover:bg-[#f2f3f5]",
  primary_text: "border border-transparent bg-transparent text-[#3370ff] hover:bg-[#e1eaff]",
  danger_text: "border border-transparent bg-transparent text-[#f54a45] hover:bg-[#fde2e2]",
  primary_filled: "border border-[#3370ff] bg-[#3370ff] text-white hover:bg-[#245bdb]",
  danger_filled: "border border-[#f54a45] bg-[#f54a45] text-white hover:bg-[#d83931]",
  // "laser": the AI style, a gradient outline and gradient text.
  laser:
    "border border-transparent text-[#5b4cf0] [background:linear-gradient(#fff,#fff)_padding-box,linear-gradient(90deg,#336df4,#9f5af2,#f2668a)_border-box] hover:[background:linear-gradient(#f5f3ff,#f5f3ff)_padding-box,linear-gradient(90deg,#336df4,#9f5af2,#f2668a)_border-box]",
};

export const BUTTON_SIZE_CLASSES: Record<string, string> = {
  tiny: "h-6 px-2 text-xs rounded",
  small: "h-7 px-3 text-xs rounded-md",
  medium: "h-8 px-4 text-sm rounded-md",
  large: "h-10 px-5 text-sm rounded-md",
};

export const BUTTON_DISABLED_CLASSES = "border border-[#dee0e3] bg-[#f2f3f5] text-[#bbbfc4] cursor-not-allowed";

/** Text fields, selects and pickers: Feishu's 32 px field with the grey border that turns blue on focus. */
export const FIELD_CLASSES =
  "h-8 w-full rounded-md border border-[#d0d3d6] bg-white px-2.5 text-sm text-[#1f2329] placeholder:text-[#8f959e] hover:border-[#3370ff] focus:border-[#3370ff] focus:outline-none disabled:cursor-not-allowed disabled:border-[#dee0e3] disabled:bg-[#f2f3f5] disabled:text-[#bbbfc4]";

/** Table `options` tags and select tags: a light tint with the colour's ink, per Feishu's tag colours. */
export const TAG_COLOURS: Record<string, { background: string; color: string }> = {
  neutral: { background: "#eff0f1", color: "#1f2329" },
  blue: { background: "#e1eaff", color: "#245bdb" },
  turquoise: { background: "#d5f6f2", color: "#078372" },
  lime: { background: "#eef6c6", color: "#667901" },
  orange: { background: "#feead2", color: "#b26206" },
  violet: { background: "#eadffd", color: "#6425d0" },
  indigo: { background: "#e0e2fa", color: "#2f3ab2" },
  wathet: { background: "#d9f3fd", color: "#037eaa" },
  green: { background: "#d9f5d6", color: "#237b19" },
  yellow: { background: "#faf1d1", color: "#8f7600" },
  red: { background: "#fde2e2", color: "#c02a26" },
  purple: { background: "#f1defb", color: "#8a2ec2" },
  carmine: { background: "#fddded", color: "#c71e6e" },
};

/** Collapsible panel and interactive container backgrounds by colour name. */
export const BACKGROUND_COLOURS: Record<string, string> = {
  default: "transparent",
  grey: "#f2f3f5",
  blue: "#e1eaff",
  wathet: "#d9f3fd",
  turquoise: "#d5f6f2",
  green: "#d9f5d6",
  yellow: "#faf1d1",
  orange: "#feead2",
  red: "#fde2e2",
  carmine: "#fddded",
  violet: "#eadffd",
  purple: "#f1defb",
  indigo: "#e0e2fa",
  laser: "linear-gradient(90deg,#eef3ff,#f5efff,#fff0f4)",
};
