// Colours a Feishu card's markdown may name: `<font color>`, `<text_tag color>`, `<number_tag>`.
// The family anchors are the client's light-theme values already used by the preview (header tints
// are the -100 shade, header swatches the -500 one, the grey scale the client's neutral ramp). The
// shades in between are mixed from those anchors: close to the client, not copied from it.

type Rgb = readonly [number, number, number];

/** Per colour family: its -100 tint, its -500 swatch, and the text colour a bare name gives. */
const FAMILIES: Record<string, { tint: string; swatch: string; text: string }> = {
  blue: { tint: "#e1eaff", swatch: "#3370ff", text: "#3370ff" },
  wathet: { tint: "#d9f3fd", swatch: "#3db8f5", text: "#3d8fdf" },
  turquoise: { tint: "#d5f6f2", swatch: "#2dbeab", text: "#00a79d" },
  green: { tint: "#d9f5d6", swatch: "#34c724", text: "#32a645" },
  lime: { tint: "#eef6c6", swatch: "#b3d600", text: "#8fb000" },
  yellow: { tint: "#faf1d1", swatch: "#ffc60a", text: "#dc9b04" },
  sunflower: { tint: "#fcf4d3", swatch: "#ffd21f", text: "#d9a400" },
  orange: { tint: "#feead2", swatch: "#ff8800", text: "#ed6d0c" },
  red: { tint: "#fde2e2", swatch: "#f54a45", text: "#f54a45" },
  carmine: { tint: "#fddded", swatch: "#f14c9c", text: "#d23b84" },
  violet: { tint: "#eadffd", swatch: "#9f6ff1", text: "#7f3bf5" },
  purple: { tint: "#f1defb", swatch: "#b54dea", text: "#a43bd8" },
  indigo: { tint: "#e0e2fa", swatch: "#4954e6", text: "#4954e6" },
};

/** Feishu's neutral ramp (`grey-00` … `grey-1000`); a bare `grey` is grey-500. */
const GREYS: Record<string, string> = {
  "00": "#ffffff", "50": "#f5f6f7", "100": "#f2f3f5", "150": "#eff0f1", "200": "#eff0f1", "250": "#e4e5e7",
  "300": "#dee0e3", "350": "#d0d3d6", "400": "#bbbfc4", "450": "#a6abb1", "500": "#8f959e", "550": "#7a8089",
  "600": "#646a73", "650": "#51565d", "700": "#373c43", "750": "#2f3338", "800": "#2b2f36", "850": "#25282e",
  "900": "#1f2329", "950": "#0f1114", "1000": "#000000",
};

const SHADES = new Set(["50", "100", "200", "300", "350", "400", "500", "600", "700", "800", "900"]);

const hex = (value: string): Rgb => [parseInt(value.slice(1, 3), 16), parseInt(value.slice(3, 5), 16), parseInt(value.slice(5, 7), 16)];
const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

function familyShade(family: { tint: string; swatch: string }, shade: number): string {
  const tint = hex(family.tint);
  const swatch = hex(family.swatch);
  if (shade <= 100) return toHex(mix(WHITE, tint, shade / 100));
  if (shade <= 500) return toHex(mix(tint, swatch, (shade - 100) / 400));
  // Darker than the swatch: Feishu's -900 is roughly the swatch at 40 % brightness.
  return toHex(mix(swatch, BLACK, ((shade - 500) / 400) * 0.6));
}

/** `blue`, `blue-500`, `grey-650`, `neutral`… as a CSS colour, or undefined when Feishu would not know it. */
export function namedColor(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  const dash = lower.lastIndexOf("-");
  const base = dash > 0 ? lower.slice(0, dash) : lower;
  const shade = dash > 0 ? lower.slice(dash + 1) : "";
  if (base === "grey" || base === "gray" || base === "neutral") return shade ? GREYS[shade] : GREYS["500"];
  const family = FAMILIES[base];
  if (!family) return undefined;
  if (!shade) return family.text;
  return SHADES.has(shade) ? familyShade(family, Number(shade)) : undefined;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// Bounded pieces only: the whole value is at most a few dozen characters long.
const RGBA = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(0|1|0?\.\d{1,6}|1\.0{1,6})\s*)?\)$/i;

/**
 * A `<font color>` value as CSS: Feishu colour names and shades, `default` (inherit),
 * `rgba(…)`, and hex (which the existing preview accepted). Anything else is undefined,
 * so the text renders plain rather than with an attacker-chosen style string.
 */
export function fontColor(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed.length > 64) return undefined;
  if (trimmed.toLowerCase() === "default") return "inherit";
  if (HEX.test(trimmed)) return trimmed;
  const rgba = RGBA.exec(trimmed);
  if (rgba) {
    const [r, g, b] = [rgba[1], rgba[2], rgba[3]].map(Number) as [number, number, number];
    if (r > 255 || g > 255 || b > 255) return undefined;
    return rgba[4] === undefined ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Number(rgba[4])})`;
  }
  return namedColor(trimmed);
}

/** The colours `<text_tag color>` accepts; an unknown one falls back to neutral, as a tag always shows. */
export const TEXT_TAG_COLORS = ["neutral", "blue", "turquoise", "lime", "orange", "violet", "indigo", "wathet", "green", "yellow", "red", "purple", "carmine"] as const;

/** A tag pill's background and text: the family's light tint behind its dark shade. */
export function textTagStyle(color: string): { background: string; color: string } {
  const name = color.trim().toLowerCase();
  const family = FAMILIES[name];
  if (!family || !(TEXT_TAG_COLORS as readonly string[]).includes(name)) return { background: GREYS["200"]!, color: GREYS["700"]! };
  return { background: family.tint, color: familyShade(family, 700) };
}
